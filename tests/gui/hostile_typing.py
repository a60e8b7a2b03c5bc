"""Helpers for the hostile-input widget tests (`test_hostile_widgets_*.py`): put a hostile
value into a field the way a person does, leave the field, and check what is shown.

The values are the service-level suite's own (tests/safety/test_hostile_input.py)."""

from __future__ import annotations

import html

from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, QModelIndex, Qt
from PySide6.QtGui import Qt as QtGuiNamespace
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from tests.safety.test_hostile_input import DAYS, HOSTILE

__all__ = ["DAYS", "HOSTILE", "MARKER", "SHORT", "enter", "leave", "renders_markup"]

SHORT = {name: value for name, value in HOSTILE.items() if name != "longest allowed"}
MARKER = "<b>x</b>"  # a record holding this must never show a bold "x" anywhere
CTRL = Qt.KeyboardModifier.ControlModifier
might_be_rich_text = QtGuiNamespace.mightBeRichText  # how Qt decides a label or tooltip is HTML


def focus(qtbot: QtBot, widget: QWidget) -> None:
    widget.window().activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget.window())
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(widget.hasFocus)


def enter(qtbot: QtBot, widget: QLineEdit | QPlainTextEdit, value: str) -> None:
    """Replace the field's text with `value`: select all, then type what a keyboard types
    (printable ASCII) and paste the rest (Ctrl+V), as text from elsewhere arrives."""
    focus(qtbot, widget)
    qtbot.keyClick(widget, Qt.Key.Key_A, CTRL)  # what is typed or pasted replaces it
    if not value:
        qtbot.keyClick(widget, Qt.Key.Key_Backspace)
    elif value.isascii() and value.isprintable() and len(value) < 300:
        qtbot.keyClicks(widget, value)
    else:
        QApplication.clipboard().setText(value)
        qtbot.keyClick(widget, Qt.Key.Key_V, CTRL)
    text = widget.text() if isinstance(widget, QLineEdit) else widget.toPlainText()
    limit = widget.maxLength() if isinstance(widget, QLineEdit) else len(value)
    assert text == value[:limit]  # the field holds what arrived (up to its visible limit)


def leave(qtbot: QtBot, widget: QWidget, to: QWidget) -> None:
    """Move on to another field, which saves the one left."""
    focus(qtbot, to)
    assert not widget.hasFocus()


def renders_markup(label: QLabel, text: str) -> bool:
    """Would `label` show `text` (somewhere in it) as formatting instead of literally?"""
    shown = label.text()
    if label.textFormat() == Qt.TextFormat.PlainText:
        return False
    rich = label.textFormat() == Qt.TextFormat.RichText or might_be_rich_text(shown)
    return rich and text in shown and html.escape(text) not in shown


def tooltip_renders_markup(model: QAbstractItemModel, text: str) -> list[str]:
    """Tooltips of `model`'s cells that would show `text` as formatting."""
    found = []
    root = QModelIndex()
    columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(root)
    for row in range(model.rowCount(root)):
        for column in range(columns):
            tip = model.data(model.index(row, column), Qt.ItemDataRole.ToolTipRole)
            if isinstance(tip, str) and text in tip and might_be_rich_text(tip):
                found.append(tip)
    return found
