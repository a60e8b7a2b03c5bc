"""Goal queries."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from ...domain.enums import Factor, GoalStatus
from ...domain.summaries import GoalSummary
from ..connection import DataFile
from ._paging import Page, SortKey, page_ids, rows_in_order

_STEPS_TOTAL = "(SELECT count(*) FROM step s WHERE s.goal_id = g.id)"
_STEPS_DONE = "(SELECT count(*) FROM step s WHERE s.goal_id = g.id AND s.done)"

ORDERS = {
    "title": SortKey("g.title COLLATE NOCASE"),
    "steps": SortKey(f"{_STEPS_DONE} * 1.0 / max({_STEPS_TOTAL}, 1)"),
    "deadline": SortKey("g.deadline", nullable=True),
    "progress": SortKey("g.progress"),
    "status": SortKey(
        "CASE g.status WHEN 'at_risk' THEN 0 WHEN 'in_progress' THEN 1 WHEN 'on_track' THEN 2 "
        "WHEN 'not_started' THEN 3 WHEN 'done' THEN 4 ELSE 5 END"
    ),
    "factor": SortKey(
        "CASE g.factor WHEN 'people' THEN 0 WHEN 'teamwork' THEN 1 WHEN 'image' THEN 2 "
        "WHEN 'impact' THEN 3 WHEN 'authority' THEN 4 WHEN 'vision' THEN 5 "
        "WHEN 'customer' THEN 6 WHEN 'isolation' THEN 7 END",
        nullable=True,
    ),
    "created": SortKey("g.seq"),
}

_DETAILS = (
    f"SELECT g.id, g.title, {_STEPS_TOTAL}, {_STEPS_DONE}, "
    "(SELECT s.text FROM step s WHERE s.goal_id = g.id AND NOT s.done "
    " ORDER BY s.position LIMIT 1), "
    "g.deadline, g.progress, g.status, g.factor FROM goal g WHERE g.id IN"
)


def count(data: DataFile) -> int:
    return int(data.execute("SELECT count(*) FROM goal").fetchone()[0])


def summaries(data: DataFile, page: Page) -> list[GoalSummary]:
    ids = page_ids(data, "goal g", ORDERS, "g.seq", page)
    return rows_in_order(data, _DETAILS, ids, _summary)


def _summary(row: Sequence[Any]) -> GoalSummary:
    return GoalSummary(
        id=row[0],
        title=row[1],
        steps_total=row[2],
        steps_done=row[3],
        next_step=row[4],
        deadline=date.fromisoformat(row[5]) if row[5] else None,
        progress=row[6],
        status=GoalStatus(row[7]),
        factor=Factor(row[8]) if row[8] else None,
    )


def open_counts(data: DataFile, today: date) -> tuple[int, int, int]:
    """Open goals, those overdue, and those at risk."""
    row = data.execute(
        "SELECT count(*), "
        "coalesce(sum(deadline IS NOT NULL AND deadline < ?), 0), "
        "coalesce(sum(status = 'at_risk'), 0) "
        "FROM goal WHERE status NOT IN ('done', 'dropped')",
        (today.isoformat(),),
    ).fetchone()
    return int(row[0]), int(row[1]), int(row[2])
