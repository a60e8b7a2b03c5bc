"""Rows to domain records: the one mapping of goal, feedback and contact rows, used by the
bulk read (export, reports) and by the single-record reads of the tabs alike."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from ..domain.enums import Factor, FeedbackKind, GoalStatus, InteractionKind, Relationship
from ..domain.goals import CheckIn, Goal, Step
from ..domain.journal import Feedback
from ..domain.network import Contact, Interaction

GOAL_COLUMNS = (
    "id, title, why, measure, deadline, status, progress, factor, created_on, completed_on"
)
STEP_COLUMNS = "uid, text, done, due, done_on"
CHECKIN_COLUMNS = "uid, date, note, progress"
FEEDBACK_COLUMNS = (
    "id, date, kind, source_name, relationship, contact_id, situation, behavior, impact, "
    "text, reflection, action_plan, follow_up_on, followed_up_on, follow_up_note, goal_id"
)
CONTACT_COLUMNS = (
    "id, name, company, role, email, phone, linkedin_url, how_met, notes, met_on, "
    "reconnect_every_days"
)
INTERACTION_COLUMNS = "uid, date, kind, event_id, notes, follow_up_on"


def day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def goal_from_row(
    row: Sequence[Any], steps: Iterable[Sequence[Any]], checkins: Iterable[Sequence[Any]]
) -> Goal:
    """A goal from its GOAL_COLUMNS row, STEP_COLUMNS rows and CHECKIN_COLUMNS rows."""
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
    """An entry from its FEEDBACK_COLUMNS row and its (factor,) and (tag,) rows."""
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


def contact_from_row(
    row: Sequence[Any], tags: Iterable[Sequence[Any]], interactions: Iterable[Sequence[Any]]
) -> Contact:
    """A contact from its CONTACT_COLUMNS row, its (tag,) rows and INTERACTION_COLUMNS rows."""
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
        tags=tuple(t for (t,) in tags),
        interactions=tuple(
            Interaction(uid, date.fromisoformat(on), InteractionKind(kind), event, notes, day(fu))
            for uid, on, kind, event, notes, fu in interactions
        ),
    )
