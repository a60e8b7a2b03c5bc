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
from ..orm import run, value
from ..schema import (
    AssessmentRow,
    ContactRow,
    EventRow,
    FeedbackRow,
    GoalRow,
    InteractionRow,
    StepRow,
)
from . import network
from .contact_records import follow_up_open
from .feedback_records import CLOSED_STATUSES

Row = Sequence[Any]
_OPEN_GOAL = GoalRow.status.not_in(CLOSED_STATUSES)


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _cut(column: Any) -> Any:
    return fn.substr(column, 1, 200)


def _kind_group(
    data: DataFile,
    kind: AttentionKind,
    query: Any,
    order: Sequence[Any],
    item: Callable[[Row], AttentionItem],
) -> KindGroup:
    """`query` selects the listed columns; its count is the kind's total."""
    total = int(value(data, query.select(fn.count())))
    if not total:
        return group(kind, 0, [])
    rows = run(data, query.order_by(*order).limit(SHOWN_PER_KIND)).fetchall()
    return group(kind, total, [item(r) for r in rows])


def attention_groups(data: DataFile, today: date) -> list[KindGroup]:
    """Every kind of attention item, in one consistent read (call inside a snapshot).

    Order: what comes due soonest, then what slipped most recently. Years of data can hold
    hundreds of overdue items; the ones that just slipped are the ones still worth acting
    on, and the rest are a click away ("N more")."""
    return [*_goal_groups(data, today), *_people_groups(data, today)]


def _goal_groups(data: DataFile, today: date) -> list[KindGroup]:
    day = today.isoformat()
    K = AttentionKind  # noqa: N806 (short, to keep each query readable)
    g, s = GoalRow, StepRow
    goal_columns = (g.id, _cut(g.title), g.deadline)
    # Coming due first (soonest first), then slipped (most recently slipped first).
    step_order = (
        (s.due >= day).desc(), Case(None, [(s.due >= day, s.due)]), s.due.desc(), g.seq,
        s.position,
    )  # fmt: skip
    return [
        _kind_group(
            data,
            K.GOAL_OVERDUE,
            g.select(*goal_columns).where(_OPEN_GOAL, g.deadline < day),
            (g.deadline.desc(), g.seq),
            lambda r: AttentionItem(K.GOAL_OVERDUE, r[0], r[1], _day(r[2])),
        ),
        # At risk but not overdue: an overdue goal is listed once, under overdue.
        _kind_group(
            data,
            K.GOAL_AT_RISK,
            g.select(*goal_columns).where(
                g.status == GoalStatus.AT_RISK.value, g.deadline.is_null() | (g.deadline >= day)
            ),
            (g.deadline.is_null(), g.deadline, g.seq),
            lambda r: AttentionItem(K.GOAL_AT_RISK, r[0], r[1], _day(r[2])),
        ),
        # Steps due within the week, and any still undone past their date, of open goals.
        _kind_group(
            data,
            K.STEP_DUE,
            s.select(g.id, _cut(s.text), s.due, _cut(g.title))
            .join(g, on=g.id == s.goal)
            .where(s.done == 0, s.due <= step_window_end(today).isoformat(), _OPEN_GOAL),
            step_order,
            lambda r: AttentionItem(K.STEP_DUE, r[0], r[1], _day(r[2]), r[3]),
        ),
    ]


def _people_groups(data: DataFile, today: date) -> list[KindGroup]:
    day = today.isoformat()
    K = AttentionKind  # noqa: N806 (short, to keep each query readable)
    f, c, e = FeedbackRow, ContactRow, EventRow
    request = FeedbackKind.REQUEST.value
    return [
        _kind_group(
            data,
            K.FOLLOW_UP_DUE,
            f.select(f.id, _cut(f.source_name), f.follow_up_on, _cut(f.text)).where(
                f.followed_up_on.is_null(), f.follow_up_on <= day, f.kind != request
            ),
            (f.follow_up_on.desc(), f.seq),
            lambda r: AttentionItem(K.FOLLOW_UP_DUE, r[0], r[1], _day(r[2]), r[3]),
        ),
        _kind_group(
            data,
            K.REQUEST_OPEN,
            f.select(f.id, _cut(f.source_name), f.date, _cut(f.text)).where(f.kind == request),
            (f.date, f.seq),
            lambda r: AttentionItem(K.REQUEST_OPEN, r[0], r[1], _day(r[2]), r[3]),
        ),
        _kind_group(
            data,
            K.RECONNECT_DUE,
            c.select(
                c.id,
                _cut(c.name),
                c.last_interaction_on,
                c.met_on,
                c.reconnect_every_days,
                _cut(c.company),
            ).where(network.has_cadence, network.next_reconnect_on <= day),
            (network.next_reconnect_on.desc(), c.name.collate("NOCASE")),
            lambda r: AttentionItem(
                K.RECONNECT_DUE, r[0], r[1], next_reconnect(_day(r[2]), _day(r[3]), r[4]), r[5]
            ),
        ),
        _kind_group(
            data,
            K.INTERACTION_FOLLOW_UP,
            c.select(c.id, _cut(c.name), _cut(c.company), c.open_follow_up_on).where(
                follow_up_open(today)
            ),
            (c.open_follow_up_on.desc(), c.name.collate("NOCASE")),
            lambda r: AttentionItem(K.INTERACTION_FOLLOW_UP, r[0], r[1], _day(r[3]), r[2]),
        ),
        _kind_group(
            data,
            K.EVENT_SOON,
            e.select(e.id, _cut(e.name), e.date, _cut(e.location)).where(
                e.date >= day, e.date <= event_window_end(today).isoformat()
            ),
            (e.date, e.seq),
            lambda r: AttentionItem(K.EVENT_SOON, r[0], r[1], _day(r[2]), r[3]),
        ),
    ]


def month_summary(data: DataFile, today: date) -> MonthSummary:
    first, last = month_start(today).isoformat(), today.isoformat()
    s, f, i = StepRow, FeedbackRow, InteractionRow
    steps = value(data, s.select(fn.count()).where(s.done == 1, s.done_on.between(first, last)))
    feedback = value(
        data,
        f.select(fn.count()).where(
            f.kind != FeedbackKind.REQUEST.value, f.date.between(first, last)
        ),
    )
    people = value(
        data, i.select(fn.count(i.contact.distinct())).where(i.date.between(first, last))
    )
    return MonthSummary(month_start(today), int(steps), int(feedback), int(people))


def is_empty(data: DataFile) -> bool:
    """Nothing recorded yet (a profile alone does not count): the first-run welcome shows."""
    for table in (GoalRow, FeedbackRow, ContactRow, EventRow, AssessmentRow):
        if value(data, table.select(table._meta.primary_key).limit(1)) is not None:
            return False
    return True
