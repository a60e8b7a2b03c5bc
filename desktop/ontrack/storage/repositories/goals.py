"""Goal queries."""

from __future__ import annotations

from datetime import date

from peewee import SqliteDatabase

from ...domain.enums import Factor, GoalStatus
from ...domain.summaries import GoalSummary
from ._paging import Page, order_clause

ORDERS = {
    "title": "g.title COLLATE NOCASE",
    "steps": "steps_done * 1.0 / max(steps_total, 1)",
    "deadline": "g.deadline",
    "progress": "g.progress",
    "status": (
        "CASE g.status WHEN 'at_risk' THEN 0 WHEN 'in_progress' THEN 1 WHEN 'on_track' THEN 2 "
        "WHEN 'not_started' THEN 3 WHEN 'done' THEN 4 ELSE 5 END"
    ),
    "factor": (
        "CASE g.factor WHEN 'people' THEN 0 WHEN 'teamwork' THEN 1 WHEN 'image' THEN 2 "
        "WHEN 'impact' THEN 3 WHEN 'authority' THEN 4 WHEN 'vision' THEN 5 "
        "WHEN 'customer' THEN 6 WHEN 'isolation' THEN 7 END"
    ),
    "created": "g.seq",
}

_SELECT = (
    "SELECT g.id, g.title, "
    "(SELECT count(*) FROM step s WHERE s.goal_id = g.id) AS steps_total, "
    "(SELECT count(*) FROM step s WHERE s.goal_id = g.id AND s.done) AS steps_done, "
    "(SELECT s.text FROM step s WHERE s.goal_id = g.id AND NOT s.done "
    " ORDER BY s.position LIMIT 1) AS next_step, "
    "g.deadline, g.progress, g.status, g.factor FROM goal g "
)


def count(db: SqliteDatabase) -> int:
    return int(db.execute_sql("SELECT count(*) FROM goal").fetchone()[0])


def summaries(db: SqliteDatabase, page: Page) -> list[GoalSummary]:
    sql = _SELECT + order_clause(page, ORDERS, "g.seq")
    return [
        GoalSummary(
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
        for row in db.execute_sql(sql)
    ]


def open_counts(db: SqliteDatabase, today: date) -> tuple[int, int, int]:
    """Open goals, those overdue, and those at risk."""
    row = db.execute_sql(
        "SELECT count(*), "
        "coalesce(sum(deadline IS NOT NULL AND deadline < ?), 0), "
        "coalesce(sum(status = 'at_risk'), 0) "
        "FROM goal WHERE status NOT IN ('done', 'dropped')",
        (today.isoformat(),),
    ).fetchone()
    return int(row[0]), int(row[1]), int(row[2])
