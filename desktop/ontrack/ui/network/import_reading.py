"""Reading a contacts file for the Network tab's import, off the GUI thread.

A vCard file of a phone's contacts with their photos can be tens of megabytes and take a
few seconds to read (a 4 MB photo alone about 0.4 s), so the file is read in a worker
thread (`ContactReadJob`) while the window keeps painting. When reading takes longer than
`SHOW_AFTER_MS` a window-modal "Reading …" dialog with a busy bar says what is happening;
a quick file never flashes one. Reading cannot be interrupted half-way and is bounded by
the size limit (100 MB), so the dialog has no Cancel button, and a QThread is never left
running when its caller returns.

`read_contacts_in_background` returns like the plain reader does, so the caller (the
import, its preview and the tests) stays straightforward.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEventLoop, QObject, Qt, QThread, QTimer
from PySide6.QtWidgets import QProgressDialog, QWidget

from ...interchange.contact_errors import ContactFile, ContactImportError
from ...interchange.contact_files import read_contacts_file

SHOW_AFTER_MS = 100


class ContactReadJob(QThread):
    """Reads one contacts file. When it has finished, `found` holds what was read, or
    `error` why the file cannot be imported."""

    def __init__(self, path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("contactReadJob")
        self._path = path
        self.found: ContactFile | None = None
        self.error: ContactImportError | None = None

    def run(self) -> None:
        try:
            self.found = read_contacts_file(self._path)
        except ContactImportError as error:
            self.error = error
        except Exception as error:  # any failure must reach the person, not end the thread
            self.error = ContactImportError("", f"it could not be read ({type(error).__name__})")


def read_contacts_in_background(parent: QWidget, path: Path) -> ContactFile:
    """What `read_contacts_file(path)` returns or raises, read in a worker thread while
    the window stays responsive."""
    job = ContactReadJob(path, parent)
    shown: list[QProgressDialog] = []
    loop = QEventLoop()
    job.finished.connect(loop.quit)
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.timeout.connect(lambda: shown.append(_progress(parent, path)))
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
    assert job.found is not None
    return job.found


def _progress(parent: QWidget, path: Path) -> QProgressDialog:
    try:
        size = f" ({path.stat().st_size / 1e6:,.1f} MB)"
    except OSError:
        size = ""
    text = f"Reading {path.name}{size}…\nA big export with photos takes a few seconds."
    dialog = QProgressDialog(text, "", 0, 0, parent)
    dialog.setObjectName("contactReadProgress")
    dialog.setWindowTitle("Import contacts")
    dialog.setCancelButton(None)  # type: ignore[arg-type]
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setMinimumWidth(dialog.fontMetrics().averageCharWidth() * 56)
    dialog.show()
    return dialog
