"""Cell editors and painting for the goals table: a line edit for the title and the next
step, a date editor with a calendar popup for the deadline (its first entry means "no
deadline"), a spin box for hand-set progress, combos for status and factor, and the
progress column painted as a bar."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QLineEdit,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from ...domain.enums import Factor, GoalStatus
from ...domain.goals import MAX_TITLE_LENGTH
from ..delegates import ProgressBarDelegate, paint_bar
from ..long_text import cap_line
from ..roles import SORT_ROLE
from .table_model import DEADLINE, PROGRESS, STATUS, STEPS, TITLE

# A step is typed on one line; the data file and the interchange format take long text.
MAX_STEP_LENGTH = 1_000

Index = QModelIndex | QPersistentModelIndex
NO_DATE = QDate(1900, 1, 1)  # the date editor's minimum, shown as "No deadline"
_INACTIVE = QPalette.ColorGroup.Inactive


class DateEditor(QDateEdit):
    """A date editor with a calendar popup whose lowest value reads as "no date". Opened
    on "no date", the calendar shows this month rather than January 1900."""

    def __init__(self, parent: QWidget | None, today: date, empty_text: str) -> None:
        super().__init__(parent)
        self._today = QDate(today.year, today.month, today.day)
        self.setCalendarPopup(True)
        self.setDisplayFormat("d MMM yyyy")
        self.setMinimumDate(NO_DATE)
        self.setMaximumDate(QDate(9999, 12, 31))
        self.setSpecialValueText(empty_text)
        self.setDate(NO_DATE)

    def mousePressEvent(self, event: Any) -> None:
        super().mousePressEvent(event)
        self._page_to_today()

    def keyPressEvent(self, event: Any) -> None:
        super().keyPressEvent(event)
        self._page_to_today()

    def _page_to_today(self) -> None:
        # The popup is created on first use; only then is calendarWidget() cheap to ask.
        if self.date() == NO_DATE and self.calendarWidget().isVisible():
            self.calendarWidget().setCurrentPage(self._today.year(), self._today.month())


def date_editor(parent: QWidget | None, today: date, empty_text: str = "No deadline") -> QDateEdit:
    return DateEditor(parent, today, empty_text)


def set_editor_date(editor: QDateEdit, day: date | None) -> None:
    editor.setDate(QDate(day.year, day.month, day.day) if day else NO_DATE)


def editor_date(editor: QDateEdit) -> date | None:
    value = editor.date()
    return None if value == NO_DATE else date(value.year(), value.month(), value.day())


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
            return date_editor(parent, self._today)
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
        if isinstance(editor, QLineEdit):
            editor.setText(value or "")
        elif isinstance(editor, QDateEdit):
            set_editor_date(editor, value)
        elif isinstance(editor, QSpinBox):
            editor.setValue(int(value or 0))
        elif isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(value)))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        value: Any
        if isinstance(editor, QLineEdit):
            # An emptied title goes on too: the page refuses it and says why.
            value = editor.text().strip()
        elif isinstance(editor, QDateEdit):
            value = editor_date(editor)
        elif isinstance(editor, QSpinBox):
            value = editor.value()
        elif isinstance(editor, QComboBox):
            value = editor.currentData()
        else:
            return
        model.setData(index, value, Qt.ItemDataRole.EditRole)

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
