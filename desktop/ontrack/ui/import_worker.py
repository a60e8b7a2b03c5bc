"""File ▸ Import… off the GUI thread: the job that reads and writes, the progress shown
meanwhile, and the end of it told to whoever started it.

Reading and checking the large demo's export (33 MB) takes seconds and writing it longer,
so both run in `ImportJob`, a QThread, the same way the report and the calendar export do.
The job writes through a connection of its own (`services.transfer.SeparateImport` says
why). While it runs a window-modal progress dialog says what it is doing and offers
Cancel; the window keeps painting and can be moved, but takes no edits that would have to
wait for the import's transaction. One import runs at a time.

Cancel interrupts SQLite, which rolls the import back: nothing of it is written. Closing
the window cancels a running import the same way and waits for the job to end, so the data
file is closed with no transaction open and a QThread is never destroyed while it runs.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QThread, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from ..services.transfer import (
    ImportCancelledError,
    ImportFailedError,
    ImportSummary,
    SeparateImport,
)

SHOW_AFTER_MS = 300  # a small import is done before a dialog would only flash


class ImportJob(QThread):
    """One import. When it has finished: `summary` says what was imported, or `error` says
    in words why nothing was, or `cancelled` is true."""

    stage = Signal(str)  # what it is doing now

    def __init__(
        self, source: Path, importer: SeparateImport, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importJob")
        self._source = source
        self._importer = importer
        self.summary: ImportSummary | None = None
        self.error = ""
        self.cancelled = False

    def cancel(self) -> None:
        """Stop the import, from any thread; nothing of it is written."""
        self._importer.cancel()

    def run(self) -> None:
        try:
            self.summary = self._importer.run(self._source, self.stage.emit)
        except ImportCancelledError:
            self.cancelled = True
        except ImportFailedError as error:  # worded for a person already
            self.error = str(error)
        except Exception as error:  # any failure must reach the person, not end the thread
            self.error = f"The import failed: {type(error).__name__}: {error}"


class Importer(QObject):
    """A window's imports: one at a time, each in an `ImportJob`, with a progress dialog.

    `finished` carries the ImportSummary, or None when nothing was imported together with
    the reason ("" when it was cancelled). Nothing is emitted for an import that ends after
    its window has closed."""

    finished = Signal(object, str)

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("importer")
        self._window = window
        self._job: ImportJob | None = None
        self._progress: QProgressDialog | None = None  # made at the first import
        self._show_soon = QTimer(self, singleShot=True, interval=SHOW_AFTER_MS)

    def _dialog(self) -> QProgressDialog:
        if self._progress is None:
            progress = QProgressDialog(self._window)
            progress.setObjectName("importProgress")
            progress.setWindowTitle("Importing")
            progress.setMinimumWidth(380)  # room for "Importing 17,540 records…"
            progress.setWindowModality(Qt.WindowModality.WindowModal)
            progress.setRange(0, 0)  # busy: SQLite cannot say how far one statement is
            progress.setAutoClose(False)
            progress.setAutoReset(False)
            progress.canceled.connect(self.cancel)
            self._show_soon.timeout.connect(progress.show)
            self._progress = progress
        return self._progress

    def running(self) -> bool:
        return self._job is not None

    def start(self, source: Path, importer: SeparateImport) -> None:
        progress = self._dialog()
        job = ImportJob(source, importer, self)
        job.stage.connect(progress.setLabelText)
        # QThread.finished comes from the worker thread, queued to this object in the GUI
        # thread; the job is over by then and can be waited for at once.
        job.finished.connect(self._finished)
        self._job = job
        progress.setLabelText(f"Reading {source.name}…")
        progress.setCancelButtonText("Cancel")
        self._window.installEventFilter(self)  # to see the window close while it runs
        self._show_soon.start()
        job.start()

    def cancel(self) -> None:
        if self._job is not None:
            self._dialog().setLabelText("Cancelling: nothing of this import is kept…")
            self._job.cancel()

    def wait(self) -> None:
        """Block until a running import has ended."""
        if self._job is not None:
            self._job.wait()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Close:
            self.cancel()
            self.wait()
        return False

    def _finished(self) -> None:
        job = self._job
        if job is None:
            return
        self._job = None
        self._show_soon.stop()
        self._dialog().hide()
        self._window.removeEventFilter(self)
        job.wait()
        job.deleteLater()
        if not self._window.isVisible():
            return  # closed meanwhile: nothing was imported, nobody to tell
        self.finished.emit(job.summary, job.error)
