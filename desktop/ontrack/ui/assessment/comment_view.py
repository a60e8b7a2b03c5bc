"""A rater's comment in the results: shown whole when short, else its beginning and a
button that opens the whole text in a window of its own.

A rater's words may be a megabyte (they are kept exactly, `domain.validation`). Laid out
in a word-wrapped QLabel, that held the window for a long time; so the card shows at most
`SHOWN` characters, and "Read all" opens a read-only plain-text box, which lays out only
what is on screen and wraps an unbroken run anywhere (`long_text.LongTextEdit`). The
words are always plain text, never markup.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.validation import MAX_COMMENT_LENGTH
from ..long_text import LongTextEdit
from ..plain_text import literal_tooltip

SHOWN = 1_200
"""Characters of a comment shown in the card; a longer one is cut (at a space if near)."""
SHOWN_LINES = 12


def excerpt(words: str) -> str:
    """The beginning of `words` for the card, or all of them when short."""
    lines = words.split("\n", SHOWN_LINES)
    if len(words) <= SHOWN and len(lines) <= SHOWN_LINES:
        return words
    head = "\n".join(lines[:SHOWN_LINES])[:SHOWN]
    cut = head.rfind(" ")
    return (head[:cut] if cut > SHOWN * 0.8 else head).rstrip() + " …"


def comment_widget(words: str, where: str, name: str, parent: QWidget | None = None) -> QWidget:
    """The comment in quotes with what it is about; a long one with its "Read all" button."""
    shown = excerpt(words)
    label = QLabel(f"“{shown}” ({where})")
    label.setTextFormat(Qt.TextFormat.PlainText)  # a rater's words are never markup
    label.setWordWrap(True)
    label.setObjectName(name)
    if shown == words:
        return label
    box = QWidget(parent)
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(label, 1)
    read = QPushButton(f"Read all ({len(words):,} characters)…", objectName=f"{name}ReadAll")
    read.setToolTip(literal_tooltip(f"The whole comment about {where}, in a window of its own"))
    read.setAccessibleName(f"Read the whole comment about {where}")
    read.clicked.connect(lambda: CommentDialog(words, where, box).open())
    row.addWidget(read, 0, Qt.AlignmentFlag.AlignTop)
    return box


class CommentDialog(QDialog):
    """One whole comment, read-only, selectable and copyable."""

    def __init__(self, words: str, where: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("commentDialog")
        self.setWindowTitle(f"Comment about {where}")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.text = LongTextEdit(cap=MAX_COMMENT_LENGTH, what="A comment")
        self.text.setObjectName("commentText")
        self.text.setAccessibleName(f"Comment about {where}")
        self.text.setReadOnly(True)
        self.text.setPlainText(words)
        length = QLabel(f"{len(words):,} characters, exactly as the rater wrote them.")
        length.setTextFormat(Qt.TextFormat.PlainText)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(length)
        layout.addWidget(close)
        self.resize(720, 520)
