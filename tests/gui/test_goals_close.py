"""Closing the window a moment after typing a goal's title keeps the title: it is saved
while the data file is still open, not on the focus-out that follows (file closed)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ontrack.app import create_main_window
from ontrack.domain.clock import FixedClock
from ontrack.ui.main_window import MainWindow


def test_a_title_typed_just_before_closing_is_kept(
    qtbot: QtBot,
    open_window: Callable[[Path], MainWindow],
    demo_file: Path,
    clock: FixedClock,
    settings: QSettings,
) -> None:
    window = open_window(demo_file)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    goals = window.tab_page("goalsTab")
    window.show_tab("goalsTab")
    assert goals.detail.goal is not None
    goal_id = goals.detail.goal.id
    title = goals.detail.title_edit
    title.setFocus()
    qtbot.waitUntil(title.hasFocus)
    title.selectAll()
    qtbot.keyClicks(title, "Speak first in planning")  # and close before the typing pause
    window.close()
    again = create_main_window(demo_file, clock=clock, settings=settings)
    qtbot.addWidget(again)
    assert again.tab_page("goalsTab").service.get(goal_id).title == "Speak first in planning"
    again.close()
