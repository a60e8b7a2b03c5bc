"""Small editing widgets the Journal editor is built from: a Markdown field with a rendered
preview, a multi-select of the eight derailers, a plain-text box. (Dates are typed in the
one `ui.date_entry.DateEntry`.)"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QStackedWidget,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.enums import Factor
from ..long_text import LongTextEdit


class TextBox(LongTextEdit):
    """Plain text, a few lines tall, Tab moves on (it is a form, not a code editor)."""

    def __init__(self, placeholder: str, lines: int = 3, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(placeholder)
        self.setFixedHeight(self.fontMetrics().lineSpacing() * lines + 14)


def render_markdown(document: QTextDocument, source: str) -> None:
    """The person's own Markdown, rendered; raw HTML inside it stays literal text."""
    features = QTextDocument.MarkdownFeature
    document.setMarkdown(source, features.MarkdownDialectGitHub | features.MarkdownNoHTML)


class MarkdownField(QWidget):
    """Markdown source to write in, and a rendered preview to read (Ctrl+Shift+V toggles)."""

    def __init__(self, placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.source = TextBox(placeholder, lines=7)
        self.preview = QTextBrowser()
        self.preview.setOpenLinks(False)
        self.preview.setFixedHeight(self.source.height())
        self.preview.setObjectName("journalPreview")
        self._stack = QStackedWidget()
        self._stack.addWidget(self.source)
        self._stack.addWidget(self.preview)
        self._stack.setFixedHeight(self.source.height())  # no gap above the Preview button
        self.toggle = QToolButton()
        self.toggle.setCheckable(True)
        self.toggle.setText("Preview")
        self.toggle.setToolTip("Show the text formatted (Ctrl+Shift+V); press again to edit")
        self.toggle.setShortcut("Ctrl+Shift+V")
        self.toggle.toggled.connect(self._show_preview)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self._stack)
        layout.addWidget(self.toggle, 0, Qt.AlignmentFlag.AlignRight)
        self.setFocusProxy(self.source)

    def value(self) -> str:
        return self.source.value()

    def set_value(self, text: str) -> None:
        self.source.set_value(text)
        if self.toggle.isChecked():
            render_markdown(self.preview.document(), text)

    def _show_preview(self, on: bool) -> None:
        if on:
            render_markdown(self.preview.document(), self.source.value())
        self._stack.setCurrentWidget(self.preview if on else self.source)
        self.toggle.setText("Edit" if on else "Preview")


class FactorPicker(QWidget):
    """The eight derailers as check boxes: any number may apply."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setHorizontalSpacing(16)
        layout.setVerticalSpacing(2)
        self.boxes: dict[Factor, QCheckBox] = {}
        for n, factor in enumerate(Factor):
            box = QCheckBox(factor.label)
            box.setObjectName(f"factor_{factor.value}")
            box.toggled.connect(lambda _: self.changed.emit())
            layout.addWidget(box, n // 2, n % 2)
            self.boxes[factor] = box

    def value(self) -> tuple[Factor, ...]:
        return tuple(f for f, box in self.boxes.items() if box.isChecked())

    def set_value(self, factors: tuple[Factor, ...]) -> None:
        for factor, box in self.boxes.items():
            box.setChecked(factor in factors)
