"""A goal's check-ins: dated notes with an optional progress figure, newest first.

Adding one is two keystrokes away: Ctrl+K puts the cursor in the note box, Enter adds it.
A figure on a goal without steps also becomes the goal's progress (set by hand)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...domain.goals import CheckIn, Goal
from ...domain.ids import new_id
from ..long_text import cap_line
from ..paged_model import format_date
from ..plain_text import literal_tooltip
from ..roles import RECORD_ROLE, SORT_ROLE
from .fitted_list import FittedListView

Index = QModelIndex | QPersistentModelIndex
Change = Callable[[Goal, str, str], None]
MAX_NOTE_LENGTH = 5000


def newest_first(checkins: tuple[CheckIn, ...]) -> list[CheckIn]:
    # Stored in the order written; newest first by date, later-written first on one day.
    order = {c.id: n for n, c in enumerate(checkins)}
    return sorted(checkins, key=lambda c: (c.date, order[c.id]), reverse=True)


class CheckInsListModel(QAbstractListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[CheckIn] = []

    def set_checkins(self, checkins: tuple[CheckIn, ...]) -> None:
        self.beginResetModel()
        self._rows = newest_first(checkins)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        checkin = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            figure = f" · {checkin.progress} %" if checkin.progress is not None else ""
            note = checkin.note.strip() or "(no note)"
            return f"{format_date(checkin.date)}{figure}\n{note}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return literal_tooltip(checkin.note) if checkin.note else None  # shown as typed
        if role == SORT_ROLE:
            return checkin.date
        if role == RECORD_ROLE:
            return checkin
        return None


class CheckInPanel(QWidget):
    def __init__(self, today: Callable[[], date], change: Change, parent: Any = None) -> None:
        super().__init__(parent)
        self._today = today
        self._change = change
        self._goal: Goal | None = None
        self.model = CheckInsListModel(self)
        self.view = FittedListView(2, 6)
        self.view.setObjectName("goalCheckinsList")
        self.view.setAccessibleName("Check-ins")
        self.view.setModel(self.model)
        self.view.setWordWrap(True)
        self.view.setSpacing(3)
        self.view.setAlternatingRowColors(True)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        remove = QAction("Remove check-in", self.view)
        remove.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        remove.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        remove.triggered.connect(self._remove)
        self.view.addAction(remove)

        self.note_edit = QLineEdit()
        self.note_edit.setObjectName("goalCheckinNote")
        self.note_edit.setAccessibleName("Check-in note")
        self.note_edit.setPlaceholderText("How is it going? Enter adds a check-in (Ctrl+K)")
        cap_line(self.note_edit, MAX_NOTE_LENGTH, "A check-in note")
        self.note_edit.returnPressed.connect(self.add)
        self.progress_spin = QSpinBox()
        self.progress_spin.setObjectName("goalCheckinProgress")
        self.progress_spin.setRange(-1, 100)
        self.progress_spin.setSpecialValueText("No figure")
        self.progress_spin.setSuffix(" %")
        self.progress_spin.setValue(-1)
        self.progress_spin.setToolTip("Optional: how far along the goal is now")
        self.progress_spin.setAccessibleName("Progress figure for the check-in")

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.note_edit, 1)
        row.addWidget(self.progress_spin)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.view)

    def set_goal(self, goal: Goal | None) -> None:
        self._goal = goal
        self.model.set_checkins(goal.checkins if goal else ())

    def start(self) -> None:
        """Ctrl+K: put the cursor in the note box."""
        self.note_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.note_edit.selectAll()

    def add(self) -> None:
        note = self.note_edit.text().strip()
        figure = self.progress_spin.value()
        if self._goal is None or (not note and figure < 0):
            return
        checkin = CheckIn(new_id(), self._today(), note, figure if figure >= 0 else None)
        goal = replace(self._goal, checkins=(*self._goal.checkins, checkin))
        if checkin.progress is not None and not goal.steps:
            goal = replace(goal, progress=checkin.progress)
        self._change(goal, "Add check-in", "")
        self.note_edit.clear()
        self.progress_spin.setValue(-1)

    def _remove(self) -> None:
        index = self.view.currentIndex()
        if self._goal is None or not index.isValid():
            return
        gone: CheckIn = index.data(RECORD_ROLE)
        checkins = tuple(c for c in self._goal.checkins if c.id != gone.id)
        self._change(replace(self._goal, checkins=checkins), "Remove check-in", "")
