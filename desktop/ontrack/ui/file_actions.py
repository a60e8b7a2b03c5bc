"""File ▸ New, Open, Import and Export: the dialogs around them and their messages."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

# QFileDialog and QMessageBox are imported where a dialog is shown: PySide makes a Qt
# class's Python enums when it is first imported, ~1.5 ms each at start-up (#19).
from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from ..domain.clock import Clock
from ..services.registry import Services
from .settings import Folder, Settings

if TYPE_CHECKING:  # the import's worker, dialog and service load with the first import
    from ..services.transfer import ImportSummary
    from .import_worker import Importer

JSON_FILTER = "OnTrack files (*.json);;All files (*)"
DATA_FILTER = "OnTrack data files (*.sqlite *.ontrack);;All files (*)"
STILL_IMPORTING = "An import is still running; it will say here when it is done."


class FileActions(QObject):
    open_requested = Signal(Path)  # a data file to switch to (created if new)
    status_message = Signal(str)
    imported = Signal(object)  # an import has ended: its ImportSummary, or None

    def __init__(
        self,
        window: QWidget,
        services: Services,
        undo_stack: QUndoStack,
        settings: QSettings,
        clock: Clock,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._services = services
        self._undo_stack = undo_stack
        self._settings = settings
        self._clock = clock
        self._importer: Importer | None = None  # made at the first import
        self._importing = Path()

    def _folder(self) -> str:
        return str(Settings(self._settings).folder_or_home(Folder.DATA))

    def _remember(self, path: str) -> None:
        Settings(self._settings).remember_folder(Folder.DATA, path)

    def new_data_file(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getSaveFileName(
            self._window, "New data file", str(Path(self._folder()) / "ontrack.sqlite"), DATA_FILTER
        )
        if path:
            self._remember(path)
            if Path(path).exists():
                Path(path).unlink()  # the dialog already asked whether to replace it
            self.open_requested.emit(Path(path))

    def open_data_file(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(
            self._window, "Open data file", self._folder(), DATA_FILTER
        )
        if path:
            self._remember(path)
            self.open_requested.emit(Path(path))

    def import_file(self, path: str | None = None) -> bool:
        """Ask which file, then import it in the background (`import_worker`); returns
        whether an import was started. How it went is said when it is done, and
        `imported` is emitted then. With `path` given no dialog is shown."""
        from PySide6.QtWidgets import QFileDialog

        if self._importer is not None and self._importer.running():
            self.status_message.emit(STILL_IMPORTING)
            return False
        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self._window, "Import an OnTrack file", self._folder(), JSON_FILTER
            )
            if not path:
                return False
            self._remember(path)
        self._importing = Path(path)
        if self._importer is None:
            from .import_worker import Importer

            self._importer = Importer(self._window)
            self._importer.finished.connect(self._import_finished)
        self._importer.start(self._importing, self._services.transfer.import_for_worker())
        return True

    def _import_finished(self, summary: ImportSummary | None, error: str) -> None:
        name = self._importing.name
        if summary is None:
            # InterchangeError names the place in the file; a DataFileError says what
            # happened to the write (disk full, read-only). Either way the import's
            # transaction wrote nothing.
            if error:
                self._warn("Nothing was imported", f"{name} could not be imported.", error)
            else:
                self.status_message.emit(f"The import of {name} was cancelled; nothing changed.")
            self.imported.emit(None)
            return
        # Commands on the stack describe the data before the import; they no longer apply.
        self._undo_stack.clear()
        self._services.transfer.announce_import()  # the pages re-read
        self.status_message.emit(
            f"Imported {summary.total:,} records from {name}: "
            f"{summary.added:,} new, {summary.replaced:,} updated."
        )
        self.imported.emit(summary)

    def export_file(self, path: str | None = None) -> bool:
        from PySide6.QtWidgets import QFileDialog

        if path is None:
            if self._services.context.data.protected and not self._export_unprotected_ok():
                return False
            suggested = Path(self._folder()) / f"ontrack-{self._clock.today().isoformat()}.json"
            path, _ = QFileDialog.getSaveFileName(
                self._window, "Export everything", str(suggested), JSON_FILTER
            )
            if not path:
                return False
            self._remember(path)
        from ..services.transfer import ExportFailedError

        try:
            self._services.transfer.export_file(Path(path))
        except ExportFailedError as error:
            self._warn("Nothing was exported", f"OnTrack could not write {path}.", str(error))
            return False
        self.status_message.emit(f"Exported everything to {Path(path).name}.")
        return True

    def _export_unprotected_ok(self) -> bool:
        """A protected file's export is plain JSON: say so, and let the person decide."""
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(self._window)
        box.setObjectName("unprotectedExportWarning")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle("The export is not protected")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(
            "Your data file is protected, but the export is not: anyone who can read the "
            "file you save can read your journal, goals and contacts."
        )
        box.setInformativeText(
            "Save it only where you choose to keep it: not in a shared or synced folder."
        )
        go_on = box.addButton("Choose where to save…", QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        chosen = box.clickedButton() is go_on
        box.deleteLater()
        return chosen

    def _warn(self, title: str, text: str, details: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        # Details quote the user's own text, so everything is shown as plain text.
        box = QMessageBox(self._window)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(title)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(f"{text}\n\n{details}")
        box.exec()
