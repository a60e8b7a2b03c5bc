"""File ▸ Export to calendar…: the save dialog, the export in a worker thread, and what the
person is told.

The dialog opens in the folder last used for any file (the same setting as File ▸ Import
and Export), suggesting `ontrack.ics`. On ten years of data the export takes about 0.4 s
(reading, building, writing), so it runs in a worker thread (`CalendarExportJob`) and the
window stays usable: the status bar says "Exporting to calendar…" and then how many dates
went where. One export runs at a time; asking for another meanwhile is answered in the
status bar. A failure says which file and why, in a message box; the service writes
atomically, so a failed export leaves any earlier file as it was and never a half-written
one.

Closing the window waits for a running export to finish (`CalendarExporter` watches the
window's close), so the file is whole and no temporary file is left behind, and a QThread
is never destroyed while it runs.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QThread, Signal
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox, QWidget

from ..services.calendar import CalendarExportError
from ..services.registry import Services
from .settings import Folder, Settings

CALENDAR_FILTER = "Calendar files (*.ics);;All files (*)"
DEFAULT_NAME = "ontrack.ics"
EXPORTING = "Exporting to calendar…"
STILL_EXPORTING = "An export to calendar is still running; it will say here when it is done."


def export_calendar(
    parent: QWidget, services: Services, settings: QSettings, path: Path | str | None = None
) -> Path | None:
    """Ask where, then start writing the .ics file in the background; returns the file
    being written, or None (cancelled, or an export is still running). How it went is said
    when it is done, and `CalendarExporter.of(parent.window()).done` is emitted.

    With `path` given no dialog is shown (tests, and callers that already know where)."""
    path = Path(path) if path is not None else None
    exporter = CalendarExporter.of(parent.window())
    if exporter.running():
        _say(parent, STILL_EXPORTING, 8000)
        return None
    if path is None:
        path = _ask_where(parent, settings)
        if path is None:
            return None
        Settings(settings).remember_folder(Folder.DATA, path)
    exporter.start(services.calendar.export_for_worker(path), path)
    return path


class CalendarExportJob(QThread):
    """One export, off the GUI thread. When it has finished, `count` says how many dates
    were written, or `error` says in words why nothing was."""

    def __init__(self, export: Callable[[], int], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("calendarExportJob")
        self._export = export
        self.count: int | None = None
        self.error = ""

    def run(self) -> None:
        try:
            self.count = self._export()
        except CalendarExportError as error:
            self.error = str(error)
        except Exception as error:  # any failure must reach the person, not end the thread
            self.error = f"The calendar could not be made: {type(error).__name__}: {error}"


class CalendarExporter(QObject):
    """A window's calendar exports: one at a time, each in a `CalendarExportJob`. `done`
    carries the file written, or None when the export failed (after the message); nothing
    is said or emitted for an export that ends after its window has closed."""

    done = Signal(object)

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("calendarExporter")
        self._window = window
        self._job: CalendarExportJob | None = None
        self._path = Path()

    @classmethod
    def of(cls, window: QWidget) -> CalendarExporter:
        """The window's exporter, made the first time it is asked for."""
        found = window.findChild(
            CalendarExporter, "calendarExporter", Qt.FindChildOption.FindDirectChildrenOnly
        )
        return found if isinstance(found, CalendarExporter) else cls(window)

    def running(self) -> bool:
        return self._job is not None

    def start(self, export: Callable[[], int], path: Path) -> None:
        job = CalendarExportJob(export, self)
        # QThread.finished comes from the worker thread, so it is queued to this object
        # in the GUI thread; the job is over by then and can be waited for at once.
        job.finished.connect(self._finished)
        self._job, self._path = job, path
        self._window.installEventFilter(self)  # to see the window close while it runs
        _say(self._window, EXPORTING)
        job.start()

    def wait(self) -> None:
        """Block until a running export has finished (the window is closing)."""
        if self._job is not None:
            self._job.wait()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Close:
            self.wait()
        return False

    def _finished(self) -> None:
        job, path = self._job, self._path
        if job is None:
            return
        self._job = None
        self._window.removeEventFilter(self)
        job.wait()
        job.deleteLater()
        if not self._window.isVisible():
            return  # closed meanwhile: the file is written (or not), nobody to tell
        if job.count is None:
            _say(self._window, "", 0)
            _warn(self._window, path, job.error)
            self.done.emit(None)
            return
        dates = "date" if job.count == 1 else "dates"
        _say(self._window, f"Exported {job.count:,} {dates} to {path.name}.", 8000)
        self.done.emit(path)


def _folder(settings: QSettings) -> Path:
    return Settings(settings).folder_or_home(Folder.DATA)


def _ask_where(parent: QWidget, settings: QSettings) -> Path | None:
    dialog = QFileDialog(parent, "Export to calendar")
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.setNameFilter(CALENDAR_FILTER)
    # A name typed without an extension still becomes a file calendars recognise.
    dialog.setDefaultSuffix("ics")
    dialog.setDirectory(str(_folder(settings)))
    dialog.selectFile(DEFAULT_NAME)
    chosen = dialog.selectedFiles() if dialog.exec() else []
    dialog.deleteLater()
    return Path(chosen[0]) if chosen else None


def _say(parent: QWidget, text: str, timeout: int = 0) -> None:
    """The status bar's message (until replaced, with no timeout); empty clears it."""
    window = parent.window()
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(text, timeout)


def _warn(parent: QWidget, path: Path, reason: str) -> None:
    # The path and the reason may quote anything: plain text only.
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("Nothing was exported")
    box.setTextFormat(Qt.TextFormat.PlainText)
    kept = "\n\nThe file that was there before is unchanged." if path.exists() else ""
    box.setText(f"The calendar could not be written to {path.name}.\n\n{reason}{kept}")
    box.exec()
    box.deleteLater()
