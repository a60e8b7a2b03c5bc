"""Feedback counts for the Overview (the Journal tab's own queries are in feedback_records.py
and journal_search.py)."""

from __future__ import annotations

from datetime import date

from ..connection import DataFile


def count(data: DataFile) -> int:
    return int(data.execute("SELECT count(*) FROM feedback").fetchone()[0])


def due_counts(data: DataFile, today: date) -> tuple[int, int]:
    """Follow-ups due (not requests) and requests still waiting for an answer."""
    follow_ups = data.execute(
        "SELECT count(*) FROM feedback WHERE followed_up_on IS NULL AND follow_up_on <= ? "
        "AND kind != 'request'",
        (today.isoformat(),),
    ).fetchone()[0]
    requests = data.execute("SELECT count(*) FROM feedback WHERE kind = 'request'").fetchone()[0]
    return int(follow_ups), int(requests)
