"""Feedback journal queries."""

from __future__ import annotations

from datetime import date

from peewee import SqliteDatabase

from ...domain.enums import FeedbackKind
from ...domain.summaries import FeedbackSummary
from ._paging import Page, order_clause

ORDERS = {
    "date": "f.date",
    "source": "f.source_name COLLATE NOCASE",
    "kind": "f.kind",
}


def count(db: SqliteDatabase) -> int:
    return int(db.execute_sql("SELECT count(*) FROM feedback").fetchone()[0])


def summaries(db: SqliteDatabase, page: Page) -> list[FeedbackSummary]:
    # The first line is cut in SQL so that a 1 MB entry never travels to a list row whole.
    sql = (
        "SELECT f.id, f.date, f.kind, f.source_name, "
        "substr(coalesce(nullif(f.text, ''), nullif(f.situation, ''), nullif(f.behavior, ''), "
        "nullif(f.impact, ''), f.reflection), 1, 400), f.follow_up_on, f.followed_up_on "
        "FROM feedback f " + order_clause(page, ORDERS, "f.seq")
    )
    return [
        FeedbackSummary(
            id=row[0],
            date=date.fromisoformat(row[1]),
            kind=FeedbackKind(row[2]),
            source_name=row[3],
            first_line=_first_line(row[4]),
            follow_up_on=date.fromisoformat(row[5]) if row[5] else None,
            followed_up_on=date.fromisoformat(row[6]) if row[6] else None,
        )
        for row in db.execute_sql(sql)
    ]


def _first_line(text: str) -> str:
    return next((line.strip() for line in text.splitlines() if line.strip()), "")


def due_counts(db: SqliteDatabase, today: date) -> tuple[int, int]:
    """Follow-ups due (not requests) and requests still waiting for an answer."""
    row = db.execute_sql(
        "SELECT coalesce(sum(kind != 'request' AND follow_up_on <= ? "
        "AND followed_up_on IS NULL), 0), coalesce(sum(kind = 'request'), 0) FROM feedback",
        (today.isoformat(),),
    ).fetchone()
    return int(row[0]), int(row[1])
