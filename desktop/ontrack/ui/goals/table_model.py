"""The goals table: every goal as a row (Goal · Action steps · Deadline · Progress · Status ·
Factor), filtered and sorted in memory.

All rows' summaries come from one query (2,000 goals in a few milliseconds), so sorting and
filtering never go back to the file. The done and dropped goals, hidden until a filter lets
them through, may be left unread until then: they still count and can be found. Edits made
in a cell are handed to `editor`, which pushes an undoable command; the model shows the
change when the service announces it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from operator import attrgetter, itemgetter
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont, QIcon

from ...domain import goal_rules
from ...domain.enums import Factor, GoalStatus
from ...domain.goal_items import GoalItem
from ..look import app_palette, attention_colour, attention_icon, muted_text
from ..paged_model import format_date
from ..plain_text import literal_tooltip
from ..roles import ATTENTION_ROLE, RECORD_ROLE, SORT_ROLE

Index = QModelIndex | QPersistentModelIndex
Editor = Callable[[GoalItem, int, Any], bool]

TITLE, STEPS, DEADLINE, PROGRESS, STATUS, FACTOR = range(6)
HEADERS = ("Goal", "Action steps", "Deadline", "Progress", "Status", "Factor")
_STATUS_ORDER = {
    status: n
    for n, status in enumerate(
        (GoalStatus.AT_RISK, GoalStatus.IN_PROGRESS, GoalStatus.ON_TRACK,
         GoalStatus.NOT_STARTED, GoalStatus.DONE, GoalStatus.DROPPED)
    )
}  # fmt: skip
_FACTOR_ORDER = {factor: n for n, factor in enumerate(Factor)}
_CLOSED = frozenset(status for status in GoalStatus if status.is_closed)
_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.EditRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.DecorationRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.AccessibleTextRole,
        SORT_ROLE,
        RECORD_ROLE,
        ATTENTION_ROLE,
    }
)
# Painting asks every visible cell for its flags and a handful of roles: plain ints and
# flags made once keep each answer to a dictionary look-up (enum arithmetic per call adds
# up to milliseconds per paint).
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_EDIT = int(Qt.ItemDataRole.EditRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole)
_READ_ONLY = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_EDITABLE = _READ_ONLY | Qt.ItemFlag.ItemIsEditable


@dataclass(frozen=True)
class GoalFilter:
    """Which goals the table shows. Done and dropped goals only when `show_closed`."""

    text: str = ""
    statuses: frozenset[GoalStatus] = field(default_factory=frozenset)  # empty: any
    factor: Factor | None = None
    show_closed: bool = False

    @property
    def shows_closed(self) -> bool:
        """Whether done or dropped goals can pass (ticked, or a closed status chosen)."""
        return self.show_closed or not self.statuses.isdisjoint(_CLOSED)

    def accepts(self, item: GoalItem) -> bool:
        status = item.status
        if status in _CLOSED and not self.show_closed and status not in self.statuses:
            return False
        if self.statuses and status not in self.statuses:
            return False
        if self.factor is not None and item.factor is not self.factor:
            return False
        if self.text:
            needle = self.text.casefold()
            return needle in item.title.casefold() or needle in (item.next_step or "").casefold()
        return True


class GoalsTableModel(QAbstractTableModel):
    def __init__(self, today: date, editor: Editor | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self._today = today
        self._editor = editor
        self._items: dict[str, GoalItem] = {}
        self._unread: set[str] = set()  # goals that exist but are not read yet
        self._rows: list[GoalItem] = []
        self._filter = GoalFilter()
        # Soonest deadline first: a planner's natural order (-1 would be creation order).
        self._sort_column = DEADLINE
        self._descending = False
        self._attention: dict[str, str | None] = {}
        self._title_font = QFont()
        self._title_font.setWeight(QFont.Weight.DemiBold)
        self._attention_icon: QIcon | None = None  # drawn once, on first need
        self.loaded = False

    # -- loading -------------------------------------------------------------------------
    def set_items(self, items: Iterable[GoalItem], unread: Iterable[str] = ()) -> None:
        """Show `items`. `unread` are the ids of goals that exist but are not read yet (the
        closed ones, until a filter lets them through: see `set_filter`); they count in
        `total()` and `has()`."""
        self._items = {item.id: item for item in items}
        self._unread = set(unread).difference(self._items)
        self._attention.clear()
        self.loaded = True
        self._rebuild()

    @property
    def complete(self) -> bool:
        """Whether every goal is read (none left `unread`)."""
        return not self._unread

    def update_items(self, items: Iterable[GoalItem], gone: Iterable[str] = ()) -> None:
        """Some goals changed (or went): rows in place when the visible set stays the same."""
        for goal_id in gone:
            self._items.pop(goal_id, None)
            self._unread.discard(goal_id)
        changed = list(items)
        for item in changed:
            self._items[item.id] = item
            self._unread.discard(item.id)
            self._attention.pop(item.id, None)
        wanted = self._visible()
        if {i.id for i in wanted} != {i.id for i in self._rows}:
            self.beginResetModel()  # rows came or went
            self._rows = wanted
            self.endResetModel()
            return
        if [i.id for i in wanted] != [i.id for i in self._rows]:
            self._relayout(wanted)  # same rows, new order (an edited sort key)
        else:
            self._rows = wanted
        ids = {item.id for item in changed}
        for row, item in enumerate(self._rows):
            if item.id in ids:
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(HEADERS) - 1))

    def set_filter(self, goal_filter: GoalFilter, rest: Iterable[GoalItem] | None = None) -> None:
        """Show the goals `goal_filter` accepts. `rest` are the goals not read until now
        (all of them): the model is complete afterwards."""
        if rest is not None:
            for item in rest:
                self._items[item.id] = item
                self._attention.pop(item.id, None)
            self._unread.clear()
        elif goal_filter == self._filter:
            return
        self._filter = goal_filter
        self._rebuild()

    @property
    def goal_filter(self) -> GoalFilter:
        return self._filter

    def total(self) -> int:
        return len(self._items) + len(self._unread)

    def item(self, row: int) -> GoalItem:
        return self._rows[row]

    def row_of(self, goal_id: str) -> int:
        return next((n for n, item in enumerate(self._rows) if item.id == goal_id), -1)

    def has(self, goal_id: str) -> bool:
        """Whether the goal exists (read or not)."""
        return goal_id in self._items or goal_id in self._unread

    def _rebuild(self) -> None:
        self.beginResetModel()
        self._rows = self._visible()
        self.endResetModel()

    def _visible(self) -> list[GoalItem]:
        accepts = self._filter.accepts
        rows = [item for item in self._items.values() if accepts(item)]
        rows.sort(key=_SEQ)
        if self._sort_column >= 0:
            key = _SORT_KEYS[self._sort_column]
            # each key once (2,000 rows); a stable sort on the key alone keeps ties in order
            keyed: list[tuple[Any, GoalItem]] = []
            missing: list[GoalItem] = []  # no deadline, no factor: last
            for item in rows:
                value = key(item)
                if value is None:
                    missing.append(item)
                else:
                    keyed.append((value, item))
            keyed.sort(key=_FIRST, reverse=self._descending)
            rows = [item for _, item in keyed]
            rows.extend(missing)
        elif self._descending:
            rows.reverse()
        return rows

    # -- Qt model interface ----------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal and 0 <= section < len(HEADERS)
        if horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None

    def default_sort(self) -> tuple[int, Qt.SortOrder]:
        return DEADLINE, Qt.SortOrder.AscendingOrder

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort_column = column if 0 <= column < len(HEADERS) else -1
        self._descending = order == Qt.SortOrder.DescendingOrder
        self._relayout(self._visible())

    def _relayout(self, rows: list[GoalItem]) -> None:
        """Show the same rows in a new order; selection and open editors follow their rows."""
        self.layoutAboutToBeChanged.emit()
        before = [item.id for item in self._rows]
        self._rows = rows
        after = {item.id: n for n, item in enumerate(self._rows)}
        old = self.persistentIndexList()
        new = [self.index(after[before[i.row()]], i.column()) for i in old]
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self._editor is None:
            return _READ_ONLY
        if index.column() == PROGRESS and self._rows[index.row()].steps_total:
            return _READ_ONLY  # progress follows the steps
        return _EDITABLE

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole or self._editor is None:
            return False
        item = self._rows[index.row()]
        if value == self.data(index, Qt.ItemDataRole.EditRole):
            return False
        return self._editor(item, index.column(), value)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Painting asks each cell for a dozen roles; most have nothing to say here.
        if role not in _ROLES or not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        item = self._rows[index.row()]
        column = index.column()
        if role == _DISPLAY:
            return self._text(item, column)
        if role == _FONT:
            return self._title_font if column == TITLE else None
        if role == _FOREGROUND:
            if (column == STATUS and self.attention(item)) or (
                column == DEADLINE and self._overdue(item)
            ):
                return attention_colour(app_palette())
            return muted_text(app_palette()) if column in (STEPS, FACTOR) else None
        if role == _DECORATION:
            # One marker per row, at its start; the Status column says why in words.
            return self._icon() if column == TITLE and self.attention(item) else None
        if role == _EDIT:
            return _edit_value(item, column)
        if role == SORT_ROLE:
            return _SORT_KEYS[column](item)
        if role == RECORD_ROLE:
            return item
        if role == ATTENTION_ROLE:
            return self.attention(item)
        if role == _TOOLTIP:
            return self._tooltip(item, column)
        if role == _ACCESSIBLE:
            reason = self.attention(item) if column == STATUS else None
            text = f"{HEADERS[column]}: {self._text(item, column)}"
            return f"{text} ({reason})" if reason else text
        return None

    def _icon(self) -> QIcon:
        if self._attention_icon is None:
            self._attention_icon = attention_icon()
        return self._attention_icon

    def _overdue(self, item: GoalItem) -> bool:
        return goal_rules.is_overdue(item, self._today)

    def attention(self, item: GoalItem) -> str | None:
        if item.id not in self._attention:
            self._attention[item.id] = goal_rules.attention(item, self._today)
        return self._attention[item.id]

    def _text(self, item: GoalItem, column: int) -> str:
        if column == TITLE:
            return item.title
        if column == STEPS:
            return item.steps_text
        if column == DEADLINE:
            return format_date(item.deadline, "No deadline")
        if column == PROGRESS:
            return f"{item.progress} %"
        if column == STATUS:
            return goal_rules.status_words(item, self._today)
        return item.factor.label if item.factor else "—"

    def _tooltip(self, item: GoalItem, column: int) -> str | None:
        reason = self.attention(item)
        if column == STATUS:
            how = (
                "chosen by you" if item.status_by_hand else "automatic: from deadline and progress"
            )
            words = goal_rules.status_words(item, self._today)
            return f"{words} ({how})" + (f"\n{reason}" if reason else "")
        if column == DEADLINE and reason:
            return reason
        if column == PROGRESS and item.steps_total:
            return "Progress follows the action steps"
        # A title or step is user text: shown as typed even when it looks like HTML.
        if column == TITLE:
            return literal_tooltip(f"{reason}\n{item.title}" if reason else item.title)
        if column == STEPS and item.next_step:
            return literal_tooltip(f"Next step: {item.next_step}")
        return None


def _edit_value(item: GoalItem, column: int) -> Any:
    if column == TITLE:
        return item.title
    if column == STEPS:
        return item.next_step or ""
    if column == DEADLINE:
        return item.deadline
    if column == PROGRESS:
        return item.progress
    if column == STATUS:
        return item.status.value if item.status_by_hand else None
    return item.factor.value if item.factor else None


_SEQ = attrgetter("seq")
_FIRST = itemgetter(0)
_SORT_KEYS: tuple[Callable[[GoalItem], Any], ...] = (
    lambda i: i.title.casefold(),
    lambda i: (i.steps_done / i.steps_total if i.steps_total else -1.0, i.steps_total),
    attrgetter("deadline"),
    attrgetter("progress"),
    lambda i: _STATUS_ORDER[i.status],
    lambda i: _FACTOR_ORDER[i.factor] if i.factor else None,
)
