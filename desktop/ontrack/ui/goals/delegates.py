"""Cell editors and painting for the goals table: a line edit for the title and the next
step, the one date entry (`ui.date_entry`) for the deadline, a spin box for hand-set
progress, combos for status and factor, and the progress column painted as a bar."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QKeyEvent, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QLineEdit,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from ...domain.enums import Factor, GoalStatus
from ...domain.goals import MAX_TITLE_LENGTH
from ..date_entry import DateEntry
from ..delegates import ProgressBarDelegate, paint_bar
from ..long_text import cap_line
from ..roles import SORT_ROLE
from .table_model import DEADLINE, PROGRESS, STATUS, STEPS, TITLE

# A step is typed on one line; the data file and the interchange format take long text.
MAX_STEP_LENGTH = 1_000

Index = QModelIndex | QPersistentModelIndex
_INACTIVE = QPalette.ColorGroup.Inactive


STATUS_TIP = (
    "Automatic: OnTrack works the status out from the deadline, the time gone and the "
    "progress (past the deadline it says Overdue). Choose a status to set it by hand; "
    "choose Automatic again to hand it back."
)


def status_combo(parent: QWidget | None, automatic: str = "Automatic") -> QComboBox:
    combo = QComboBox(parent)
    combo.addItem(automatic, None)
    for status in GoalStatus:
        combo.addItem(status.label, status.value)
    combo.setToolTip(STATUS_TIP)
    return combo


def factor_combo(parent: QWidget | None) -> QComboBox:
    combo = QComboBox(parent)
    combo.addItem("No factor", None)
    for factor in Factor:
        combo.addItem(factor.label, factor.value)
    return combo


class GoalsDelegate(QStyledItemDelegate):
    """The editors of every column. It does not override `paint`, so that Qt paints the
    cells without a call into Python per cell (a full table repaint is ~2x faster)."""

    def __init__(self, today: date, parent: Any = None) -> None:
        super().__init__(parent)
        self._today = today

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        column = index.column()
        if column in (TITLE, STEPS):
            line = QLineEdit(parent)
            if column == TITLE:
                cap_line(line, MAX_TITLE_LENGTH, "A goal's title")
            else:
                cap_line(line, MAX_STEP_LENGTH, "A step")
            if column == STEPS:
                line.setPlaceholderText("The next step…")
            return line
        if column == DEADLINE:
            today = self._today
            return DateEntry(
                "Deadline", none_text="No deadline", today=lambda: today, parent=parent
            )
        if column == PROGRESS:
            spin = QSpinBox(parent)
            spin.setRange(0, 100)
            spin.setSuffix(" %")
            return spin
        if column == STATUS:
            return status_combo(parent)
        return factor_combo(parent)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, DateEntry):  # a line edit too: asked first
            editor.set_value(value)
        elif isinstance(editor, QLineEdit):
            editor.setText(value or "")
        elif isinstance(editor, QSpinBox):
            editor.setValue(int(value or 0))
        elif isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(value)))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        value: Any
        if isinstance(editor, DateEntry):
            if editor.problem() is not None:
                return  # not a date: the deadline stays as it was
            value = editor.value()
        elif isinstance(editor, QLineEdit):
            # An emptied title goes on too: the page refuses it and says why.
            value = editor.text().strip()
        elif isinstance(editor, QSpinBox):
            value = editor.value()
        elif isinstance(editor, QComboBox):
            value = editor.currentData()
        else:
            return
        model.setData(index, value, Qt.ItemDataRole.EditRole)

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:
        # Return or Tab on a deadline that is not a date: the editor stays open with the
        # text as typed and says why, rather than closing on the old date in silence.
        keys = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
        if (
            isinstance(editor, DateEntry)
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in keys
            and editor.problem() is not None
        ):
            editor.settle()
            return True
        return super().eventFilter(editor, event)

    def updateEditorGeometry(
        self, editor: QWidget, option: QStyleOptionViewItem, index: Index
    ) -> None:
        editor.setGeometry(option.rect)


class GoalsProgressDelegate(ProgressBarDelegate, GoalsDelegate):
    """The progress column: painted as a bar, edited with a spin box (goals without steps).

    Painted straight onto the painter: the row background is the view's, a selected cell
    gets the highlight, then the bar and its figure. Asking the style to draw an empty item
    first (and the model for every role to fill its option) cost more than the bar itself;
    only the current cell, whose focus frame is the style's business, goes that way. The
    selection comes from the view rather than `option.state`, whose first use makes all of
    QStyle's enums (~7 ms, the first time the tab opens)."""

    def __init__(self, today: date, parent: Any = None) -> None:
        GoalsDelegate.__init__(self, today, parent)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        view = option.widget
        if not isinstance(view, QAbstractItemView) or index == view.currentIndex():
            super().paint(painter, option, index)
            return
        value = index.data(SORT_ROLE)
        percent = max(0, min(100, int(value))) if isinstance(value, int) else 0
        palette = option.palette
        selection = view.selectionModel()
        selected = selection is not None and selection.isSelected(index)
        if selected:
            group = QPalette.ColorGroup.Active if view.isActiveWindow() else _INACTIVE
            if not view.isEnabled():
                group = QPalette.ColorGroup.Disabled
            painter.fillRect(option.rect, palette.brush(group, QPalette.ColorRole.Highlight))
        text = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        paint_bar(painter, option, percent, palette.color(text))
