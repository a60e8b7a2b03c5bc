"""File ▸ Export to calendar… from the window: the dialog's suggestion, the file, the status
line, the message when the file cannot be written, and the window while the export runs in
its worker thread (usable, one export at a time, closing waits for it)."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from icalendar import Calendar
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from ontrack.services.calendar import CalendarService
from ontrack.ui.calendar_export import EXPORTING, STILL_EXPORTING, CalendarExporter, export_calendar
from ontrack.ui.main_window import MainWindow
from ontrack.ui.settings import Folder
from tests.gui.conftest import when_modal

WAIT = 20_000  # ms; generous for a busy machine, never reached when things work


def _uids(path: Path) -> list[str]:
    return [str(e["uid"]) for e in Calendar.from_ical(path.read_bytes()).walk("VEVENT")]


def _export(
    qtbot: QtBot, window: MainWindow, settings: QSettings, path: Path | None = None
) -> tuple[Path | None, Path | None]:
    """Start an export and wait for it: (the file it started writing, the file written)."""
    with qtbot.waitSignal(CalendarExporter.of(window).done, timeout=WAIT) as done:
        started = export_calendar(window, window.services, settings, path=path)
    return started, done.args[0]


@pytest.fixture
def gate(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """Holds every export's worker until the test opens the gate."""
    opened = threading.Event()
    export_for_worker = CalendarService.export_for_worker

    def held(self: CalendarService, path: Path) -> Callable[[], int]:
        work = export_for_worker(self, path)

        def run() -> int:
            opened.wait(WAIT / 1000)
            return work()

        return run

    monkeypatch.setattr(CalendarService, "export_for_worker", held)
    yield opened
    opened.set()  # never leave a worker waiting


def test_export_with_a_path_writes_the_calendar_and_says_so(
    window: MainWindow, settings: QSettings, qtbot: QtBot, tmp_path: Path
) -> None:
    out = tmp_path / "mine.ics"
    assert _export(qtbot, window, settings, out) == (out, out)
    expected = CalendarService(window.services.context).items()
    assert expected  # the demo data has dates of every kind
    assert _uids(out) == [item.uid for item in expected]
    assert window.statusBar().currentMessage() == f"Exported {len(expected):,} dates to mine.ics."
    assert QApplication.overrideCursor() is None  # the window was never made to wait


def test_the_dialog_suggests_ontrack_ics_in_the_last_folder_and_remembers_it(
    window: MainWindow, settings: QSettings, qtbot: QtBot, tmp_path: Path
) -> None:
    folder = tmp_path / "calendars"
    folder.mkdir()
    settings.setValue(Folder.DATA.value, str(folder))
    seen: list[tuple[str, list[str]]] = []

    def type_a_name(dialog: QWidget) -> None:
        assert isinstance(dialog, QFileDialog)
        seen.append((dialog.directory().absolutePath(), dialog.selectedFiles()))
        name = dialog.findChild(QLineEdit, "fileNameEdit")
        name.selectAll()
        qtbot.keyClicks(name, "work")  # no extension typed: .ics is added
        qtbot.keyClick(name, Qt.Key.Key_Return)

    when_modal(qtbot, type_a_name)
    started, written = _export(qtbot, window, settings)
    assert seen == [(str(folder), [str(folder / "ontrack.ics")])]
    assert started == written == folder / "work.ics"
    assert _uids(written)
    assert settings.value(Folder.DATA.value) == str(folder)


def test_the_file_menu_item_opens_the_dialog(
    window: MainWindow, settings: QSettings, qtbot: QtBot, tmp_path: Path
) -> None:
    settings.setValue(Folder.DATA.value, str(tmp_path))
    titles: list[str] = []

    def save_here(dialog: QWidget) -> None:
        titles.append(dialog.windowTitle())
        qtbot.keyClick(dialog.findChild(QLineEdit, "fileNameEdit"), Qt.Key.Key_Return)

    when_modal(qtbot, save_here)
    with qtbot.waitSignal(CalendarExporter.of(window).done, timeout=WAIT):
        window.calendar_action.trigger()  # File ▸ Export to calendar…
    assert titles == ["Export to calendar"]
    assert _uids(tmp_path / "ontrack.ics")
    assert window.statusBar().currentMessage().endswith("dates to ontrack.ics.")


