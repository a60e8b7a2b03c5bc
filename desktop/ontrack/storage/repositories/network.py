"""Contact and event queries, including who is due to reconnect."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from peewee import Case, NodeList, fn

from ...domain.cadence import next_reconnect
from ...domain.summaries import ContactSummary
from ..connection import DataFile
from ..orm import Prepared, value
from ..schema import ContactRow, ContactTagRow, EventRow
from ._paging import Page, PagedIds, RowsById, SortKey
from .contact_due import has_cadence, next_reconnect_on

_C = ContactRow
# The tags in their order, joined by the unit separator (a character no tag contains).
_TAGS = (
    ContactTagRow.select(ContactTagRow.tag)
    .where(ContactTagRow.contact == _C.id)
    .order_by(ContactTagRow.position)
    .alias("t")
)
TAGS = ContactTagRow.select(fn.group_concat(_TAGS.c.tag, fn.char(31))).from_(_TAGS)

ORDERS = {
    "name": SortKey(_C.name.collate("NOCASE")),
    "company": SortKey(_C.company.collate("NOCASE")),
    "role": SortKey(_C.role.collate("NOCASE")),
    "tags": SortKey(NodeList((TAGS,)).collate("NOCASE"), nullable=True),
    "last_interaction": SortKey(_C.last_interaction_on, nullable=True),
    "next_reconnect": SortKey(Case(None, [(has_cadence, next_reconnect_on)]), nullable=True),
}


def details() -> Any:
    """The list columns of a contact (read for one page of ids)."""
    return _C.select(
        _C.id, _C.name, _C.company, _C.role, TAGS, _C.last_interaction_on, _C.met_on,
        _C.reconnect_every_days,
    )  # fmt: skip


_COUNT = Prepared(lambda: _C.select(fn.count()))
_EVENT_COUNT = Prepared(lambda: EventRow.select(fn.count()))
_IDS = PagedIds(lambda _filters, _values: _C.select(_C.id), ORDERS, _C.seq)


def count(data: DataFile) -> int:
    return int(value(data, _COUNT()))


def event_count(data: DataFile) -> int:
    return int(value(data, _EVENT_COUNT()))


def summaries(data: DataFile, page: Page) -> list[ContactSummary]:
    return SUMMARIES(data, _IDS(data, page))


def _summary(row: Sequence[Any]) -> ContactSummary:
    last = date.fromisoformat(row[5]) if row[5] else None
    met_on = date.fromisoformat(row[6]) if row[6] else None
    return ContactSummary(
        id=row[0],
        name=row[1],
        company=row[2],
        role=row[3],
        tags=tuple(row[4].split("\x1f")) if row[4] else (),
        last_interaction=last,
        next_reconnect=next_reconnect(last, met_on, row[7]),
    )


SUMMARIES = RowsById(details, _C.id, _summary)
RECONNECTS_DUE = Prepared(
    lambda day: _C.select(fn.count()).where(has_cadence, next_reconnect_on <= day)
)


def reconnects_due(data: DataFile, today: date) -> int:
    return int(value(data, RECONNECTS_DUE(today.isoformat())))
