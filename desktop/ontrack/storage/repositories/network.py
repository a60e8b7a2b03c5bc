"""Contact and event queries, including who is due to reconnect."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from ...domain.cadence import next_reconnect
from ...domain.summaries import ContactSummary
from ..connection import DataFile
from ._paging import Page, SortKey, page_ids, rows_in_order
from .contact_due import HAS_CADENCE, NEXT_RECONNECT

_TAGS = (
    "(SELECT group_concat(t.tag, char(31)) FROM "
    " (SELECT tag FROM contact_tag WHERE contact_id = c.id ORDER BY position) t)"
)

ORDERS = {
    "name": SortKey("c.name COLLATE NOCASE"),
    "company": SortKey("c.company COLLATE NOCASE"),
    "role": SortKey("c.role COLLATE NOCASE"),
    "tags": SortKey(f"{_TAGS} COLLATE NOCASE", nullable=True),
    "last_interaction": SortKey("c.last_interaction_on", nullable=True),
    "next_reconnect": SortKey(f"CASE WHEN {HAS_CADENCE} THEN {NEXT_RECONNECT} END", nullable=True),
}

_DETAILS = (
    f"SELECT c.id, c.name, c.company, c.role, {_TAGS}, c.last_interaction_on, c.met_on, "
    "c.reconnect_every_days FROM contact c WHERE c.id IN"
)


def count(data: DataFile) -> int:
    return int(data.execute("SELECT count(*) FROM contact").fetchone()[0])


def event_count(data: DataFile) -> int:
    return int(data.execute("SELECT count(*) FROM event").fetchone()[0])


def summaries(data: DataFile, page: Page) -> list[ContactSummary]:
    ids = page_ids(data, "contact c", ORDERS, "c.seq", page)
    return rows_in_order(data, _DETAILS, ids, _summary)


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


RECONNECTS_DUE = f"SELECT count(*) FROM contact c WHERE {HAS_CADENCE} AND {NEXT_RECONNECT} <= ?"


def reconnects_due(data: DataFile, today: date) -> int:
    return int(data.execute(RECONNECTS_DUE, (today.isoformat(),)).fetchone()[0])