def test_cancelling_the_dialog_writes_nothing(
    window: MainWindow, settings: QSettings, qtbot: QtBot, tmp_path: Path
) -> None:
    settings.setValue(Folder.DATA.value, str(tmp_path))
    when_modal(qtbot, lambda dialog: dialog.reject())
    assert export_calendar(window, window.services, settings) is None
    assert not CalendarExporter.of(window).running()
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
    assert _export(qtbot, window, settings, old) == (old, None)
    monkeypatch.undo()
    assert len(texts) == 1
    assert texts[0].startswith("The calendar could not be written to ontrack.ics.")
    assert "No space left on device" in texts[0]
    assert texts[0].endswith("The file that was there before is unchanged.")
    assert old.read_bytes() == b"the old calendar"
    # No temporary file left beside it (".ontrack.ics.….tmp").
    assert [p.name for p in tmp_path.iterdir() if "ics" in p.name] == ["ontrack.ics"]
    assert window.statusBar().currentMessage() == ""  # no "Exporting…" left standing
    assert QApplication.overrideCursor() is None


def test_a_folder_that_does_not_exist_is_explained(
    window: MainWindow, settings: QSettings, qtbot: QtBot, tmp_path: Path
) -> None:
    texts: list[str] = []
    when_modal(qtbot, _read_and_close(texts))
    out = tmp_path / "gone" / "<b>cal<i>.ics"
    assert _export(qtbot, window, settings, out) == (out, None)
    assert "could not be written to <b>cal<i>.ics" in texts[0]
    assert "No such file or directory" in texts[0]
    assert "before" not in texts[0]  # there was no earlier file to keep
    assert not out.parent.exists()


def test_the_window_stays_usable_while_the_export_runs(
    window: MainWindow, settings: QSettings, qtbot: QtBot, tmp_path: Path, gate: threading.Event
) -> None:
    out = tmp_path / "ontrack.ics"
    exporter = CalendarExporter.of(window)
    assert export_calendar(window, window.services, settings, path=out) == out
    # The call came back with the export still to do; meanwhile the window answers keys.
    assert exporter.running()
    assert window.statusBar().currentMessage() == EXPORTING
    assert not out.exists()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    for number in (3, 1):
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_0 + number), Qt.KeyboardModifier.ControlModifier)
        assert window.tabs.currentIndex() == number - 1
    qtbot.wait(50)  # the event loop runs on, and the export still waits for the gate
    assert exporter.running()
    assert not out.exists()
    with qtbot.waitSignal(exporter.done, timeout=WAIT) as done:
        gate.set()
    assert done.args == [out]
    assert _uids(out)
    assert window.statusBar().currentMessage().startswith("Exported ")
    assert not exporter.running()


def test_a_second_export_while_one_runs_is_refused_with_a_word(
    window: MainWindow, settings: QSettings, qtbot: QtBot, tmp_path: Path, gate: threading.Event
) -> None:
    first, second = tmp_path / "first.ics", tmp_path / "second.ics"
    exporter = CalendarExporter.of(window)
    assert export_calendar(window, window.services, settings, path=first) == first
    assert export_calendar(window, window.services, settings, path=second) is None
    assert window.statusBar().currentMessage() == STILL_EXPORTING
    assert window.export_calendar() is None  # the menu's way: refused before any dialog
    with qtbot.waitSignal(exporter.done, timeout=WAIT):
        gate.set()
    assert _uids(first)
    assert not second.exists()
    assert _export(qtbot, window, settings, second) == (second, second)  # once done: fine


def test_closing_the_window_waits_for_the_export(
    window: MainWindow, settings: QSettings, tmp_path: Path, gate: threading.Event
) -> None:
    out = tmp_path / "calendar" / "ontrack.ics"
    out.parent.mkdir()
    assert export_calendar(window, window.services, settings, path=out) == out
    # Opened from another thread: closing blocks the GUI thread until the export is done.
    opener = threading.Timer(0.2, gate.set)
    opener.start()
    window.close()
    opener.join()
    assert not window.isVisible()
    assert [p.name for p in out.parent.iterdir()] == ["ontrack.ics"]  # whole, no temp file
    assert _uids(out)
