"""The Journal list: entries matching the search and filters, newest first, read lazily a
page at a time (the view asks for more as it scrolls); when searching, the words around
each entry's match are found only for the rows the list shows."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from ...domain.journal_query import JournalListEntry, JournalQuery
from ...services.journal import JournalService
from ..look import attention_icon
from ..paged_model import format_date
from ..plain_text import literal_tooltip
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
    # More rows than the tallest screen shows: the view asks for more as it scrolls.
    PAGE_SIZE = 50
    # Excerpts are found in Python, over up to 20,000 characters of each entry: for the
    # rows painted (a screenful at a time), not for the whole page ('a' on ten years:
    # 7 ms for 50 rows).
    EXCERPT_BATCH = 12

    def __init__(self, service: JournalService, parent: Any = None) -> None:
        super().__init__(parent)
        self._service = service
        self._query = JournalQuery()
        self._total = 0  # how many entries match; rows are read a page at a time
        self._fetched = 0  # how many of them were asked for
        self._rows: list[JournalListEntry] = []
        self._excerpted: list[bool] = []  # per row: its excerpt found (or not wanted)
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
        """Read the first page and the count again (after a change, or to load at first):
        one query, which reads no match beyond the page for more than its sort key."""
        ids, total = self._service.first_ids(self._query, self.PAGE_SIZE)
        rows = self._service.rows(ids)
        self.beginResetModel()
        self._total, self._fetched, self._rows = total, len(ids), rows
        self._excerpted = [not self._query.terms] * len(rows)
        self._loaded = True
        self.endResetModel()

    def canFetchMore(self, parent: Index = _ROOT) -> bool:
        return not parent.isValid() and self._fetched < self._total

    def fetchMore(self, parent: Index = _ROOT) -> None:
        if parent.isValid() or not self.canFetchMore():
            return
        self._fetch(self.PAGE_SIZE)

    def _fetch(self, limit: int) -> None:
        ids = self._service.page_ids(self._query, self._fetched, limit)
        if not ids:  # fewer than counted (deleted meanwhile; the change reloads the list)
            self._total = self._fetched
            return
        self._fetched += len(ids)
        more = self._service.rows(ids)
        if not more:
            return
        first = len(self._rows)
        self.beginInsertRows(_ROOT, first, first + len(more) - 1)
        self._rows.extend(more)
        self._excerpted.extend([not self._query.terms] * len(more))
        self.endInsertRows()

    def _entry(self, row: int) -> JournalListEntry:
        """The row's entry, with its excerpt (found now for it and the rows after it)."""
        if not self._excerpted[row]:
            wanted = [
                n
                for n in range(row, min(row + self.EXCERPT_BATCH, len(self._rows)))
                if not self._excerpted[n]
            ]
            found = self._service.excerpts(self._query, [self._rows[n].id for n in wanted])
            for n in wanted:
                self._rows[n] = replace(self._rows[n], excerpt=found.get(self._rows[n].id, ""))
                self._excerpted[n] = True
        return self._rows[row]

    def row_of(self, feedback_id: str) -> int | None:
        """The row showing this entry, fetching pages up to it; None if filtered out."""
        row = self._loaded_row(feedback_id)
        if row is not None or not self.canFetchMore():
            return row
        where = self._service.position(self._query, feedback_id)
        if where is None or where < self._fetched:
            return None
        pages = (where - self._fetched) // self.PAGE_SIZE + 1
        self._fetch(pages * self.PAGE_SIZE)  # the pages up to it, in one read
        return self._loaded_row(feedback_id)

    def _loaded_row(self, feedback_id: str) -> int | None:
        return next((n for n, r in enumerate(self._rows) if r.id == feedback_id), None)

    def record(self, row: int) -> JournalListEntry | None:
        return self._entry(row) if 0 <= row < len(self._rows) else None

    # -- the model ---------------------------------------------------------------------
    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        entry = self._rows[index.row()]  # its excerpt is read for the record role only
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
            return literal_tooltip("\n".join(lines))
        if role == Qt.ItemDataRole.DecorationRole:
            return attention_icon() if attention_of(entry, self._service) else None
        if role == RECORD_ROLE:
            return self._entry(index.row())
        if role == SORT_ROLE:
            return entry.date.isoformat()
        if role == ATTENTION_ROLE:
            return attention_of(entry, self._service)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
