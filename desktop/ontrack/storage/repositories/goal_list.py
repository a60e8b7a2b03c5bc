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

from peewee import Case

from ...domain.enums import Factor, GoalStatus
from ...domain.goal_items import GoalItem, GoalLink, LinkKind
from ..connection import DataFile
from ..orm import Prepared, each_of, listed, run, run_each, value
from ..schema import EventRow, FeedbackRow, GoalRow, StepRow
from .open_goals import CLOSED_STATUSES

_G = GoalRow


def _items_query() -> Any:
    """Every goal as a table row. The counts are kept on the goal row by migration 2's
    triggers; the next open step comes from its (goal_id, done, position) index, and only
    for goals with open steps."""
    n = StepRow.alias("n")
    next_step = n.select(n.text).where(n.goal == _G.id, n.done == 0).order_by(n.position).limit(1)
    return _G.select(
        _G.id, _G.seq, _G.title, _G.deadline, _G.status, _G.progress, _G.factor, _G.created_on,
        _G.status_by_hand, _G.steps_total, _G.steps_done,
        Case(None, [(_G.steps_done < _G.steps_total, next_step)]), _G.checkin_count,
    )  # fmt: skip


_STATUSES = {status.value: status for status in GoalStatus}
_CLOSED = _G.status.in_(CLOSED_STATUSES)
_FACTORS = {factor.value: factor for factor in Factor}
# A few thousand distinct days at most: each parsed once (None and "" stand for no day).
_DAYS: dict[str | None, date | None] = {None: None, "": None}


def _day(text: str | None) -> date | None:
    day = _DAYS.get(text)
    if day is None and text:
        day = _DAYS[text] = date.fromisoformat(text)
    return day


def _items(rows: Iterable[Sequence[Any]]) -> list[GoalItem]:
    """Rows of `_items_query()` as table rows. One comprehension over unpacked rows, with the days
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


_ALL = Prepared(lambda: _items_query().order_by(_G.seq))
_OPEN = Prepared(lambda: _items_query().where(_G.status.not_in(CLOSED_STATUSES)).order_by(_G.seq))
_CLOSED_ITEMS = Prepared(lambda: _items_query().where(_CLOSED).order_by(_G.seq))
_CLOSED_IDS = Prepared(lambda: _G.select(_G.id).where(_CLOSED))
_BY_ID = Prepared(lambda ids: _items_query().where(_G.id.in_(each_of(ids))))
_BY_HAND = Prepared(lambda goal_id: _G.select(_G.status_by_hand).where(_G.id == goal_id))
_SET_BY_HAND = Prepared(
    lambda by_hand, goal_id: _G.update(status_by_hand=by_hand).where(_G.id == goal_id)
)
_SETTLE = Prepared(
    lambda status, progress, completed, goal_id: _G.update(
        status=status, progress=progress, completed_on=completed
    ).where(_G.id == goal_id)
)
_COMPLETED_ON = Prepared(lambda goal_id: _G.select(_G.completed_on).where(_G.id == goal_id))


def all_items(data: DataFile) -> list[GoalItem]:
    """Every goal, in the order they were created."""
    return _items(run(data, _ALL()))


def open_items(data: DataFile) -> list[GoalItem]:
    """The goals not done or dropped, in the order they were created (ten years of use
    leave most goals closed: the table reads those only when asked to show them)."""
    return _items(run(data, _OPEN()))


def closed_items(data: DataFile) -> list[GoalItem]:
    """The goals done or dropped, in the order they were created."""
    return _items(run(data, _CLOSED_ITEMS()))


def closed_ids(data: DataFile) -> list[str]:
    return [row[0] for row in run(data, _CLOSED_IDS())]


def items_by_id(data: DataFile, ids: Iterable[str]) -> list[GoalItem]:
    """The goals with these ids that exist (in no particular order)."""
    return _items(run(data, _BY_ID(listed(list(ids)))))


def status_by_hand(data: DataFile, goal_id: str) -> bool:
    return bool(value(data, _BY_HAND(goal_id)))


def set_status_by_hand(data: DataFile, goal_id: str, by_hand: bool) -> None:
    with data.transaction():
        run(data, _SET_BY_HAND(int(by_hand), goal_id))


def set_settled(
    data: DataFile, changes: Sequence[tuple[str, GoalStatus, int, date | None]]
) -> None:
    """Write (id, status, progress, completed_on) for goals whose derived values moved."""
    with data.transaction():
        run_each(
            data,
            _SETTLE,
            (
                (status.value, progress, day.isoformat() if day else None, goal_id)
                for goal_id, status, progress, day in changes
            ),
        )


def completed_on(data: DataFile, goal_id: str) -> date | None:
    return _day(value(data, _COMPLETED_ON(goal_id)))


_F, _E = FeedbackRow, EventRow
_FEEDBACK_LINKS = Prepared(
    lambda goal_id: _F.select(_F.id, _F.date, _F.kind, _F.source_name, _F.situation, _F.text).where(
        _F.goal == goal_id
    )
)
_EVENT_LINKS = Prepared(
    lambda goal_id: _E.select(_E.id, _E.date, _E.name).where(_E.goal == goal_id)
)


def links(data: DataFile, goal_id: str) -> list[GoalLink]:
    """The feedback entries and events that point at the goal, newest first."""
    found = [
        GoalLink(LinkKind.FEEDBACK, fid, date.fromisoformat(day), _feedback_title(*rest))
        for fid, day, *rest in run(data, _FEEDBACK_LINKS(goal_id))
    ]
    found.extend(
        GoalLink(LinkKind.EVENT, eid, date.fromisoformat(day), name or "(unnamed event)")
        for eid, day, name in run(data, _EVENT_LINKS(goal_id))
    )
    found.sort(key=lambda link: (link.date, link.id), reverse=True)
    return found


def _feedback_title(kind: str, source: str, situation: str, text: str) -> str:
    words = {"praise": "Praise", "constructive": "Constructive feedback", "request": "Request"}
    gist = (situation or text).strip().splitlines()[0] if (situation or text).strip() else ""
    head = f"{words.get(kind, 'Feedback')} from {source}" if source else words.get(kind, "Feedback")
    return f"{head}: {gist[:80]}" if gist else head
