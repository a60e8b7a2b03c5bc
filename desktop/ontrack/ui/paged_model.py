"""A read-only table model over a repository query, loaded lazily a page at a time.

The model keeps only the rows fetched so far; the view asks for more as it scrolls
(`canFetchMore`/`fetchMore`). Sorting asks the query again in the new order, so a
table of thousands of rows never loads them all just to sort.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from ..domain.dates import written
from ..services.listings import Page
from .look import app_palette, attention_background, attention_icon
from .plain_text import literal_tooltip
from .roles import ATTENTION_ROLE, RECORD_ROLE, SORT_ROLE

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
# Painting asks each visible cell for seven roles, three of which this model never fills
# (font, foreground, check state): plain ints let those go at one set look-up, where a
# comparison with each enum member costs microseconds per call and milliseconds a paint.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)
_ATTENTION_ROLES = frozenset({ATTENTION_ROLE, _BACKGROUND, _DECORATION})
_ROLES = frozenset({_DISPLAY, _TOOLTIP, _ALIGNMENT, SORT_ROLE, RECORD_ROLE}) | _ATTENTION_ROLES


def format_date(day: date | None, empty: str = "—") -> str:
    if day is None:
        return empty
    if day in (date.min, date.max):
        return "now" if day == date.min else "—"
    return written(day)


@dataclass(frozen=True)
class Column:
    title: str
    order: str  # the repository's sort key for this column
    text: Callable[[Any], str]
    sort_value: Callable[[Any], Any] = field(default=lambda record: None)
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    tooltip: Callable[[Any], str] | None = None


class PagedTableModel(QAbstractTableModel):
    PAGE_SIZE = 200

    def __init__(
        self,
        columns: Sequence[Column],
        fetch: Callable[[Page], list[Any]],
        count: Callable[[], int],
        order: str,
        descending: bool = False,
        attention: Callable[[Any], str | None] | None = None,
        parent: Any = None,
        first: Callable[[Page], tuple[list[Any], int]] | None = None,
    ) -> None:
        """`first`, if given, reads the first page and the total together (one query in
        place of `count` and `fetch`, for a list that is searched as one types)."""
        super().__init__(parent)
        self._columns = list(columns)
        self._aligns = [int(column.align.value) for column in self._columns]
        self._fetch = fetch
        self._count = count
        self._first = first
        self._order = order
        self._descending = descending
        self._attention = attention
        self._rows: list[Any] = []
        self._total = 0
        self._loaded = False

    # -- loading ---------------------------------------------------------------------------
    @property
    def loaded(self) -> bool:
        return self._loaded

    def reload(self) -> None:
        """Read the first page again (after a change, or to load for the first time)."""
        if self._first is not None:
            rows, total = self._first(self._page(0))
        else:
            total = self._count()
            rows = self._fetch(self._page(0))
        self.beginResetModel()
        self._total, self._rows = total, rows
        self._loaded = True
        self.endResetModel()

    def ensure_loaded(self) -> None:
        if not self._loaded:
            self.reload()

    def _page(self, offset: int) -> Page:
        return Page(self._order, self._descending, offset, self.PAGE_SIZE)

    def default_sort(self) -> tuple[int, Qt.SortOrder]:
        """The column and direction the model starts in, for the view's sort indicator."""
        column = next((n for n, c in enumerate(self._columns) if c.order == self._order), 0)
        direction = (
            Qt.SortOrder.DescendingOrder if self._descending else Qt.SortOrder.AscendingOrder
        )
        return column, direction

    def total(self) -> int:
        return self._total

    def canFetchMore(self, parent: Index = _ROOT) -> bool:
        return not parent.isValid() and self._loaded and len(self._rows) < self._total

    def fetchMore(self, parent: Index = _ROOT) -> None:
        if not self.canFetchMore(parent):
            return
        more = self._fetch(self._page(len(self._rows)))
        if not more:
            self._total = len(self._rows)  # the data shrank under us; stop asking
            return
        first = len(self._rows)
        self.beginInsertRows(_ROOT, first, first + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    # -- the model interface ---------------------------------------------------------------
    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self._columns):
            return self._columns[section].title
        return None

    def record(self, row: int) -> Any:
        return self._rows[row]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ROLES or not index.isValid():
            return None
        row = index.row()
        if row >= len(self._rows):
            return None
        record = self._rows[row]
        if role == _DISPLAY:
            return self._columns[index.column()].text(record)
        if role == _ALIGNMENT:
            return self._aligns[index.column()]
        if role in _ATTENTION_ROLES:
            reason = self._attention(record) if self._attention else None
            if role == ATTENTION_ROLE or reason is None:
                return reason
            if role == _BACKGROUND:
                return attention_background(app_palette())
            return attention_icon() if index.column() == 0 else None
        column = self._columns[index.column()]
        if role == _TOOLTIP:
            tip = column.tooltip(record) if column.tooltip else column.text(record)
            reason = self._attention(record) if self._attention else None
            return literal_tooltip(f"{reason}: {tip}" if reason else tip)
        if role == SORT_ROLE:
            return column.sort_value(record)
        return record  # RECORD_ROLE

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._columns):
            return
        self._order = self._columns[column].order
        self._descending = order == Qt.SortOrder.DescendingOrder
        if self._loaded:
            self.reload()
