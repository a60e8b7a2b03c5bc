"""What every page of the weekly review is to the dialog that steps through them, and the
small widgets the pages share (plain-text labels that wrap and never widen the dialog).

A page walks through its own items ("Goal 2 of 5"); the dialog's buttons ask it to do its
main action (Enter), skip the item (Alt+S) or go back (Alt+B), and move to the next page
when the page says it is finished.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QLabel, QSizePolicy, QWidget

from ...domain.enums import InteractionKind
from ..look import heading_font, mute
from ..paged_model import format_date

# An unbroken run this long (a pasted link, a title without spaces) gets break chances, so
# that a word-wrapped label can wrap it instead of pushing the dialog off the screen.
_LONG_RUN = re.compile(r"\S{40}")
_ZERO_WIDTH_SPACE = "\u200b"


def breakable(text: str) -> str:
    return _LONG_RUN.sub(lambda m: m.group(0) + _ZERO_WIDTH_SPACE, text)


def plain(text: str = "", *, scale: float = 1.0, bold: bool = False, muted: bool = False) -> QLabel:
    """A label for user text: plain text (never markup), wrapping, any width."""
    label = QLabel(breakable(text))
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    # Ignored: the label takes the width the dialog gives it and wraps to it, rather than
    # asking for the width of its longest line.
    policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    policy.setHeightForWidth(True)  # as QLabel's own policy when it wraps
    label.setSizePolicy(policy)
    label.setMinimumWidth(1)
    if muted:
        mute(label)
    if scale != 1.0 or bold:
        label.setFont(heading_font(label.font(), scale, bold))
    return label


def set_plain(label: QLabel, text: str) -> None:
    label.setText(breakable(text))
    label.setVisible(bool(text))


QUOTE_LENGTH = 160  # two lines or so: the page shows a reminder, the tab the whole text


def quoted(text: str) -> str:
    """User text in quotes, one line, cut at QUOTE_LENGTH characters."""
    text = " ".join(text.split())
    if len(text) > QUOTE_LENGTH:
        text = text[: QUOTE_LENGTH - 1].rstrip() + "…"
    return f"“{text}”" if text else ""


def day_and_since(day: date, since: str) -> str:
    return f"{format_date(day)} ({since})"


def form_row(
    form: QFormLayout, text: str, field: QWidget, shown: QHBoxLayout | None = None
) -> QLabel:
    """A form row whose label's mnemonic (Alt+letter) puts the keyboard in `field`;
    `shown` is what the row shows, when more than the field (a field with a hint beside it)."""
    label = QLabel(text)
    label.setBuddy(field)
    if shown is None:
        form.addRow(label, field)
    else:
        form.addRow(label, shown)
    return label


def kind_combo(accessible_name: str) -> QComboBox:
    """How the person was in touch: e-mail first (the quickest way to reach out)."""
    combo = QComboBox()
    order = [InteractionKind.EMAIL, InteractionKind.CALL, InteractionKind.LINKEDIN,
             InteractionKind.COFFEE, InteractionKind.MEETING, InteractionKind.OTHER]  # fmt: skip
    for kind in order:
        combo.addItem(kind.label, kind.value)
    combo.setAccessibleName(accessible_name)
    combo.setToolTip("How you were in touch; it is logged as an interaction dated today")
    return combo


def chosen_kind(combo: QComboBox) -> InteractionKind:
    return InteractionKind(combo.currentData())


class ReviewStep(QWidget):
    """One page of the review. Subclasses override what applies to them."""

    changed = Signal()  # the counter or the buttons' texts changed
    heading = ""
    primary_label = "Ne&xt"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report: Callable[[str], None] = lambda text: None  # a line for the status

    def primary_text(self) -> str:
        """The main action's button text, with its mnemonic."""
        return self.primary_label

    def has_items(self) -> bool:
        """False: the dialog passes this page by."""
        return True

    def counter(self) -> str:
        """Where in the page's items the review is ('Goal 2 of 5'); empty if one item."""
        return ""

    def can_skip(self) -> bool:
        return False

    def enter(self, forward: bool) -> None:
        """The page comes on screen: coming forward starts at its first item, coming back at
        its last; the keyboard goes where the person types first."""

    def primary(self) -> bool:
        """Enter: do the page's main action for the item shown; True when the page is done."""
        return True

    def skip(self) -> bool:
        """Alt+S: leave the item as it is; True when the page is done."""
        return True

    def back(self) -> bool:
        """Alt+B: True when the page went back to its previous item itself."""
        return False


class ItemsStep(ReviewStep):
    """A page that walks through a list of items one at a time ("Goal 2 of 5")."""

    noun = "Item"

    def __init__(self, items: tuple[object, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items = items
        self._index = 0

    def has_items(self) -> bool:
        return bool(self._items)

    def counter(self) -> str:
        if len(self._items) < 2:
            return ""
        return f"{self.noun} {self._index + 1} of {len(self._items)}"

    def can_skip(self) -> bool:
        return True

    def enter(self, forward: bool) -> None:
        self._go(0 if forward else len(self._items) - 1)

    def skip(self) -> bool:
        return self._next()

    def back(self) -> bool:
        if self._index == 0:
            return False
        self._go(self._index - 1)
        return True

    def _next(self) -> bool:
        """To the next item; True when this was the last."""
        if self._index + 1 >= len(self._items):
            return True
        self._go(self._index + 1)
        return False

    def _go(self, index: int) -> None:
        self._index = max(0, min(index, len(self._items) - 1))
        if self._items:
            self.show_item(self._index)
        self.changed.emit()

    def show_item(self, index: int) -> None:
        """Fill the page with item `index` and put the keyboard in its first field."""
        raise NotImplementedError
