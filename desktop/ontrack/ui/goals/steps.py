"""A goal's action steps as an ordered checklist: tick (records the day), rename in place,
reorder by dragging or with Ctrl+Up / Ctrl+Down, remove with Delete, add by typing, and an
optional due date per step. Every change goes to `GoalEditor` callbacks as a new Goal."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
)
from PySide6.QtGui import QAction, QFont, QKeySequence, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...domain import goal_rules
from ...domain.goals import Goal, Step
from ...domain.ids import new_id
from ..date_entry import DateEntry
from ..long_text import cap_line
from ..look import app_palette, attention_colour, mute, muted_text
from ..paged_model import format_date
from ..plain_text import literal_tooltip
from ..roles import RECORD_ROLE, SORT_ROLE
from .delegates import MAX_STEP_LENGTH
from .fitted_list import FittedListView

Index = QModelIndex | QPersistentModelIndex
STEP_MIME = "application/x-ontrack-step"
# (new goal, undo text, merge key) -> None
Change = Callable[[Goal, str, str], None]
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_EDIT = int(Qt.ItemDataRole.EditRole)
_CHECK_STATE = int(Qt.ItemDataRole.CheckStateRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_ROLES = frozenset(
    {_DISPLAY, _EDIT, _CHECK_STATE, _TOOLTIP, _FOREGROUND, _FONT, SORT_ROLE, RECORD_ROLE}
)
_CHECKED, _UNCHECKED = Qt.CheckState.Checked, Qt.CheckState.Unchecked
_STEP_FLAGS = (
    Qt.ItemFlag.ItemIsEnabled
    | Qt.ItemFlag.ItemIsSelectable
    | Qt.ItemFlag.ItemIsEditable
    | Qt.ItemFlag.ItemIsUserCheckable
    | Qt.ItemFlag.ItemIsDragEnabled
)


class StepsListModel(QAbstractListModel):
    """The steps of one goal, in order; edits become a changed Goal passed to `change`."""

    def __init__(self, today: Callable[[], date], change: Change, parent: Any = None) -> None:
        super().__init__(parent)
        self._today = today
        self._change = change
        self._goal: Goal | None = None
        self._struck = QFont()  # done steps are struck through
        self._struck.setStrikeOut(True)

    def set_goal(self, goal: Goal | None) -> None:
        before = self._goal
        if goal is not None and before is not None and _same_rows(before, goal):
            # The same steps in the same order (the goal renamed, a step ticked or renamed):
            # only the changed rows are told, so a step being renamed keeps its open editor
            # and typed text, and what it saves is built on the goal as it now is.
            self._goal = goal
            for row, (old, new) in enumerate(zip(before.steps, goal.steps, strict=True)):
                if old != new:
                    self.dataChanged.emit(self.index(row), self.index(row))
            return
        self.beginResetModel()
        self._goal = goal
        self.endResetModel()

    @property
    def steps(self) -> tuple[Step, ...]:
        return self._goal.steps if self._goal else ()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.steps)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Laying out and painting ask each row for a dozen roles: unknown ones leave first.
        if role not in _ROLES or not index.isValid() or not 0 <= index.row() < len(self.steps):
            return None
        step = self.steps[index.row()]
        if role == _DISPLAY:
            if step.due is None or step.done:
                return step.text
            late = step.due < self._today()
            return f"{step.text}   · {'overdue since' if late else 'due'} {format_date(step.due)}"
        if role == _CHECK_STATE:
            return _CHECKED if step.done else _UNCHECKED
        if role == _FOREGROUND:
            if step.done:
                return muted_text(app_palette())
            return (
                attention_colour(app_palette()) if step.due and step.due < self._today() else None
            )
        if role == _FONT:
            return self._struck if step.done else None
        if role == _EDIT:
            return step.text
        if role == _TOOLTIP:
            # The step in full first: a long one is elided in its row.
            return literal_tooltip(f"{step.text}\n{self._state(step)}")
        if role == SORT_ROLE:
            return index.row()
        if role == RECORD_ROLE:
            return step
        return None

    def _state(self, step: Step) -> str:
        if step.done:
            return f"Done on {format_date(step.done_on, 'an unknown day')}"
        if step.due and step.due < self._today():
            return f"Overdue: was due {format_date(step.due)}"
        return "Space ticks it off, F2 renames it, Ctrl+Up/Down moves it"

    def flags(self, index: Index) -> Qt.ItemFlag:
        return _STEP_FLAGS if index.isValid() else Qt.ItemFlag.ItemIsDropEnabled

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if self._goal is None or not index.isValid():
            return False
        step = self.steps[index.row()]
        if role == Qt.ItemDataRole.CheckStateRole:
            done = Qt.CheckState(value) == Qt.CheckState.Checked
            if done == step.done:
                return False
            after = goal_rules.tick(self._goal, step.id, done, self._today())
            verb = "Tick off" if done else "Reopen"
            self._change(after, f"{verb} step “{step.text[:40]}”", "")
            return True
        if role == Qt.ItemDataRole.EditRole:
            text = str(value).strip()
            if not text or text == step.text:
                return False
            self._change(self.with_step(replace(step, text=text)), "Rename step", "")
            return True
        return False

    def with_step(self, changed: Step) -> Goal:
        assert self._goal is not None
        steps = tuple(changed if s.id == changed.id else s for s in self.steps)
        return replace(self._goal, steps=steps)

    def move(self, row: int, to: int) -> bool:
        """Move the step at `row` to position `to` (as an undoable change)."""
        if self._goal is None or not 0 <= row < len(self.steps) or row == to:
            return False
        to = max(0, min(to, len(self.steps) - 1))
        if to == row:
            return False
        steps = list(self.steps)
        steps.insert(to, steps.pop(row))
        self._change(replace(self._goal, steps=tuple(steps)), "Move step", "")
        return True

    def remove(self, row: int) -> None:
        if self._goal is not None and 0 <= row < len(self.steps):
            step = self.steps[row]
            steps = tuple(s for s in self.steps if s.id != step.id)
            self._change(replace(self._goal, steps=steps), f"Remove step “{step.text[:40]}”", "")

    def add(self, text: str) -> None:
        if self._goal is not None and text.strip():
            steps = (*self.steps, Step(new_id(), text.strip()))
            self._change(replace(self._goal, steps=steps), f"Add step “{text[:40]}”", "")

    # -- drag and drop: a move within the list, done as one undoable change ---------------
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [STEP_MIME]

    def mimeData(self, indexes: Any) -> QMimeData:
        mime = QMimeData()
        rows = sorted({i.row() for i in indexes if i.isValid()})
        mime.setData(STEP_MIME, QByteArray(str(rows[0] if rows else -1).encode()))
        return mime

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        return data.hasFormat(STEP_MIME)

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        if not data.hasFormat(STEP_MIME):
            return False
        source = int(bytes(data.data(STEP_MIME).data()).decode() or -1)
        target = parent.row() if parent.isValid() else (row if row >= 0 else len(self.steps))
        if target > source:
            target -= 1  # dropping below itself: the row leaves its old place first
        self.move(source, target)
        # False: the view must not remove the dragged row; the change reloads the list.
        return False


class _FitWidthDelegate(QStyledItemDelegate):
    """Rows as wide as the list's viewport at most, so that a long text is elided."""

    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self._view = view

    def _room(self, left: int) -> int:
        return max(1, self._view.viewport().width() - left - self._view.spacing())

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        hint = super().sizeHint(option, index)
        hint.setWidth(min(hint.width(), self._room(2 * self._view.spacing())))
        return hint

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        # The width at paint time: the list may have narrowed since its rows were laid out.
        room = self._room(option.rect.left())
        if option.rect.width() != room:
            option = QStyleOptionViewItem(option)
            option.rect.setWidth(room)
        super().paint(painter, option, index)


