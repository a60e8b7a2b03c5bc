"""The pieces the protection dialogs share: a passphrase field, a new passphrase typed
twice with a strength hint, and a line for what went wrong."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from ...domain.passphrase import Strength, hint
from ..look import mute

MAX_LENGTH = 1024  # generous: a passphrase may be a sentence; never a rule about content


def passphrase_field(name: str, accessible: str) -> QLineEdit:
    field = QLineEdit()
    field.setObjectName(name)
    field.setAccessibleName(accessible)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setMaxLength(MAX_LENGTH)
    return field


class MessageLine(QLabel):
    """A line that says what went wrong: hidden (taking no room) until something did."""

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setVisible(bool(text))


def message_line(name: str) -> QLabel:
    label = MessageLine()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)  # it may quote a file's name
    label.setAccessibleName("Problem")
    label.setVisible(False)
    return label


class NewPassphrase(QWidget):
    """A new passphrase, typed twice, with a hint of how hard it is to guess (a hint: any
    passphrase that is typed the same twice is accepted)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, label: str = "&Passphrase:") -> None:
        super().__init__(parent)
        self.first = passphrase_field("newPassphrase", "New passphrase")
        self.second = passphrase_field("newPassphraseAgain", "The new passphrase again")
        self.strength = QLabel(hint("").words)
        self.strength.setObjectName("passphraseStrength")
        self.strength.setAccessibleName("How hard it is to guess")
        self.strength.setWordWrap(True)
        mute(self.strength)
        self.mismatch = message_line("passphraseMismatch")
        form = QFormLayout()
        form.addRow(label, self.first)
        form.addRow("", self.strength)
        form.addRow("&Again:", self.second)
        layout = QVBoxLayout(self)  # the mismatch line below: hidden, it takes no room
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.mismatch)
        self.first.textChanged.connect(self._update)
        self.second.textChanged.connect(self._update)

    def _update(self) -> None:
        self.strength.setText(hint(self.first.text()).words)
        typed, again = self.first.text(), self.second.text()
        differs = bool(again) and typed != again and not typed.startswith(again)
        self.mismatch.setText("The two passphrases differ." if differs else "")
        self.changed.emit()

    def value(self) -> str | None:
        """The passphrase, once typed the same twice; else None."""
        typed = self.first.text()
        return typed if typed and typed == self.second.text() else None

    def weak(self) -> bool:
        return hint(self.first.text()).strength is Strength.WEAK
