"""Goal queries for the Goals tab: every goal (or the open or the closed ones) as a table
row in one query, a few rows by id, the status-by-hand flag, and the feedback and events
that link to a goal.

2,000 goals with 20,000 steps read in one query in a few milliseconds (see
tests/benchmarks/bench_goals.py), so the tab holds all rows and sorts and filters in memory.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from ...domain.enums import Factor, GoalStatus
from ...domain.goal_items import GoalItem, GoalLink, LinkKind
from ..connection import DataFile

# The counts are kept on the goal row by migration 2's triggers; the next open step comes
# from its (goal_id, done, position) index, and only for goals with open steps.
_ITEMS = """
SELECT g.id, g.seq, g.title, g.deadline, g.status, g.progress, g.factor, g.created_on,
       g.status_by_hand, g.steps_total, g.steps_done,
       CASE WHEN g.steps_done < g.steps_total THEN
           (SELECT n.text FROM step n WHERE n.goal_id = g.id AND n.done = 0
            ORDER BY n.position LIMIT 1) END,
       g.checkin_count
FROM goal g
"""
_STATUSES = {status.value: status for status in GoalStatus}
_CLOSED = "({})".format(", ".join(f"'{status.value}'" for status in GoalStatus if status.is_closed))
_FACTORS = {factor.value: factor for factor in Factor}
# A few thousand distinct days at most: each parsed once (None and "" stand for no day).
_DAYS: dict[str | None, date | None] = {None: None, "": None}


def _day(text: str | None) -> date | None:
    day = _DAYS.get(text)
    if day is None and text:
        day = _DAYS[text] = date.fromisoformat(text)
    return day


def _items(rows: Iterable[Sequence[Any]]) -> list[GoalItem]:
    """Rows of `_ITEMS` as table rows. One comprehension over unpacked rows, with the days
    parsed beforehand: the table reads 2,000 rows at a time, and a function call per row
    costs about a third of the reading."""
    rows = list(rows)
    days = _DAYS
    for row in rows:
        for text in (row[3], row[7]):
            if text not in days:
                _day(text)
    make = GoalItem._make
    return [
        make((goal_id, seq, title, days[deadline], _STATUSES[status], progress,
              _FACTORS[factor] if factor else None, days[created_on], bool(by_hand),
              steps_total, steps_done, next_step, checkins))
        for (goal_id, seq, title, deadline, status, progress, factor, created_on, by_hand,
             steps_total, steps_done, next_step, checkins) in rows
    ]  # fmt: skip


def all_items(data: DataFile) -> list[GoalItem]:
    """Every goal, in the order they were created."""
    return _items(data.execute(f"{_ITEMS} ORDER BY g.seq"))


def open_items(data: DataFile) -> list[GoalItem]:
    """The goals not done or dropped, in the order they were created (ten years of use
    leave most goals closed: the table reads those only when asked to show them)."""
    return _items(data.execute(f"{_ITEMS} WHERE g.status NOT IN {_CLOSED} ORDER BY g.seq"))


def closed_items(data: DataFile) -> list[GoalItem]:
    """The goals done or dropped, in the order they were created."""
    return _items(data.execute(f"{_ITEMS} WHERE g.status IN {_CLOSED} ORDER BY g.seq"))


def closed_ids(data: DataFile) -> list[str]:
    return [row[0] for row in data.execute(f"SELECT id FROM goal WHERE status IN {_CLOSED}")]


def items_by_id(data: DataFile, ids: Iterable[str]) -> list[GoalItem]:
    """The goals with these ids that exist (in no particular order)."""
    wanted = list(ids)
    found: list[GoalItem] = []
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        found.extend(_items(data.execute(f"{_ITEMS} WHERE g.id IN ({marks})", chunk)))
    return found


def status_by_hand(data: DataFile, goal_id: str) -> bool:
    row = data.execute("SELECT status_by_hand FROM goal WHERE id = ?", (goal_id,)).fetchone()
    return bool(row[0]) if row else False


def set_status_by_hand(data: DataFile, goal_id: str, by_hand: bool) -> None:
    with data.transaction():
        data.execute("UPDATE goal SET status_by_hand = ? WHERE id = ?", (int(by_hand), goal_id))


def set_settled(
    data: DataFile, changes: Sequence[tuple[str, GoalStatus, int, date | None]]
) -> None:
    """Write (id, status, progress, completed_on) for goals whose derived values moved."""
    with data.transaction():
        data.connection.executemany(
            "UPDATE goal SET status = ?, progress = ?, completed_on = ? WHERE id = ?",
            (
                (status.value, progress, day.isoformat() if day else None, goal_id)
                for goal_id, status, progress, day in changes
            ),
        )


def completed_on(data: DataFile, goal_id: str) -> date | None:
    row = data.execute("SELECT completed_on FROM goal WHERE id = ?", (goal_id,)).fetchone()
    return _day(row[0]) if row else None


def links(data: DataFile, goal_id: str) -> list[GoalLink]:
    """The feedback entries and events that point at the goal, newest first."""
    found = [
        GoalLink(LinkKind.FEEDBACK, fid, date.fromisoformat(day), _feedback_title(*rest))
        for fid, day, *rest in data.execute(
            "SELECT id, date, kind, source_name, situation, text FROM feedback WHERE goal_id = ?",
            (goal_id,),
        )
    ]
    found.extend(
        GoalLink(LinkKind.EVENT, eid, date.fromisoformat(day), name or "(unnamed event)")
        for eid, day, name in data.execute(
            "SELECT id, date, name FROM event WHERE goal_id = ?", (goal_id,)
        )
    )
    found.sort(key=lambda link: (link.date, link.id), reverse=True)
    return found


def _feedback_title(kind: str, source: str, situation: str, text: str) -> str:
    words = {"praise": "Praise", "constructive": "Constructive feedback", "request": "Request"}
    gist = (situation or text).strip().splitlines()[0] if (situation or text).strip() else ""
    head = f"{words.get(kind, 'Feedback')} from {source}" if source else words.get(kind, "Feedback")
    return f"{head}: {gist[:80]}" if gist else head
