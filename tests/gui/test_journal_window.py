"""The Journal inside the real window: nothing typed is lost when the window closes mid-edit,
Edit ▸ Find reaches the search box, and other tabs can jump to an entry."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ontrack.storage.database import open_data_file
from ontrack.storage.repositories.feedback_records import load_feedback
from ontrack.ui.main_window import MainWindow


def test_closing_the_window_mid_edit_loses_nothing(
    qtbot: QtBot, open_window: Callable[[Path], MainWindow], demo_file: Path
) -> None:
    window = open_window(demo_file)
    window.show_tab("journalTab")
    page = window.tab_page("journalTab")
    editor = page.editor
    assert editor.current is not None
    entry_id = editor.current.id
    editor.reflection_edit.setFocus()
    qtbot.keyClicks(editor.reflection_edit, "typed just before closing")
    assert editor.has_pending_edits()  # the pause before saving has not passed yet
    window.close()
    with open_data_file(demo_file) as data:
        stored = load_feedback(data, entry_id)
    assert stored is not None
    assert "typed just before closing" in stored.reflection


def test_switching_tabs_mid_edit_saves(qtbot: QtBot, window: MainWindow) -> None:
    window.show_tab("journalTab")
    editor = window.tab_page("journalTab").editor
    assert editor.current is not None
    editor.tags_edit.setFocus()
    qtbot.keyClicks(editor.tags_edit, ", switching")
    window.show_tab("overviewTab")
    assert not editor.has_pending_edits()
    stored = window.tab_page("journalTab").service.get(editor.current.id)
    assert "switching" in stored.tags


def test_find_focuses_the_search_and_other_tabs_can_open_an_entry(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.show_tab("journalTab")
    page = window.tab_page("journalTab")
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is page.filters.search
    last_row = page.model.rowCount() - 1
    last = page.model.record(last_row)
    assert last is not None
    window.show_tab("overviewTab")
    window.open_tab("journalTab", last.id)
    assert window.tabs.currentWidget() is window.pages["journalTab"]
    assert page.editor.current is not None
    assert page.editor.current.id == last.id
    assert page.view.currentIndex().row() == last_row
    assert not page.select_record("no such entry")
