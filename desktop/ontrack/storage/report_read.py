"""What a progress report reads: the records its period needs, not ten years of them.

A one-year report on ten years of data read every record (3 s of its 4 s). The rules below
mirror what `reports.gather*` look at, so that the report made from this Dataset is the one
made from everything (a test compares the two for several periods):

- goals: the open ones, those completed in the period and those with a check-in in it,
  each whole (steps and check-ins);
- feedback: dated in the period, followed up in it, still owed a follow-up, and every
  request (the report counts the requests waiting);
- contacts: every one (the due list weighs every keep-in-touch cadence), each with its
  interactions in the period, on its latest day (the follow-up still owed), on its first
  day if it has no `met_on` (the first interaction is when it was met) and at an event of
  the period (who was there);
- the profile, events and assessments: all (they are few);
- and of what it reads, not what no section prints: the tags of contacts and feedback, a
  contact's e-mail, phone, LinkedIn, notes and structured name come as blanks (5,800 tag
  rows and as many strings per column on ten years of data).

The rules are Peewee clauses handed to `dataset_read`'s loaders, which read the whole data
set the same way without them; they run on the DataFile given, which may be a worker
thread's own read-only connection (`load_report_dataset_separately`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from peewee import Tuple, fn

from ..domain.dataset import Dataset
from ..domain.enums import FeedbackKind, GoalStatus
from ..domain.report_period import Period
from .connection import DataFile, connect_read_only
from .dataset_read import (
    load_assessments,
    load_contacts,
    load_events,
    load_feedback,
    load_goals,
    load_profile,
)
from .schema import CheckInRow, ContactRow, EventRow, FeedbackRow, GoalRow, InteractionRow

_CLOSED = [GoalStatus.DONE.value, GoalStatus.DROPPED.value]


def load_report_dataset(data: DataFile, period: Period) -> Dataset:
    """The records a report over `period` needs (all of them for an all-time report)."""
    goals: tuple[Any, ...] = ()
    feedback: tuple[Any, ...] = ()
    interactions: tuple[Any, ...] = ()
    if period.start is not None:
        start, end = period.start.isoformat(), period.end.isoformat()
        goals, feedback = (_goals(start, end),), (_feedback(start, end),)
        interactions = (_interactions(start, end),)
    with data.snapshot():
        return Dataset(
            profile=load_profile(data),
            assessments=tuple(load_assessments(data)),
            goals=tuple(load_goals(data, *goals)),
            feedback=tuple(load_feedback(data, *feedback, tagged=False)),
            contacts=tuple(load_contacts(data, *interactions, details=False)),
            events=tuple(load_events(data)),
        )


def load_report_dataset_separately(path: Path, period: Period) -> Dataset:
    """The same through a read-only connection of its own, for a worker thread."""
    connection = connect_read_only(path)
    try:
        return load_report_dataset(DataFile(path, connection), period)
    finally:
        connection.close()


def _goals(start: str, end: str) -> Any:
    """Open goals, and those completed or checked in during the period."""
    checked = CheckInRow.select(CheckInRow.goal).where(CheckInRow.date.between(start, end))
    return (
        GoalRow.status.not_in(_CLOSED)
        | GoalRow.completed_on.between(start, end)
        | GoalRow.id.in_(checked)
    )


def _feedback(start: str, end: str) -> Any:
    """Entries of the period or followed up in it, those still owed a follow-up, and every
    request (the report counts the requests waiting)."""
    return (
        (FeedbackRow.kind == FeedbackKind.REQUEST.value)
        | FeedbackRow.date.between(start, end)
        | FeedbackRow.followed_up_on.between(start, end)
        | (FeedbackRow.follow_up_on.is_null(False) & FeedbackRow.followed_up_on.is_null())
    )


def _interactions(start: str, end: str) -> Any:
    """Those of the period, of their contact's latest day, of the first day of a contact
    with no `met_on` (the day it was met), and those at an event of the period."""
    # The latest day is the contact's `last_interaction_on`, which the interaction triggers
    # keep; grouping fifty thousand interactions by contact for it took longer than the
    # rest of this read of them. Only a contact without `met_on` needs its first day.
    unmet = ContactRow.select(ContactRow.id).where(ContactRow.met_on.is_null())
    first = (
        InteractionRow.select(InteractionRow.contact, fn.MIN(InteractionRow.date))
        .where(InteractionRow.contact.in_(unmet))
        .group_by(InteractionRow.contact)
    )
    latest = ContactRow.select(ContactRow.id, ContactRow.last_interaction_on)
    events = EventRow.select(EventRow.id).where(EventRow.date.between(start, end))
    return (
        InteractionRow.date.between(start, end)
        | Tuple(InteractionRow.contact, InteractionRow.date).in_(latest)
        | Tuple(InteractionRow.contact, InteractionRow.date).in_(first)
        | InteractionRow.event.in_(events)
    )
