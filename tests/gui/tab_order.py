"""Tab order against reading order: the chain of controls the Tab key walks through in a
window or dialog, and where it goes against the way a person reads the screen.

Reading order here is by columns and rows: from one control the next may lie below it
(anywhere across), beside it on the right on the same row, or at the top of a column to
its right (a detail pane after its list). Going back up within the same column, or left
along the same row, is what a person notices as Tab jumping around."""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QAbstractButton, QWidget

ROW_SLACK = 6  # pixels of misalignment still read as the same row


def chain(top: QWidget) -> list[QWidget]:
    """The controls Tab reaches in `top`, in order, starting from its first one."""
    reachable: list[QWidget] = []
    seen: set[int] = set()
    widget = top.nextInFocusChain()
    while widget is not top and id(widget) not in seen:
        seen.add(id(widget))
        if _takes_tab(widget, top):
            reachable.append(widget)
        widget = widget.nextInFocusChain()
    return reachable


def _takes_tab(widget: QWidget, top: QWidget) -> bool:
    if not (widget.isVisibleTo(top) and widget.isVisible() and widget.isEnabled()):
        return False
    if widget.focusProxy() is not None:
        return False  # its proxy stands in the chain for it
    if not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
        return False
    return widget.window() is top


def _rect(widget: QWidget, top: QWidget) -> QRect:
    return QRect(widget.mapTo(top, QPoint(0, 0)), widget.size())


def against_reading(a: QRect, b: QRect) -> bool:
    """Does going from `a` to `b` go against reading order?"""
    if b.top() >= a.bottom() - ROW_SLACK:
        return False  # below
    # To the right (the same row, or a column further right) is fine too; anything else
    # goes up in the same column, or back left along the row.
    return b.left() < a.right() - ROW_SLACK


def jumps(top: QWidget) -> list[str]:
    """Each step of the Tab chain that goes against reading order, in words."""
    found = []
    controls = chain(top)
    if controls:
        # The chain is a ring: read it from the control a person reads first (top left),
        # so that Tab wrapping round from the last control to the first is not a jump.
        first = min(range(len(controls)), key=lambda i: _reading_key(_rect(controls[i], top)))
        controls = controls[first:] + controls[:first]
    for before, after in pairwise(controls):
        if against_reading(_rect(before, top), _rect(after, top)):
            found.append(f"Tab goes from {_name(before)} back to {_name(after)}")
    return found


def _reading_key(rect: QRect) -> tuple[int, int]:
    return rect.top() // (ROW_SLACK * 4), rect.left()


def _name(widget: QWidget) -> str:
    text = widget.text() if isinstance(widget, QAbstractButton) else ""
    label = widget.accessibleName() or text or widget.objectName()
    return f"{type(widget).__name__} {label!r}"
