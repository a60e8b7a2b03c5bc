"""File ▸ Export to calendar…: the save dialog, the export, and what the person is told.

The dialog opens in the folder last used for any file (the same setting as File ▸ Import
and Export), suggesting `ontrack.ics`. A failure says which file and why, in a message box;
a failed export leaves any earlier file as it was (the service writes atomically).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox, QWidget

from ..services.calendar import CalendarExportError, CalendarService
from ..services.registry import Services
from .file_actions import LAST_FOLDER

CALENDAR_FILTER = "Calendar files (*.ics);;All files (*)"
DEFAULT_NAME = "ontrack.ics"


def export_calendar(
    parent: QWidget, services: Services, settings: QSettings, path: Path | str | None = None
) -> Path | None:
    """Ask where, write the .ics file, say so; returns the file written, or None.

    With `path` given no dialog is shown (tests, and callers that already know where)."""
    # Connected straight to QAction.triggered, this receives the action's `checked` flag
    # (a bool) as `path`; that, like None, means "ask".
    path = Path(path) if isinstance(path, str | Path) else None
    if path is None:
        path = _ask_where(parent, settings)
        if path is None:
            return None
        settings.setValue(LAST_FOLDER, str(path.parent))
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        count = CalendarService(services.context).export(path)
    except CalendarExportError as error:
        QGuiApplication.restoreOverrideCursor()
        _warn(parent, path, str(error))
        return None
    QGuiApplication.restoreOverrideCursor()
    _tell(parent, f"Exported {count:,} {'date' if count == 1 else 'dates'} to {path.name}.")
    return path


def _folder(settings: QSettings) -> Path:
    stored = settings.value(LAST_FOLDER)  # may be junk: the settings file is editable
    return Path(stored) if isinstance(stored, str) and Path(stored).is_dir() else Path.home()


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


def _tell(parent: QWidget, text: str) -> None:
    window = parent.window()
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(text, 8000)


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
