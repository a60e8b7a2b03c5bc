"""The dialogs that turn protection on, change the passphrase, and remove it. Each checks
what it can before it closes (a passphrase typed the same twice; the current passphrase
through `check`), so that the slow part that follows never starts on a mistake."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from .fields import NewPassphrase, message_line, passphrase_field

NO_RECOVERY = "If you forget it, nobody can recover your data — not even us."
# Checks a secret: None if it opens the file, else what to tell the person.
Check = Callable[[str], str | None]


def _text(words: str, name: str, *, bold: bool = False) -> QLabel:
    label = QLabel(words)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)  # a file name is never markup
    if bold:
        font = label.font()
        font.setBold(True)
        label.setFont(font)
    return label


def _buttons(dialog: QDialog, accept_words: str) -> tuple[QDialogButtonBox, QPushButton]:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    button = box.addButton(accept_words, QDialogButtonBox.ButtonRole.AcceptRole)
    keep_default(box, button)
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box, button


def keep_default(box: QDialogButtonBox, button: QPushButton) -> None:
    """Enter presses `button`, even while it is disabled as the dialog opens (Qt would
    otherwise make Cancel the default then, and Enter would cancel)."""
    cancel = box.button(QDialogButtonBox.StandardButton.Cancel)
    if cancel is not None:
        cancel.setAutoDefault(False)
    button.setDefault(True)


def while_busy(work: Callable[[], str | None]) -> str | None:
    """Run `work` (a key derivation: a quarter of a second) under a wait cursor."""
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        return work()
    finally:
        QGuiApplication.restoreOverrideCursor()


def passes(work: Callable[[], str | None], field: QLineEdit, problem: QLabel) -> bool:
    """Run the check `work` under a wait cursor; on a problem, say it and select the
    passphrase typed, so that typing again replaces it."""
    found = while_busy(work)
    if found is None:
        return True
    problem.setText(found)
    field.selectAll()
    field.setFocus()
    return False


class ProtectDialog(QDialog):
    """Choose a passphrase for a plain data file."""

    def __init__(self, path: Path, backups: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("protectDialog")
        self.setWindowTitle("Protect with a passphrase")
        also = (
            f" and its {backups} backups" if backups > 1 else " and its backup" if backups else ""
        )
        intro = _text(
            f"OnTrack will encrypt {path.name}{also}, so that someone who copies them cannot "
            "read them. You will type the passphrase when OnTrack opens the file.",
            "protectIntro",
        )
        self.new = NewPassphrase(self)
        warning = _text(NO_RECOVERY, "protectWarning", bold=True)
        after = _text(
            "Next you get a recovery code: it opens the file if you forget the passphrase.",
            "protectNext",
        )
        buttons, self.protect_button = _buttons(self, "Pro&tect")
        layout = QVBoxLayout(self)
        for widget in (intro, self.new, warning, after, buttons):
            layout.addWidget(widget)
        self.new.changed.connect(self._update)
        self._update()
        self.setMinimumWidth(460)
        self.new.first.setFocus()

    def _update(self) -> None:
        self.protect_button.setEnabled(self.new.value() is not None)

    def passphrase(self) -> str:
        return self.new.value() or ""


class ChangePassphraseDialog(QDialog):
    """The current passphrase (or the recovery code), then the new one twice."""

    def __init__(self, path: Path, check: Check, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("changePassphraseDialog")
        self.setWindowTitle("Change passphrase")
        self._check = check
        self.current = passphrase_field("currentPassphrase", "Current passphrase")
        self.new = NewPassphrase(self, "&New passphrase:")
        self.problem = message_line("changeProblem")
        note = _text(
            f"The new passphrase opens {path.name} from now on. Your recovery code stays the "
            "same; backups made before open with the passphrase they were made with.",
            "changeNote",
        )
        buttons, self.change_button = _buttons(self, "&Change")
        form = QFormLayout()
        form.addRow("C&urrent passphrase:", self.current)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.new)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.new.changed.connect(self._update)
        self.current.textChanged.connect(self._update)
        self._update()
        self.setMinimumWidth(460)
        self.current.setFocus()

    def _update(self) -> None:
        ready = bool(self.current.text()) and self.new.value() is not None
        self.change_button.setEnabled(ready)

    def accept(self) -> None:
        if passes(lambda: self._check(self.current.text()), self.current, self.problem):
            super().accept()

    def values(self) -> tuple[str, str]:
        return self.current.text(), self.new.value() or ""


class RemoveProtectionDialog(QDialog):
    """Say what removing protection means, and take the current passphrase."""

    def __init__(self, path: Path, check: Check, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("removeProtectionDialog")
        self.setWindowTitle("Remove protection")
        self._check = check
        intro = _text(
            f"OnTrack will decrypt {path.name} in place: anyone who can read the file can then "
            "read your journal, goals and contacts. Backups made while it was protected stay "
            "protected, and open with your recovery code.",
            "removeIntro",
        )
        self.current = passphrase_field("removePassphrase", "Passphrase")
        self.problem = message_line("removeProblem")
        buttons, self.remove_button = _buttons(self, "&Remove protection")
        form = QFormLayout()
        form.addRow("&Passphrase:", self.current)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.current.textChanged.connect(lambda text: self.remove_button.setEnabled(bool(text)))
        self.remove_button.setEnabled(False)
        self.setMinimumWidth(460)
        self.current.setFocus()

    def accept(self) -> None:
        if passes(lambda: self._check(self.current.text()), self.current, self.problem):
            super().accept()

    def secret(self) -> str:
        return self.current.text()
