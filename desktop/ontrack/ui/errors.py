"""The window's last line of defence: an error nobody caught becomes a clear message.

PySide hands exceptions raised in slots and event handlers to `sys.excepthook`. A failed
write (a full disk, a read-only file) already carries a sentence for the person; anything
else is a bug, shown as one with its details, while the window goes on running. Either way
the data file is safe: every write is a transaction that left nothing behind.
"""

from __future__ import annotations

import re
import sys
import traceback
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from .. import APP_NAME
from ..domain.file_errors import DataFileError
from ..domain.validation import InvalidRecordError

# A refusal already in the person's words: the change was not made, nothing else to say.
_REFUSALS = (DataFileError, InvalidRecordError)
# PySide prefixes an error that passed through a C++ virtual (an undo command's redo run by
# QUndoStack.push) with this; the person should read only the sentence after it.
_OVERRIDE_PREFIX = re.compile(r"^(Error calling Python override of [\w:]+\(\): )+")

Hook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


def describe(error: BaseException) -> tuple[str, str]:
    """Title and text for a message box about `error`."""
    if isinstance(error, _REFUSALS):
        return "Your change was not saved", _OVERRIDE_PREFIX.sub("", str(error))
    return (
        f"{APP_NAME} ran into a problem",
        "Something went wrong that OnTrack did not expect. Your data is safe: every change "
        "is saved whole or not at all. If it happens again, please report it with the "
        "details below.",
    )


def install(parent: Callable[[], QWidget | None]) -> Hook:
    """Show uncaught errors in a message box over `parent()`; returns the previous hook."""
    previous = sys.excepthook

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            previous(kind, error, tb)
            return
        details = "".join(traceback.format_exception(kind, error, tb))
        print(details, file=sys.stderr)
        if QApplication.instance() is None:
            return
        show(parent(), error, details)

    sys.excepthook = hook
    return previous


def show(parent: QWidget | None, error: BaseException, details: str = "") -> None:
    title, text = describe(error)
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    if details and not isinstance(error, _REFUSALS):
        box.setDetailedText(details)
    box.exec()
    box.deleteLater()
