"""The Network tab's contact import off the GUI thread: reading the file, and writing it.

A vCard file of a phone's contacts with their photos can be tens of megabytes and take a
few seconds to read (a 4 MB photo alone about 0.4 s), and writing 3,000 contacts merged
into ten years of data takes about 3 s. Both run in a worker thread (`BackgroundJob`)
while the window keeps painting. When one takes longer than `SHOW_AFTER_MS` a
window-modal dialog with a busy bar says what is happening; a quick one never flashes it.
Neither can be interrupted half-way (the write is one transaction, the read is bounded by
the size limit of 100 MB), so the dialog has no Cancel button, and a QThread is never left
running when its caller returns.

`read_contacts_in_background` and `run_in_background` return (or raise) like the plain
calls do, so the caller (the import, its preview and the tests) stays straightforward.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QEventLoop, QObject, Qt, QThread, QTimer
from PySide6.QtWidgets import QProgressDialog, QWidget

from ...domain.contact_import import ContactFile, ContactImportError
from ...services.contact_files import read_contacts_file

SHOW_AFTER_MS = 100


Result = TypeVar("Result")


class BackgroundJob(QThread):
    """Runs `work` once. When it has finished, `result` holds what it returned, or `error`
    what it raised."""

    def __init__(self, work: Callable[[], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("contactImportJob")
        self._work = work
        self.result: Any = None
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            self.result = self._work()
        except Exception as error:  # it is raised again in the caller's thread
            self.error = error


def run_in_background(parent: QWidget, text: str, work: Callable[[], Result]) -> Result:
    """What `work()` returns or raises, run in a worker thread while the window stays
    responsive; `text` is what the busy dialog says if it takes a while."""
    job = BackgroundJob(work, parent)
    shown: list[QProgressDialog] = []
    loop = QEventLoop()
    job.finished.connect(loop.quit)
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.timeout.connect(lambda: shown.append(_progress(parent, text)))
    job.start()
    timer.start(SHOW_AFTER_MS)
    if not job.isFinished():
        loop.exec()
    timer.stop()
    job.wait()
    for progress in shown:
        progress.reset()  # also stops its own timer, which would show it again later
        progress.hide()
        progress.deleteLater()
    timer.deleteLater()
    job.deleteLater()
    if job.error is not None:
        raise job.error
    return job.result  # type: ignore[no-any-return]


def read_contacts_in_background(parent: QWidget, path: Path) -> ContactFile:
    """What `read_contacts_file(path)` returns or raises, read in a worker thread while
    the window stays responsive."""
    try:
        size = f" ({path.stat().st_size / 1e6:,.1f} MB)"
    except OSError:
        size = ""
    text = f"Reading {path.name}{size}…\nA big export with photos takes a few seconds."
    try:
        return run_in_background(parent, text, lambda: read_contacts_file(path))
    except ContactImportError:
        raise
    except Exception as error:  # any failure must reach the person as a reason
        raise ContactImportError("", f"it could not be read ({type(error).__name__})") from error


def _progress(parent: QWidget, text: str) -> QProgressDialog:
    dialog = QProgressDialog(text, "", 0, 0, parent)
    dialog.setObjectName("contactImportProgress")
    dialog.setWindowTitle("Import contacts")
    dialog.setCancelButton(None)  # type: ignore[arg-type]
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setMinimumWidth(dialog.fontMetrics().averageCharWidth() * 56)
    dialog.show()
    return dialog
