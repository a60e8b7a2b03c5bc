"""File ▸ Export to calendar… from the window: the dialog's suggestion, the file, the status
line, and the message when the file cannot be written."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from icalendar import Calendar
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from ontrack.services.calendar import CalendarService
from ontrack.ui.calendar_export import export_calendar
from ontrack.ui.file_actions import LAST_FOLDER
from ontrack.ui.main_window import MainWindow
from tests.gui.conftest import when_modal


def _uids(path: Path) -> list[str]:
    return [str(e["uid"]) for e in Calendar.from_ical(path.read_bytes()).walk("VEVENT")]


def test_export_with_a_path_writes_the_calendar_and_says_so(
    window: MainWindow, settings: QSettings, tmp_path: Path
) -> None:
    out = tmp_path / "mine.ics"
    assert export_calendar(window, window.services, settings, path=out) == out
    expected = CalendarService(window.services.context).items()
    assert expected  # the demo data has dates of every kind
    assert _uids(out) == [item.uid for item in expected]
    assert window.statusBar().currentMessage() == f"Exported {len(expected):,} dates to mine.ics."


def test_the_dialog_suggests_ontrack_ics_in_the_last_folder_and_remembers_it(
    window: MainWindow, settings: QSettings, qtbot: QtBot, tmp_path: Path
) -> None:
    folder = tmp_path / "calendars"
    folder.mkdir()
    settings.setValue(LAST_FOLDER, str(folder))
    seen: list[tuple[str, list[str]]] = []

    def type_a_name(dialog: QWidget) -> None:
        assert isinstance(dialog, QFileDialog)
        seen.append((dialog.directory().absolutePath(), dialog.selectedFiles()))
        name = dialog.findChild(QLineEdit, "fileNameEdit")
        name.selectAll()
        qtbot.keyClicks(name, "work")  # no extension typed: .ics is added
        qtbot.keyClick(name, Qt.Key.Key_Return)

    when_modal(qtbot, type_a_name)
    written = export_calendar(window, window.services, settings)
    assert seen == [(str(folder), [str(folder / "ontrack.ics")])]
    assert written == folder / "work.ics"
    assert _uids(written)
    assert settings.value(LAST_FOLDER) == str(folder)


def test_the_file_menu_item_opens_the_dialog(
    window: MainWindow, settings: QSettings, qtbot: QtBot, tmp_path: Path
) -> None:
    settings.setValue(LAST_FOLDER, str(tmp_path))
    titles: list[str] = []

    def save_here(dialog: QWidget) -> None:
        titles.append(dialog.windowTitle())
        qtbot.keyClick(dialog.findChild(QLineEdit, "fileNameEdit"), Qt.Key.Key_Return)

    when_modal(qtbot, save_here)
    window.calendar_action.trigger()  # File ▸ Export to calendar…
    assert titles == ["Export to calendar"]
    assert _uids(tmp_path / "ontrack.ics")
    assert window.statusBar().currentMessage().endswith("dates to ontrack.ics.")


def test_cancelling_the_dialog_writes_nothing(
    window: MainWindow, settings: QSettings, qtbot: QtBot, tmp_path: Path
) -> None:
    settings.setValue(LAST_FOLDER, str(tmp_path))
    when_modal(qtbot, lambda dialog: dialog.reject())
    assert export_calendar(window, window.services, settings) is None
    assert not list(tmp_path.glob("*.ics"))


def _read_and_close(texts: list[str]) -> Callable[[QWidget], None]:
    def act(dialog: QWidget) -> None:
        assert isinstance(dialog, QMessageBox)
        assert dialog.textFormat() == Qt.TextFormat.PlainText
        texts.append(dialog.text())
        dialog.accept()

    return act


def test_a_failed_write_is_explained_and_the_old_file_kept(
    window: MainWindow,
    settings: QSettings,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    old = tmp_path / "ontrack.ics"
    old.write_bytes(b"the old calendar")

    def full_disk(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    texts: list[str] = []
    when_modal(qtbot, _read_and_close(texts))
    assert export_calendar(window, window.services, settings, path=old) is None
    monkeypatch.undo()
    assert len(texts) == 1
    assert texts[0].startswith("The calendar could not be written to ontrack.ics.")
    assert "No space left on device" in texts[0]
    assert texts[0].endswith("The file that was there before is unchanged.")
    assert old.read_bytes() == b"the old calendar"
    assert QApplication.overrideCursor() is None


def test_a_folder_that_does_not_exist_is_explained(
    window: MainWindow, settings: QSettings, qtbot: QtBot, tmp_path: Path
) -> None:
    texts: list[str] = []
    when_modal(qtbot, _read_and_close(texts))
    out = tmp_path / "gone" / "<b>cal<i>.ics"
    assert export_calendar(window, window.services, settings, path=out) is None
    assert "could not be written to <b>cal<i>.ics" in texts[0]
    assert "No such file or directory" in texts[0]
    assert "before" not in texts[0]  # there was no earlier file to keep
    assert not out.parent.exists()
