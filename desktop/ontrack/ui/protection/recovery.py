"""The recovery code, shown once when protection is turned on: to print or write down,
with a check that it was kept (four of its characters, typed back) before it goes."""

from __future__ import annotations

import random

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from .dialogs import NO_RECOVERY
from .fields import message_line

ASKED = 4


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


class RecoveryCodeDialog(QDialog):
    """`code` as `XXXXX-XXXXX-…`; closes only once ASKED of its characters are typed back."""

    def __init__(
        self, code: str, file_name: str, parent: QWidget | None = None, *, seed: int | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("recoveryCodeDialog")
        self.setWindowTitle("Your recovery code")
        self.code = code
        self._file_name = file_name
        letters = code.replace("-", "")
        self._asked = sorted(random.Random(seed).sample(range(len(letters)), ASKED))
        self._expected = "".join(letters[i] for i in self._asked)
        intro = QLabel(
            f"This code opens {file_name} and its backups if you forget your passphrase. It "
            "is shown only now: print it or write it down, and keep it apart from this "
            f"computer. {NO_RECOVERY.replace('it', 'both', 1)}"
        )
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        self.code_label = _code_label(code)
        row = self._code_buttons()
        places = ", ".join(_ordinal(i + 1) for i in self._asked[:-1])
        last = _ordinal(self._asked[-1] + 1)
        question = (
            f"To check that you kept it, type its {places} and {last} characters "
            "(not counting the dashes):"
        )
        self.check = QLineEdit()
        self.check.setObjectName("recoveryCheck")
        self.check.setMaxLength(ASKED + 3)
        self.problem = message_line("recoveryProblem")
        form = QFormLayout()
        check_label = QLabel(question)
        check_label.setWordWrap(True)
        check_label.setBuddy(self.check)
        self.check.setAccessibleName("Characters of the recovery code")
        form.addRow(check_label)
        form.addRow("&Characters:", self.check)
        buttons = QDialogButtonBox()
        self.done_button = buttons.addButton("&Done", QDialogButtonBox.ButtonRole.AcceptRole)
        self.done_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.code_label)
        layout.addLayout(row)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.check.textChanged.connect(lambda _: self.problem.setText(""))
        self.setMinimumWidth(500)
        self.check.setFocus()

    def _code_buttons(self) -> QHBoxLayout:
        self.copy_button = QPushButton("C&opy")
        self.copy_button.setObjectName("copyRecoveryCode")
        self.copy_button.clicked.connect(self._copy)
        self.print_button = QPushButton("&Print…")
        self.print_button.setObjectName("printRecoveryCode")
        self.print_button.clicked.connect(self._print)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.copy_button)
        row.addWidget(self.print_button)
        return row

    def kept(self) -> bool:
        typed = self.check.text().upper().replace(" ", "").replace("-", "")
        return typed == self._expected

    def accept(self) -> None:
        if self.kept():
            super().accept()
            return
        self.problem.setText(
            "Those are not the characters asked for. Look at the code above and try again."
            if self.check.text()
            else "Type the characters asked for: the code is shown only now."
        )
        self.check.setFocus()

    def reject(self) -> None:
        self.accept()  # Escape or the window's close box: the same check as Done

    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(self.code)

    def _print(self) -> None:
        from PySide6.QtGui import QTextDocument
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter()
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        document = QTextDocument()
        document.setPlainText(
            f"OnTrack recovery code for {self._file_name}\n\n"
            f"{self.code}\n\nIt opens the file and its backups if you forget the passphrase."
        )
        document.print_(printer)


def _code_label(code: str) -> QLabel:
    """The code, large, in a fixed-width font (0 and O, 1 and I kept apart), selectable."""
    label = QLabel(code)
    label.setObjectName("recoveryCode")
    label.setAccessibleName("Recovery code")
    label.setAccessibleDescription(" ".join(code))  # spelled out, one by one
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setPointSizeF(font.pointSizeF() * 1.6)
    font.setBold(True)
    label.setFont(font)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label
