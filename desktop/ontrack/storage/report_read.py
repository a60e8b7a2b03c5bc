"""What a progress report reads: the records its period needs, not ten years of them.

A one-year report on ten years of data read every record (3 s of its 4 s). The rules below
mirror what `reports.gather*` look at, so that the report made from this Dataset is the one
made from everything (a test compares the two for several periods):

- goals: the open ones, those completed in the period and those with a check-in in it,
  each whole (steps and check-ins);
- feedback: dated in the period, followed up in it, still owed a follow-up, and every
  request (the report counts the requests waiting);
- contacts: every one (the due list weighs every keep-in-touch cadence), each with its
  interactions in the period, on its first day (when it was met), on its latest day (the
  follow-up still owed) and at an event of the period (who was there);
- the profile, events and assessments: all (they are few).

Queries are built with Peewee and run on the DataFile given, which may be a worker thread's
own read-only connection (`load_report_dataset_separately`).
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

from peewee import JOIN, fn

from ..domain.dataset import Dataset
from ..domain.enums import FeedbackKind, GoalStatus
from ..domain.report_period import Period
from .connection import DataFile, connect_read_only
from .dataset_read import load_assessments, load_dataset, load_events, load_profile
from .orm import run
from .rows import (
    CHECKIN_FIELDS,
    CONTACT_FIELDS,
    FEEDBACK_FIELDS,
    GOAL_FIELDS,
    INTERACTION_FIELDS,
    STEP_FIELDS,
    contact_from_row,
    feedback_from_row,
    goal_from_row,
)
from .schema import (
    CheckInRow,
    ContactRow,
    ContactTagRow,
    EventRow,
    FeedbackFactorRow,
    FeedbackRow,
    FeedbackTagRow,
    GoalRow,
    InteractionRow,
    StepRow,
)

_CLOSED = [GoalStatus.DONE.value, GoalStatus.DROPPED.value]


def load_report_dataset(data: DataFile, period: Period) -> Dataset:
    """The records a report over `period` needs (everything for an all-time report)."""
    if period.start is None:
        return load_dataset(data)
    start, end = period.start.isoformat(), period.end.isoformat()
    with data.snapshot():
        return Dataset(
            profile=load_profile(data),
            assessments=tuple(load_assessments(data)),
            goals=tuple(_goals(data, start, end)),
            feedback=tuple(_feedback(data, start, end)),
            contacts=tuple(_contacts(data, start, end)),
            events=tuple(load_events(data)),
        )


def load_report_dataset_separately(path: Path, period: Period) -> Dataset:
    """The same through a read-only connection of its own, for a worker thread."""
    connection = connect_read_only(path)
    try:
        return load_report_dataset(DataFile(path, connection), period)
    finally:
        connection.close()


def _grouped(data: DataFile, query: Any) -> defaultdict[Any, list[tuple[Any, ...]]]:
    groups: defaultdict[Any, list[tuple[Any, ...]]] = defaultdict(list)
    for row in run(data, query):
        groups[row[0]].append(row[1:])
    return groups


def _goals(data: DataFile, start: str, end: str) -> list[Any]:
    checked = CheckInRow.select(CheckInRow.goal).where(CheckInRow.date.between(start, end))
    wanted = (
        GoalRow.status.not_in(_CLOSED)
        | GoalRow.completed_on.between(start, end)
        | GoalRow.id.in_(checked)
    )
    ids = GoalRow.select(GoalRow.id).where(wanted)
    steps = _grouped(
        data,
        StepRow.select(StepRow.goal, *STEP_FIELDS)
        .where(StepRow.goal.in_(ids))
        .order_by(StepRow.goal, StepRow.position),
    )
    checkins = _grouped(
        data,
        CheckInRow.select(CheckInRow.goal, *CHECKIN_FIELDS)
        .where(CheckInRow.goal.in_(ids))
        .order_by(CheckInRow.goal, CheckInRow.position),
    )
    rows = run(data, GoalRow.select(*GOAL_FIELDS).where(wanted).order_by(GoalRow.seq))
    return [goal_from_row(row, steps.get(row[0], ()), checkins.get(row[0], ())) for row in rows]


def _feedback(data: DataFile, start: str, end: str) -> list[Any]:
    wanted = (
        (FeedbackRow.kind == FeedbackKind.REQUEST.value)
        | FeedbackRow.date.between(start, end)
        | FeedbackRow.followed_up_on.between(start, end)
        | (FeedbackRow.follow_up_on.is_null(False) & FeedbackRow.followed_up_on.is_null())
    )
    ids = FeedbackRow.select(FeedbackRow.id).where(wanted)
    factors = _grouped(
        data,
        FeedbackFactorRow.select(FeedbackFactorRow.feedback, FeedbackFactorRow.factor)
        .where(FeedbackFactorRow.feedback.in_(ids))
        .order_by(FeedbackFactorRow.feedback, FeedbackFactorRow.position),
    )
    tags = _grouped(
        data,
        FeedbackTagRow.select(FeedbackTagRow.feedback, FeedbackTagRow.tag)
        .where(FeedbackTagRow.feedback.in_(ids))
        .order_by(FeedbackTagRow.feedback, FeedbackTagRow.position),
    )
    rows = run(data, FeedbackRow.select(*FEEDBACK_FIELDS).where(wanted).order_by(FeedbackRow.seq))
    return [feedback_from_row(row, factors.get(row[0], ()), tags.get(row[0], ())) for row in rows]


def _interactions(data: DataFile, start: str, end: str) -> defaultdict[Any, list[Any]]:
    """Per contact, in their order: those of the period, of its first and latest days, and
    those at an event of the period."""
    bounds = (
        InteractionRow.select(
            InteractionRow.contact.alias("cid"),
            fn.MIN(InteractionRow.date).alias("first"),
            fn.MAX(InteractionRow.date).alias("last"),
        )
        .group_by(InteractionRow.contact)
        .alias("bounds")
    )
    events = EventRow.select(EventRow.id).where(EventRow.date.between(start, end))
    wanted = (
        InteractionRow.date.between(start, end)
        | (InteractionRow.date == bounds.c.first)
        | (InteractionRow.date == bounds.c.last)
        | InteractionRow.event.in_(events)
    )
    query = (
        InteractionRow.select(InteractionRow.contact, *INTERACTION_FIELDS)
        .join(bounds, JOIN.INNER, on=(InteractionRow.contact == bounds.c.cid))
        .where(wanted)
        .order_by(InteractionRow.contact, InteractionRow.position)
    )
    return _grouped(data, query)


def _contacts(data: DataFile, start: str, end: str) -> list[Any]:
    tags = _grouped(
        data,
        ContactTagRow.select(ContactTagRow.contact, ContactTagRow.tag).order_by(
            ContactTagRow.contact, ContactTagRow.position
        ),
    )
    interactions = _interactions(data, start, end)
    rows = run(data, ContactRow.select(*CONTACT_FIELDS).order_by(ContactRow.seq))
    return [
        contact_from_row(row, tags.get(row[0], ()), interactions.get(row[0], ())) for row in rows
    ]
