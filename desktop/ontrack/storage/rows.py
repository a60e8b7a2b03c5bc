"""Rows to domain records: the one mapping of goal, feedback and contact rows, used by the
bulk read (export, reports) and by the single-record reads of the tabs alike."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from ..domain.enums import Factor, FeedbackKind, GoalStatus, InteractionKind, Relationship
from ..domain.goals import CheckIn, Goal, Step
from ..domain.journal import Feedback
from ..domain.network import Contact, Interaction, NameParts
from .schema import CheckInRow, ContactRow, FeedbackRow, GoalRow, InteractionRow, StepRow

# The columns each mapping below reads, in its order.
GOAL_FIELDS = (
    GoalRow.id, GoalRow.title, GoalRow.why, GoalRow.measure, GoalRow.deadline, GoalRow.status,
    GoalRow.progress, GoalRow.factor, GoalRow.created_on, GoalRow.completed_on,
)  # fmt: skip
STEP_FIELDS = (StepRow.uid, StepRow.text, StepRow.done, StepRow.due, StepRow.done_on)
CHECKIN_FIELDS = (CheckInRow.uid, CheckInRow.date, CheckInRow.note, CheckInRow.progress)
FEEDBACK_FIELDS = (
    FeedbackRow.id, FeedbackRow.date, FeedbackRow.kind, FeedbackRow.source_name,
    FeedbackRow.relationship, FeedbackRow.contact, FeedbackRow.situation, FeedbackRow.behavior,
    FeedbackRow.impact, FeedbackRow.text, FeedbackRow.reflection, FeedbackRow.action_plan,
    FeedbackRow.follow_up_on, FeedbackRow.followed_up_on, FeedbackRow.follow_up_note,
    FeedbackRow.goal,
)  # fmt: skip
CONTACT_FIELDS = (
    ContactRow.id, ContactRow.name, ContactRow.company, ContactRow.role, ContactRow.email,
    ContactRow.phone, ContactRow.linkedin_url, ContactRow.how_met, ContactRow.notes,
    ContactRow.met_on, ContactRow.reconnect_every_days, ContactRow.name_parts,
)  # fmt: skip
INTERACTION_FIELDS = (
    InteractionRow.uid, InteractionRow.date, InteractionRow.kind, InteractionRow.event,
    InteractionRow.notes, InteractionRow.follow_up_on,
)  # fmt: skip


def day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def goal_from_row(
    row: Sequence[Any], steps: Iterable[Sequence[Any]], checkins: Iterable[Sequence[Any]]
) -> Goal:
    """A goal from its GOAL_FIELDS row, STEP_FIELDS rows and CHECKIN_FIELDS rows."""
    return Goal(
        id=row[0],
        title=row[1],
        why=row[2],
        measure=row[3],
        deadline=day(row[4]),
        status=GoalStatus(row[5]),
        progress=row[6],
        factor=Factor(row[7]) if row[7] is not None else None,
        created_on=day(row[8]),
        completed_on=day(row[9]),
        steps=tuple(
            Step(uid, text, bool(done), day(due), day(done_on))
            for uid, text, done, due, done_on in steps
        ),
        checkins=tuple(
            CheckIn(uid, date.fromisoformat(on), note, progress)
            for uid, on, note, progress in checkins
        ),
    )


def feedback_from_row(
    row: Sequence[Any], factors: Iterable[Sequence[Any]], tags: Iterable[Sequence[Any]]
) -> Feedback:
    """An entry from its FEEDBACK_FIELDS row and its (factor,) and (tag,) rows."""
    return Feedback(
        id=row[0],
        date=date.fromisoformat(row[1]),
        kind=FeedbackKind(row[2]),
        source_name=row[3],
        relationship=Relationship(row[4]),
        contact=row[5],
        situation=row[6],
        behavior=row[7],
        impact=row[8],
        text=row[9],
        reflection=row[10],
        action_plan=row[11],
        follow_up_on=day(row[12]),
        followed_up_on=day(row[13]),
        follow_up_note=row[14],
        factors=tuple(Factor(f) for (f,) in factors),
        goal=row[15],
        tags=tuple(t for (t,) in tags),
    )


def name_parts_from(text: str | None) -> NameParts | None:
    """The stored structured name (a JSON list), or None when there is none or it is not
    one (a file edited by hand)."""
    if not text:
        return None
    try:
        values = json.loads(text)
    except ValueError:
        return None
    if not isinstance(values, list) or len(values) != 6:
        return None
    return NameParts.from_list([str(v) for v in values])


def name_parts_text(parts: NameParts | None) -> str | None:
    return json.dumps(parts.as_list(), ensure_ascii=False) if parts is not None else None


def contact_from_row(
    row: Sequence[Any], tags: Iterable[Sequence[Any]], interactions: Iterable[Sequence[Any]]
) -> Contact:
    """A contact from its CONTACT_FIELDS row, its (tag,) rows and INTERACTION_FIELDS rows."""
    return Contact(
        id=row[0],
        name=row[1],
        company=row[2],
        role=row[3],
        email=row[4],
        phone=row[5],
        linkedin_url=row[6],
        how_met=row[7],
        notes=row[8],
        met_on=day(row[9]),
        reconnect_every_days=row[10],
        name_parts=name_parts_from(row[11]),
        tags=tuple(t for (t,) in tags),
        interactions=tuple(
            Interaction(uid, date.fromisoformat(on), InteractionKind(kind), event, notes, day(fu))
            for uid, on, kind, event, notes, fu in interactions
        ),
    )
