"""Item models of the Network tab: contacts (searchable, filtered, paged), one contact's
interaction timeline, events, the people met at an event, and import-preview rows."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from ...domain.network import Interaction
from ...domain.network_query import ContactFilter
from ...domain.network_summaries import EventSummary, PersonMet
from ...domain.plain_text import without_markup
from ...services.network import NetworkService
from ..paged_model import PagedTableModel, format_date
from ..plain_text import literal_tooltip
from ..records_model import RecordColumn, RecordsTableModel
from ..roles import RECORD_ROLE, SORT_ROLE
from ..table_models import ContactsTableModel

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


class NetworkContactsTableModel(ContactsTableModel):
    """The contacts table with the tab's search text, tag and "due to reconnect" filter."""

    # More rows than the tallest screen shows (28 pixels each); the view asks for more as
    # it scrolls. A search reads this many contacts' columns: 200 took 8 ms, 64 about 2.
    PAGE_SIZE = 64

    def __init__(self, network: NetworkService, today: date, parent: Any = None) -> None:
        listing = _Listing()
        super().__init__(listing, today, parent, first=listing.first)  # type: ignore[arg-type]
        self._network = network
        self._filter = ContactFilter()
        listing.model = self

    @property
    def network(self) -> NetworkService:
        return self._network

    @property
    def search(self) -> ContactFilter:
        return self._filter

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        # Shorter titles than the plain list's, so that the dates fit beside the detail pane.
        if orientation == Qt.Orientation.Horizontal and section in _SHORT_TITLES:
            short, tip = _SHORT_TITLES[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return short
            if role == Qt.ItemDataRole.ToolTipRole:
                return tip
        return super().headerData(section, orientation, role)

    def set_filter(self, search: ContactFilter) -> None:
        if search != self._filter:
            self._filter = search
            self.reload()

    def row_of(self, contact_id: str) -> int | None:
        for row in range(self.rowCount()):
            if self.record(row).id == contact_id:
                return row
        return None


_SHORT_TITLES = {
    4: ("Last contact", "The day of your latest interaction"),
    5: ("Reconnect", "When to reconnect: last interaction plus the keep-in-touch cadence"),
}


class _Listing:
    """What ContactsTableModel asks of the listing service, answered with the filter."""

    model: NetworkContactsTableModel

    def contacts(self, page: Any) -> list[Any]:
        return self.model.network.find(self.model.search, page)

    def contact_count(self) -> int:
        return self.model.network.find_count(self.model.search)

    def first(self, page: Any) -> tuple[list[Any], int]:
        return self.model.network.find_first(self.model.search, page)


def _iso(day: date | None) -> str:
    return day.isoformat() if day else ""


class InteractionsTableModel(RecordsTableModel):
    """One contact's interactions, newest first; event ids shown by their event's name."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._event_names: dict[str, str] = {}
        self.columns = (
            RecordColumn("Date", lambda x: format_date(x.date), lambda x: _iso(x.date)),
            RecordColumn("Kind", lambda x: x.kind.label, lambda x: x.kind.label),
            RecordColumn(
                "Event",
                lambda x: self._event_names.get(x.event or "", ""),
                lambda x: self._event_names.get(x.event or "", ""),
            ),
            # Notes are text: bold markers older prompts wrote into them are not shown.
            RecordColumn("Notes", lambda x: without_markup(x.notes), lambda x: x.notes.casefold()),
            RecordColumn(
                "Follow up",
                lambda x: format_date(x.follow_up_on, ""),
                lambda x: _iso(x.follow_up_on),
            ),
        )

    def show(self, interactions: Sequence[Interaction], event_names: dict[str, str]) -> None:
        self._event_names = event_names
        self.set_rows(sorted(interactions, key=lambda x: x.date, reverse=True))


class EventsListModel(QAbstractListModel):
    """Events, newest first: name, date, place and how many people were met there."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[EventSummary] = []

    def set_rows(self, rows: Sequence[EventSummary]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def record(self, row: int) -> EventSummary:
        return self._rows[row]

    def row_of(self, event_id: str) -> int | None:
        return next((n for n, e in enumerate(self._rows) if e.id == event_id), None)

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        event = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            people = f"{event.people} {'person' if event.people == 1 else 'people'} met"
            place = f" · {event.location}" if event.location else ""
            return f"{event.name}\n{format_date(event.date)}{place} · {people}"
        if role == Qt.ItemDataRole.ToolTipRole:
            goal = f"\nServes the goal: {event.goal_title}" if event.goal_title else ""
            return literal_tooltip(f"{event.name}{goal}")
        if role == SORT_ROLE:
            return event.date.isoformat()
        if role == RECORD_ROLE:
            return event
        return None


class PeopleMetListModel(QAbstractListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[PersonMet] = []

    def set_rows(self, rows: Sequence[PersonMet]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def record(self, row: int) -> PersonMet:
        return self._rows[row]

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        person = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            text = f"{person.name} — {person.company}" if person.company else person.name
            return literal_tooltip(text) if role == Qt.ItemDataRole.ToolTipRole else text
        if role == SORT_ROLE:
            return person.name.casefold()
        if role == RECORD_ROLE:
            return person
        return None


@dataclass(frozen=True)
class PreviewLine:
    """One line of the import preview: what happens to one contact, and why."""

    action: str  # "Add", "Merge", "Skip"
    name: str
    company: str
    detail: str


class ImportPreviewTableModel(RecordsTableModel):
    columns = (
        RecordColumn("What happens", lambda r: r.action, lambda r: r.action),
        RecordColumn("Name", lambda r: r.name, lambda r: r.name.casefold()),
        RecordColumn("Company", lambda r: r.company, lambda r: r.company.casefold()),
        RecordColumn("Details", lambda r: r.detail, lambda r: r.detail),
    )


__all__ = [
    "EventsListModel",
    "ImportPreviewTableModel",
    "InteractionsTableModel",
    "NetworkContactsTableModel",
    "PagedTableModel",
    "PeopleMetListModel",
    "PreviewLine",
]
