"""The window's reminders and calendar: File ▸ Export to calendar…, Tools ▸ the reminder
setting, and the once-a-day "what is due" message when the window opens."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from ontrack.storage.database import open_data_file
from ontrack.storage.dataset_write import merge_dataset
from ontrack.ui.calendar_export import CalendarExporter
from ontrack.ui.main_window import MainWindow
from tests.agenda_data import agenda_dataset


@pytest.fixture
def window(open_window: Callable[[Path], MainWindow], tmp_path: Path) -> MainWindow:
    path = tmp_path / "agenda.sqlite"
    with open_data_file(path) as data:
        merge_dataset(data, agenda_dataset())
    return open_window(path)


def menu_texts(window: MainWindow, title: str) -> list[str]:
    for action in window.menuBar().actions():
        if action.text() == title:
            menu = action.menu()
            assert isinstance(menu, QMenu)
            return [a.text().replace("&", "") for a in menu.actions() if not a.isSeparator()]
    raise AssertionError(f"no {title} menu")


def test_the_menus_offer_calendar_export_and_the_reminder_setting(window: MainWindow) -> None:
    assert "Export to calendar…" in menu_texts(window, "&File")
    assert "Remind me of what is due at start-up" in menu_texts(window, "&Tools")


def test_export_to_calendar_writes_the_dates(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    out = tmp_path / "mine.ics"
    # The export runs in a worker thread: the call returns at once, `done` says when written.
    with qtbot.waitSignal(CalendarExporter.of(window).done, timeout=20_000) as done:
        assert window.export_calendar(out) == out
        assert not window.calendar_action.isEnabled()  # one at a time
    assert done.args == [out]
    assert window.calendar_action.isEnabled()
    with qtbot.waitSignal(CalendarExporter.of(window).done, timeout=20_000):
        window.export_calendar(out)  # again: connected once, enabled again after
    assert window.calendar_action.isEnabled()
    text = out.read_text("utf-8")
    assert "Overdue goal" in text
    assert "UID:" in text


def test_what_is_due_is_said_once_a_day(window: MainWindow) -> None:
    shown: list[tuple[str, str]] = []
    window.reminder._show = lambda title, text: shown.append((title, text)) or True  # type: ignore[method-assign]
    text = window.remind()
    assert text is not None
    assert text.startswith("1 goal overdue")
    assert shown == [("OnTrack: what is due", text)]
    assert window.statusBar().currentMessage() == f"Due: {text}"
    assert window.remind() is None  # the same day: quiet
    assert len(shown) == 1


def test_the_reminder_can_be_turned_off(window: MainWindow) -> None:
    shown: list[str] = []
    window.reminder._show = lambda title, text: shown.append(text) or True  # type: ignore[method-assign]
    window.reminder_action.trigger()  # unchecks: off
    assert not window.reminder_action.isChecked()
    assert window.remind() is None
    assert shown == []
