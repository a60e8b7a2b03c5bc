"""The contacts list model: which columns the Network tab's table shows, and how."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import Qt

from ..domain.summaries import ContactSummary
from ..services.listings import ListingService, Page
from .paged_model import Column, PagedTableModel, format_date

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
CENTER = Qt.AlignmentFlag.AlignCenter


def _iso(day: date | None) -> str:
    return day.isoformat() if day else ""


class ContactsTableModel(PagedTableModel):
    def __init__(
        self,
        listings: ListingService,
        today: date,
        parent: Any = None,
        first: Callable[[Page], tuple[list[Any], int]] | None = None,
    ) -> None:
        def attention(c: ContactSummary) -> str | None:
            due = c.next_reconnect is not None and c.next_reconnect <= today
            return "Due to reconnect" if due else None

        columns = [
            Column("Name", "name", lambda c: c.name, lambda c: c.name.casefold()),
            Column("Company", "company", lambda c: c.company, lambda c: c.company.casefold()),
            Column("Role", "role", lambda c: c.role, lambda c: c.role.casefold()),
            Column("Tags", "tags", lambda c: ", ".join(c.tags), lambda c: ", ".join(c.tags)),
            Column(
                "Last interaction",
                "last_interaction",
                lambda c: format_date(c.last_interaction),
                lambda c: _iso(c.last_interaction),
            ),
            Column(
                "Next reconnect",
                "next_reconnect",
                lambda c: format_date(c.next_reconnect),
                lambda c: _iso(c.next_reconnect),
            ),
        ]
        super().__init__(
            columns,
            listings.contacts,
            listings.contact_count,
            "name",
            attention=attention,
            parent=parent,
            first=first,
        )
