"""Goal counts for the Overview (the Goals tab's own queries are in goal_list.py)."""

from __future__ import annotations

from datetime import date

from ..connection import DataFile


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
