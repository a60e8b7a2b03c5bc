"""Names a screen reader says for controls whose label Qt does not find by itself.

Qt names a field after the label whose buddy it is only when the label sits beside it (a
sibling). A compound field (a date with its Clear button, an e-mail box with its Write…
button, Markdown with its preview) takes the keyboard in a control inside it, which the
label does not reach: `name_by_labels` hands the label's words down to that control.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget


def label_words(text: str) -> str:
    """A label's text as spoken: no mnemonic marker, no trailing colon."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").strip().rstrip(":")


def name_by_labels(root: QWidget) -> None:
    """Give every labelled field under `root`, and the control inside it that takes the
    keyboard, its label's words as accessible name (unless it has a name already)."""
    for label in root.findChildren(QLabel):
        buddy = label.buddy()
        if buddy is None:
            continue
        words = label_words(label.text())
        for widget in {buddy, buddy.focusProxy() or buddy, *_focusable_inside(buddy)}:
            if widget.parentWidget() is label.parentWidget():
                continue  # beside its label: Qt names it, and follows a relabelling
            if not widget.accessibleName():
                widget.setAccessibleName(words)


def _focusable_inside(widget: QWidget) -> list[QWidget]:
    """The first control inside a container row (`_beside`-style: an edit and a button)."""
    if widget.focusPolicy() != Qt.FocusPolicy.NoFocus:
        return []
    inside = [
        child
        for child in widget.findChildren(QWidget)
        if child.focusPolicy() != Qt.FocusPolicy.NoFocus
    ]
    return inside[:1]
