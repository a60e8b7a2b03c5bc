"""Opening a protected data file: the keyring first (if the person chose "Remember on this
computer"), else a small dialog with the file's name and the passphrase field. A wrong
passphrase says so and lets the person try again; nothing is written, nothing locks."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from .dialogs import keep_default, passes
from .fields import message_line, passphrase_field

WRONG = "That passphrase does not open this file. Try again (nothing was changed)."


class UnlockDialog(QDialog):
    def __init__(
        self,
        path: Path,
        *,
        can_remember: bool,
        what: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("unlockDialog")
        self.setWindowTitle(f"Unlock {path.name}")
        self.path = path
        intro = QLabel(
            f"{what or path.name} is protected. Type its passphrase, or your recovery code, "
            "to open it."
        )
        intro.setObjectName("unlockIntro")
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        intro.setToolTip(str(path))
        self.passphrase = passphrase_field("unlockPassphrase", "Passphrase")
        self.remember = QCheckBox("&Remember on this computer")
        self.remember.setObjectName("rememberPassphrase")
        self.remember.setToolTip(
            "Keeps the file's key in this computer's keyring, so that OnTrack opens the "
            "file without asking while you are logged in."
        )
        self.remember.setVisible(can_remember)
        self.problem = message_line("unlockProblem")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.unlock_button = buttons.addButton("&Unlock", QDialogButtonBox.ButtonRole.AcceptRole)
        keep_default(buttons, self.unlock_button)
        self.unlock_button.setEnabled(False)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow("&Passphrase:", self.passphrase)
        form.addRow("", self.remember)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.passphrase.textChanged.connect(lambda text: self.unlock_button.setEnabled(bool(text)))
        self.setMinimumWidth(420)
        self.passphrase.setFocus()

    def accept(self) -> None:
        from ...services import protection

        secret, remember = self.passphrase.text(), self.remember.isChecked()

        def attempt() -> str | None:
            try:
                protection.unlock(self.path, secret, remember=remember)
            except protection.WrongSecretError:
                return WRONG
            except protection.DataFileError as error:
                return str(error)
            return None

        if passes(attempt, self.passphrase, self.problem):
            super().accept()


def unlock_interactively(parent: QWidget | None, path: Path, *, what: str = "") -> bool:
    """Unlock `path`: from the keyring without asking if it was remembered, else by the
    dialog. False if the person cancelled."""
    from ...services import protection

    if protection.is_unlocked(path):
        return True
    if protection.unlock_from_keyring(path):
        return True
    dialog = UnlockDialog(
        path, can_remember=protection.keyring_available() and not what, what=what, parent=parent
    )
    unlocked = dialog.exec() == QDialog.DialogCode.Accepted
    dialog.deleteLater()
    return unlocked
