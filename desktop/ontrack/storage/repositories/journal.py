"""Feedback journal queries."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from ...domain.enums import FeedbackKind
from ...domain.summaries import FeedbackSummary
from ..connection import DataFile
from ._paging import Page, SortKey, page_ids, rows_in_order

ORDERS = {
    "date": SortKey("f.date"),
    "source": SortKey("f.source_name COLLATE NOCASE"),
    "kind": SortKey("f.kind"),
}

# The first line is cut in SQL so that a 1 MB entry never travels to a list row whole.
_DETAILS = (
    "SELECT f.id, f.date, f.kind, f.source_name, "
    "substr(coalesce(nullif(f.text, ''), nullif(f.situation, ''), nullif(f.behavior, ''), "
    "nullif(f.impact, ''), f.reflection), 1, 400), f.follow_up_on, f.followed_up_on "
    "FROM feedback f WHERE f.id IN"
)


def count(data: DataFile) -> int:
    return int(data.execute("SELECT count(*) FROM feedback").fetchone()[0])


def summaries(data: DataFile, page: Page) -> list[FeedbackSummary]:
    ids = page_ids(data, "feedback f", ORDERS, "f.seq", page)
    return rows_in_order(data, _DETAILS, ids, _summary)


def _summary(row: Sequence[Any]) -> FeedbackSummary:
    return FeedbackSummary(
        id=row[0],
        date=date.fromisoformat(row[1]),
        kind=FeedbackKind(row[2]),
        source_name=row[3],
        first_line=_first_line(row[4]),
        follow_up_on=date.fromisoformat(row[5]) if row[5] else None,
        followed_up_on=date.fromisoformat(row[6]) if row[6] else None,
    )


def _first_line(text: str) -> str:
    return next((line.strip() for line in text.splitlines() if line.strip()), "")


def due_counts(data: DataFile, today: date) -> tuple[int, int]:
    """Follow-ups due (not requests) and requests still waiting for an answer."""
    follow_ups = data.execute(
        "SELECT count(*) FROM feedback WHERE followed_up_on IS NULL AND follow_up_on <= ? "
        "AND kind != 'request'",
        (today.isoformat(),),
    ).fetchone()[0]
    requests = data.execute("SELECT count(*) FROM feedback WHERE kind = 'request'").fetchone()[0]
    return int(follow_ups), int(requests)
