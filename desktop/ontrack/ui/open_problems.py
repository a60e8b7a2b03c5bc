"""What the person is told, and offered, when a data file cannot be opened or kept open.

A damaged file (cut short, overwritten, emptied, or found damaged by the check that runs
while the window opens) is offered its newest backup that holds records; a file that is
read-only, in use by another OnTrack, or from a newer version is not, since a backup does
not cure that (and a restore into a read-only folder could not be written anyway).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

# QFileDialog and QMessageBox are imported where a dialog is shown: PySide makes a Qt
# class's Python enums when it is first imported, ~1.5 ms each at start-up (#19).
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QWidget

from .. import APP_NAME
from ..domain.dates import written
from ..domain.file_errors import DamagedFileError, DataFileError, NotAnOnTrackFileError


@dataclass(frozen=True)
class NextStep:
    """The person's answer: restore `backup` over the file, open `other`, or neither."""

    backup: Path | None = None
    other: Path | None = None


def warn(parent: QWidget | None, title: str, text: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    box.exec()
    box.deleteLater()


def ask_what_next(parent: QWidget | None, path: Path, error: DataFileError) -> NextStep:
    """Explain why `path` cannot be used; offer its newest backup where that would help."""
    from ..services.backups import newest_worth_restoring

    # Truncated, overwritten or otherwise damaged: a backup can bring the data back (the
    # file itself is kept beside it). A folder we cannot write to cannot take a restore.
    curable = isinstance(error, DamagedFileError | NotAnOnTrackFileError)
    restorable = curable and path.is_file() and os.access(path.parent, os.W_OK | os.X_OK)
    newest = newest_worth_restoring(path) if restorable else None
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(f"{APP_NAME} cannot open this file")
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(str(error))
    restore_button = None
    if newest is not None:
        made = newest.made_at
        box.setInformativeText(
            f"Its newest backup is from {written(made.date())} at {made:%H:%M}. "
            "Restoring it keeps the damaged file beside it, untouched."
        )
        restore_button = box.addButton(
            "Restore the newest backup", QMessageBox.ButtonRole.AcceptRole
        )
    open_button = box.addButton("Open another file…", QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Cancel if parent else QMessageBox.StandardButton.Close)
    box.exec()
    clicked = box.clickedButton()
    box.deleteLater()
    if newest is not None and clicked is restore_button:
        return NextStep(backup=newest.path)
    if clicked is not open_button:
        return NextStep()
    name, _ = QFileDialog.getOpenFileName(parent, "Open data file")
    return NextStep(other=Path(name) if name else None)


class _Check(Protocol):
    """The integrity check running beside the window (storage.integrity.BackgroundCheck)."""

    def when_done(self, listener: Callable[[str | None], None]) -> None: ...


class DamageWatch(QObject):
    """Tells the window's thread what the background integrity check found, if anything:
    `damaged` carries the problem, emitted on the thread this object lives on. Starting
    the check is the window's business (once it is shown; see app.py)."""

    damaged = Signal(str)
    _found = Signal(str)  # emitted on the checking thread, delivered on ours

    def __init__(self, check: _Check, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._found.connect(self.damaged, Qt.ConnectionType.QueuedConnection)
        check.when_done(self._report)

    def _report(self, problem: str | None) -> None:
        if problem is not None:
            self._found.emit(problem)
