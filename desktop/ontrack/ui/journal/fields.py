"""Small editing widgets the Journal editor is built from: an optional date, a Markdown
field with a rendered preview, a multi-select of the eight derailers, a plain-text box."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QStackedWidget,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.enums import Factor
from ..long_text import LongTextEdit

_NONE = QDate(1900, 1, 1)  # the date edit's minimum stands for "no date"


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


class DateField(QDateEdit):
    """A date with a calendar popup, shown the same way everywhere in the Journal."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("d MMM yyyy")
        self.setMinimumDate(QDate(100, 1, 1))  # the earliest a QDateEdit can show
        self._shown: tuple[QDate, date] | None = None

    def value(self) -> date:
        # A stored day the edit cannot show (before the year 100) is clamped on screen;
        # it is given back unchanged unless the person picks another day.
        if self._shown is not None and self._shown[0] == self.date():
            return self._shown[1]
        return from_qdate(self.date())

    def set_value(self, day: date) -> None:
        self.setDate(to_qdate(day))
        self._shown = (self.date(), day)


class OptionalDateField(QWidget):
    """A date that may be unset: "None" until a date is picked, and a button to clear it."""

    changed = Signal()

    def __init__(self, none_text: str, default: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._default = default
        self._shown: tuple[QDate, date | None] | None = None
        self.edit = DateField()
        self.edit.setMinimumDate(_NONE)
        self.edit.setSpecialValueText(none_text)
        self.edit.dateChanged.connect(lambda _: self.changed.emit())
        self.clear_button = QToolButton()
        self.clear_button.setText("Clear")
        self.clear_button.setToolTip("Remove this date")
        self.clear_button.clicked.connect(lambda: self.set_value(None))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.clear_button)
        self.setFocusProxy(self.edit)

    def value(self) -> date | None:
        day = self.edit.date()
        if self._shown is not None and self._shown[0] == day:
            return self._shown[1]  # as set, even a day the edit cannot show (see DateField)
        return None if day == _NONE else from_qdate(day)

    def set_value(self, day: date | None) -> None:
        self.edit.setDate(_NONE if day is None else to_qdate(day))
        self._shown = (self.edit.date(), day)
        self.clear_button.setEnabled(day is not None)

    def set_default(self, day: date) -> None:
        self._default = day


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
