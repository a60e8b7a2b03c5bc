"""The Overview's queries: what needs attention (each kind counted, its first few listed,
most urgent first), this month's summary, and whether the file holds anything yet.

Peewee queries on the indexes the tabs already use, so the Overview stays quick on years of data.
Texts are cut to their first 200 characters: a line in a list shows no more, and a 1 MB
note should not be read to show its first words.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from peewee import Case, fn

from ...domain.agenda import (
    SHOWN_PER_KIND,
    AttentionItem,
    AttentionKind,
    KindGroup,
    MonthSummary,
    event_window_end,
    group,
    month_start,
    step_window_end,
)
from ...domain.cadence import next_reconnect
from ...domain.enums import FeedbackKind, GoalStatus
from ..connection import DataFile
from ..orm import Prepared, run, value
from ..schema import (
    AssessmentRow,
    ContactRow,
    EventRow,
    FeedbackRow,
    GoalRow,
    InteractionRow,
    StepRow,
)
from .contact_due import follow_up_open, has_cadence, next_reconnect_on
from .open_goals import CLOSED_STATUSES

Values = Sequence[Any]
_OPEN_GOAL = GoalRow.status.not_in(CLOSED_STATUSES)


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _cut(column: Any) -> Any:
    return fn.substr(column, 1, 200)


class _Kind:
    """One kind of attention item: `select(*values)` is its query (of the listed columns),
    `order(*values)` its order; the count and the first few are prepared queries."""

    def __init__(
        self,
        kind: AttentionKind,
        select: Callable[..., Any],
        order: Callable[..., Sequence[Any]],
        item: Callable[[Values], AttentionItem],
    ) -> None:
        self.kind, self.item = kind, item
        self.count = Prepared(lambda *values: select(*values).select(fn.count()))
        self.first = Prepared(
            lambda *values: select(*values).order_by(*order(*values)).limit(SHOWN_PER_KIND)
        )

    def group(self, data: DataFile, *values: Any) -> KindGroup:
        total = int(value(data, self.count(*values)))
        if not total:
            return group(self.kind, 0, [])
        rows = run(data, self.first(*values)).fetchall()
        return group(self.kind, total, [self.item(r) for r in rows])


K = AttentionKind
_G, _S, _F, _C, _E = GoalRow, StepRow, FeedbackRow, ContactRow, EventRow
_REQUEST = FeedbackKind.REQUEST.value
_GOAL_COLUMNS = (_G.id, _cut(_G.title), _G.deadline)

_GOAL_OVERDUE = _Kind(
    K.GOAL_OVERDUE,
    lambda day: _G.select(*_GOAL_COLUMNS).where(_OPEN_GOAL, _G.deadline < day),
    lambda day: (_G.deadline.desc(), _G.seq),
    lambda r: AttentionItem(K.GOAL_OVERDUE, r[0], r[1], _day(r[2])),
)
# At risk but not overdue: an overdue goal is listed once, under overdue.
_GOAL_AT_RISK = _Kind(
    K.GOAL_AT_RISK,
    lambda day: _G.select(*_GOAL_COLUMNS).where(
        _G.status == GoalStatus.AT_RISK.value, _G.deadline.is_null() | (_G.deadline >= day)
    ),
    lambda day: (_G.deadline.is_null(), _G.deadline, _G.seq),
    lambda r: AttentionItem(K.GOAL_AT_RISK, r[0], r[1], _day(r[2])),
)
# Steps due within the week, and any still undone past their date, of open goals: coming
# due first (soonest first), then slipped (most recently slipped first).
_STEP_DUE = _Kind(
    K.STEP_DUE,
    lambda end, day: _S.select(_G.id, _cut(_S.text), _S.due, _cut(_G.title))
    .join(_G, on=_G.id == _S.goal)
    .where(_S.done == 0, _S.due <= end, _OPEN_GOAL),
    lambda end, day: (
        (_S.due >= day).desc(), Case(None, [(_S.due >= day, _S.due)]), _S.due.desc(), _G.seq,
        _S.position,
    ),
    lambda r: AttentionItem(K.STEP_DUE, r[0], r[1], _day(r[2]), r[3]),
)  # fmt: skip
_FOLLOW_UP_DUE = _Kind(
    K.FOLLOW_UP_DUE,
    lambda day: _F.select(_F.id, _cut(_F.source_name), _F.follow_up_on, _cut(_F.text)).where(
        _F.followed_up_on.is_null(), _F.follow_up_on <= day, _F.kind != _REQUEST
    ),
    lambda day: (_F.follow_up_on.desc(), _F.seq),
    lambda r: AttentionItem(K.FOLLOW_UP_DUE, r[0], r[1], _day(r[2]), r[3]),
)
_REQUEST_OPEN = _Kind(
    K.REQUEST_OPEN,
    lambda: _F.select(_F.id, _cut(_F.source_name), _F.date, _cut(_F.text)).where(
        _F.kind == _REQUEST
    ),
    lambda: (_F.date, _F.seq),
    lambda r: AttentionItem(K.REQUEST_OPEN, r[0], r[1], _day(r[2]), r[3]),
)
_RECONNECT_DUE = _Kind(
    K.RECONNECT_DUE,
    lambda day: _C.select(
        _C.id, _cut(_C.name), _C.last_interaction_on, _C.met_on, _C.reconnect_every_days,
        _cut(_C.company),
    ).where(has_cadence, next_reconnect_on <= day),
    lambda day: (next_reconnect_on.desc(), _C.name.collate("NOCASE")),
    lambda r: AttentionItem(
        K.RECONNECT_DUE, r[0], r[1], next_reconnect(_day(r[2]), _day(r[3]), r[4]), r[5]
    ),
)  # fmt: skip
_INTERACTION_FOLLOW_UP = _Kind(
    K.INTERACTION_FOLLOW_UP,
    lambda day: _C.select(_C.id, _cut(_C.name), _cut(_C.company), _C.open_follow_up_on).where(
        follow_up_open(day)
    ),
    lambda day: (_C.open_follow_up_on.desc(), _C.name.collate("NOCASE")),
    lambda r: AttentionItem(K.INTERACTION_FOLLOW_UP, r[0], r[1], _day(r[3]), r[2]),
)
_EVENT_SOON = _Kind(
    K.EVENT_SOON,
    lambda day, end: _E.select(_E.id, _cut(_E.name), _E.date, _cut(_E.location)).where(
        _E.date >= day, _E.date <= end
    ),
    lambda day, end: (_E.date, _E.seq),
    lambda r: AttentionItem(K.EVENT_SOON, r[0], r[1], _day(r[2]), r[3]),
)


def attention_groups(data: DataFile, today: date) -> list[KindGroup]:
    """Every kind of attention item, in one consistent read (call inside a snapshot).

    Order: what comes due soonest, then what slipped most recently. Years of data can hold
    hundreds of overdue items; the ones that just slipped are the ones still worth acting
    on, and the rest are a click away ("N more")."""
    day = today.isoformat()
    return [
        _GOAL_OVERDUE.group(data, day),
        _GOAL_AT_RISK.group(data, day),
        _STEP_DUE.group(data, step_window_end(today).isoformat(), day),
        _FOLLOW_UP_DUE.group(data, day),
        _REQUEST_OPEN.group(data),
        _RECONNECT_DUE.group(data, day),
        _INTERACTION_FOLLOW_UP.group(data, day),
        _EVENT_SOON.group(data, day, event_window_end(today).isoformat()),
    ]


_STEPS_DONE = Prepared(
    lambda first, last: _S.select(fn.count()).where(_S.done == 1, _S.done_on.between(first, last))
)
_FEEDBACK_RECORDED = Prepared(
    lambda first, last: _F.select(fn.count()).where(
        _F.kind != _REQUEST, _F.date.between(first, last)
    )
)
_PEOPLE_MET = Prepared(
    lambda first, last: InteractionRow.select(fn.count(InteractionRow.contact.distinct())).where(
        InteractionRow.date.between(first, last)
    )
)
_ANY = tuple(
    Prepared(lambda table=table: table.select(table._meta.primary_key).limit(1))
    for table in (GoalRow, FeedbackRow, ContactRow, EventRow, AssessmentRow)
)


def month_summary(data: DataFile, today: date) -> MonthSummary:
    span = (month_start(today).isoformat(), today.isoformat())
    steps = value(data, _STEPS_DONE(*span))
    feedback = value(data, _FEEDBACK_RECORDED(*span))
    people = value(data, _PEOPLE_MET(*span))
    return MonthSummary(month_start(today), int(steps), int(feedback), int(people))


def is_empty(data: DataFile) -> bool:
    """Nothing recorded yet (a profile alone does not count): the first-run welcome shows."""
    return all(value(data, first()) is None for first in _ANY)