def _same_rows(before: Goal, after: Goal) -> bool:
    """Whether `after` has the same steps as `before`, in the same order."""
    return after.id == before.id and [s.id for s in after.steps] == [s.id for s in before.steps]


class StepChecklist(QWidget):
    def __init__(self, today: Callable[[], date], change: Change, parent: Any = None) -> None:
        super().__init__(parent)
        self._today = today
        self._change = change
        self.model = StepsListModel(today, change, self)
        self.view = FittedListView(3, 10)
        self.view.setObjectName("goalStepsList")
        self.view.setModel(self.model)
        self.view.setAccessibleName("Action steps")
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
        )
        self.view.setSpacing(2)
        # A long step (or one with its due date) ends in "…" (in full in its tooltip)
        # rather than pushing a horizontal scroll bar under a handful of rows. Not wrapped:
        # rows of one line keep their height at any width, so opening measures them once.
        self.view.setItemDelegate(_FitWidthDelegate(self.view))
        # The "…" goes in the middle, so that a due date at the end is never the part cut.
        self.view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.selectionModel().currentChanged.connect(self._show_due)

        self.add_edit = QLineEdit()
        self.add_edit.setObjectName("goalStepAdd")
        self.add_edit.setAccessibleName("New action step")
        self.add_edit.setPlaceholderText("Add a step and press Enter")
        cap_line(self.add_edit, MAX_STEP_LENGTH, "A step")
        self.add_edit.returnPressed.connect(self._add)

        self.due_edit = DateEntry(
            "Due date of the selected step", none_text="No due date", today=today
        )
        self.due_edit.setObjectName("goalStepDue")
        self.due_edit.edited.connect(self._set_due)
        self._loading = False
        due_label = QLabel("Due:")
        mute(due_label)
        self.up_button = self._button("Move up", "↑", "Ctrl+Up", lambda: self._move(-1))
        self.down_button = self._button("Move down", "↓", "Ctrl+Down", lambda: self._move(1))
        self.remove_button = self._button("Remove step", "✕", "Delete", self._remove)

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(due_label)
        row.addWidget(self.due_edit)
        row.addStretch(1)
        for button in (self.up_button, self.down_button, self.remove_button):
            row.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        layout.addLayout(row)
        layout.addWidget(self.add_edit)
        self._show_due()

    def _button(self, tip: str, text: str, keys: str, slot: Callable[[], None]) -> QToolButton:
        action = QAction(text, self.view)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.setToolTip(f"{tip} ({keys})")
        action.triggered.connect(slot)
        self.view.addAction(action)
        button = QToolButton()
        button.setDefaultAction(action)
        button.setAutoRaise(True)
        return button

    def set_goal(self, goal: Goal | None) -> None:
        current = self.view.currentIndex()
        step = current.data(RECORD_ROLE) if current.isValid() else None
        self.model.set_goal(goal)
        if step is not None and goal is not None:
            for row, s in enumerate(goal.steps):
                if s.id == step.id:
                    self.view.setCurrentIndex(self.model.index(row))
        self._show_due()

    def current_row(self) -> int:
        index = self.view.currentIndex()
        return index.row() if index.isValid() else -1

    def _add(self) -> None:
        text = self.add_edit.text()
        if text.strip():
            self.model.add(text)
            self.add_edit.clear()

    def _move(self, delta: int) -> None:
        row = self.current_row()
        if row >= 0 and self.model.move(row, row + delta):
            self.view.setCurrentIndex(self.model.index(max(0, row + delta)))

    def _remove(self) -> None:
        row = self.current_row()
        if row >= 0:
            self.model.remove(row)

    def _show_due(self, *args: Any) -> None:
        row = self.current_row()
        step = self.model.steps[row] if 0 <= row < len(self.model.steps) else None
        self._loading = True
        self.due_edit.set_value(step.due if step else None)
        self._loading = False
        self.due_edit.setEnabled(step is not None)
        for button in (self.up_button, self.down_button, self.remove_button):
            button.setEnabled(step is not None)

    def _set_due(self) -> None:
        row = self.current_row()
        if self._loading or not 0 <= row < len(self.model.steps):
            return
        step = self.model.steps[row]
        if self.due_edit.problem() is not None:
            return  # not a date: the field says why, and the due date stays as it was
        due = self.due_edit.value()
        if due != step.due:
            goal = self.model.with_step(replace(step, due=due))
            self._change(goal, "Set step due date", f"due:{step.id}")
