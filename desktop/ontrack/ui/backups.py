"""Backups from the window: a verified copy when OnTrack closes and at most once a day
while it runs (kept 7 daily, 4 weekly, 12 monthly beside the data file), and
File ▸ Back up now… to a place the person chooses."""

from __future__ import annotations

from pathlib import Path

# QFileDialog and QMessageBox are imported where a dialog is shown: PySide makes a Qt
# class's Python enums when it is first imported, ~1.5 ms each at start-up (#19).
from PySide6.QtCore import QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtWidgets import QWidget

from ..domain.file_errors import DataFileError
from ..services.backups import BackupService
from .settings import Folder, Settings

HOUR_MS = 60 * 60 * 1000


class Backups(QObject):
    status_message = Signal(str)

    def __init__(self, window: QWidget, service: BackupService, settings: QSettings) -> None:
        super().__init__(window)
        self._window = window
        self._service = service
        self._settings = settings
        self.enabled = True  # off for --exit-after-startup: a benchmark is not a session
        # Checked hourly; a backup is made only if none was made today.
        self._timer = QTimer(self)
        self._timer.setInterval(HOUR_MS)
        self._timer.timeout.connect(self.automatic)
        self._timer.start()

    def automatic(self) -> bool:
        """Today's backup if there is none yet; a failure is reported, never raised."""
        if not self.enabled:
            return False
        try:
            made = self._service.automatic()
        except DataFileError as error:
            self.status_message.emit(f"The automatic backup failed: {error}")
            return False
        if made is not None:
            self.status_message.emit(f"Backed up to {made.name}.")
        return made is not None

    def stop(self) -> None:
        self._timer.stop()

    def back_up_now(self, target: str | None = None) -> bool:
        from PySide6.QtWidgets import QFileDialog, QMessageBox

        if target is None:
            start = Settings(self._settings).folder_or_home(Folder.BACKUPS)
            suggested = start / self._service.suggested_name()
            target, _ = QFileDialog.getSaveFileName(
                self._window, "Back up now", str(suggested), "OnTrack data files (*.sqlite)"
            )
            if not target:
                return False
            Settings(self._settings).remember_folder(Folder.BACKUPS, target)
        try:
            made = self._service.back_up_to(Path(target))
        except DataFileError as error:
            box = QMessageBox(self._window)
            box.setIcon(QMessageBox.Icon.Warning)
            box.setWindowTitle("No backup was made")
            box.setTextFormat(Qt.TextFormat.PlainText)
            box.setText(str(error))
            box.exec()
            box.deleteLater()
            return False
        self.status_message.emit(f"Backed up to {made}.")
        return True
