"""The Journal list: entries matching the search and filters, newest first, read lazily a
page at a time (the view asks for more as it scrolls)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from ...domain.journal_query import JournalListEntry, JournalQuery
from ...services.journal import JournalService
from ..look import attention_icon
from ..paged_model import format_date
from ..roles import ATTENTION_ROLE, RECORD_ROLE, SORT_ROLE

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


def attention_of(entry: JournalListEntry, service: JournalService) -> str | None:
    """Why the entry needs me now, in words (never colour alone)."""
    today = service.today
    if entry.follow_up_due(today):
        return "Follow-up due"
    if entry.chase_due(today):
        return "Time to chase"
    if entry.kind.value == "request":
        return "Waiting for an answer"
    return None


class JournalListModel(QAbstractListModel):
    PAGE_SIZE = 200

    def __init__(self, service: JournalService, parent: Any = None) -> None:
        super().__init__(parent)
        self._service = service
        self._query = JournalQuery()
        self._rows: list[JournalListEntry] = []
        self._total = 0
        self._loaded = False

    # -- loading -----------------------------------------------------------------------
    @property
    def loaded(self) -> bool:
        return self._loaded

    @property
    def query(self) -> JournalQuery:
        return self._query

    def total(self) -> int:
        """How many entries match, loaded or not."""
        return self._total

    def set_query(self, query: JournalQuery) -> None:
        self._query = query
        self.reload()

    def reload(self) -> None:
        """Read the first page again (after a change, or to load for the first time)."""
        self.beginResetModel()
        self._total = self._service.count(self._query)
        self._rows = self._service.page(self._query, 0, self.PAGE_SIZE)
        self._loaded = True
        self.endResetModel()

    def canFetchMore(self, parent: Index = _ROOT) -> bool:
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: Index = _ROOT) -> None:
        if parent.isValid():
            return
        more = self._service.page(self._query, len(self._rows), self.PAGE_SIZE)
        more = more[: max(0, self._total - len(self._rows))]
        if not more:
            self._total = len(self._rows)  # the data shrank meanwhile
            return
        first = len(self._rows)
        self.beginInsertRows(_ROOT, first, first + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    def row_of(self, feedback_id: str) -> int | None:
        """The row showing this entry, fetching pages up to it; None if filtered out."""
        where = self._service.position(self._query, feedback_id)
        if where is None:
            return None
        while where >= len(self._rows) and self.canFetchMore():
            before = len(self._rows)
            self.fetchMore()
            if len(self._rows) == before:
                break
        for row in range(min(len(self._rows), where + 1) - 1, -1, -1):
            if self._rows[row].id == feedback_id:
                return row
        return next((n for n, r in enumerate(self._rows) if r.id == feedback_id), None)

    def record(self, row: int) -> JournalListEntry | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    # -- the model ---------------------------------------------------------------------
    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        entry = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            who = entry.source_name or "Someone"
            return f"{format_date(entry.date)} · {who} · {entry.kind.label} — {entry.first_line}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            attention = attention_of(entry, self._service)
            text = self.data(index)
            return f"{text}. {attention}" if attention else text
        if role == Qt.ItemDataRole.ToolTipRole:
            attention = attention_of(entry, self._service)
            lines = [entry.first_line or "(nothing written yet)"]
            if attention:
                when = format_date(entry.follow_up_on, "")
                lines.append(f"{attention}{' since ' + when if when else ''}")
            return "\n".join(lines)
        if role == Qt.ItemDataRole.DecorationRole:
            return attention_icon() if attention_of(entry, self._service) else None
        if role == RECORD_ROLE:
            return entry
        if role == SORT_ROLE:
            return entry.date.isoformat()
        if role == ATTENTION_ROLE:
            return attention_of(entry, self._service)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
