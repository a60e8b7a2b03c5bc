"""Reading the whole data file back as one Dataset, in canonical order (for export, reports).

One Peewee query per table, run as plain tuples (`orm.run`), and grouping in Python: a
ten-year file (about 150,000 rows) loads in well under a second, where per-object ORM access
would take many.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from typing import Any

from peewee import Field, Value

from ..domain.assessment import Answer, Assessment, Rater, Reflections
from ..domain.dataset import Dataset, Profile
from ..domain.enums import (
    AssessmentStatus,
    Relationship,
)
from ..domain.goals import Goal
from ..domain.journal import Feedback
from ..domain.network import Contact, Event
from .connection import DataFile
from .orm import run
from .repositories.rater_details import with_details
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
    AnswerRow,
    AssessmentRow,
    CheckInRow,
    ContactRow,
    ContactTagRow,
    EventRow,
    FeedbackFactorRow,
    FeedbackRow,
    FeedbackTagRow,
    GoalRow,
    InteractionRow,
    ProfileRow,
    RaterRow,
    StepRow,
)


def _day(text: str) -> date:
    return date.fromisoformat(text)


def load_profile(data: DataFile) -> Profile:
    row = run(
        data, ProfileRow.select(ProfileRow.name, ProfileRow.current_role, ProfileRow.target_role)
    ).fetchone()
    return Profile(*row) if row else Profile()


def load_dataset(data: DataFile) -> Dataset:
    with data.snapshot():  # one consistent view of everything
        return Dataset(
            profile=load_profile(data),
            assessments=tuple(load_assessments(data)),
            goals=tuple(load_goals(data)),
            feedback=tuple(load_feedback(data)),
            contacts=tuple(load_contacts(data)),
            events=tuple(load_events(data)),
        )


def _grouped(
    data: DataFile, parent: Field, columns: Sequence[Any], *where: Any
) -> defaultdict[Any, list[tuple[Any, ...]]]:
    """`columns` of a child table, grouped by `parent` in their order (`position`)."""
    # Rows come from SQLite untyped; the domain constructors below give them their types.
    table = parent.model
    query = table.select(parent, *columns).order_by(parent, table.position)
    if where:
        query = query.where(*where)
    groups: defaultdict[Any, list[tuple[Any, ...]]] = defaultdict(list)
    for row in run(data, query):
        groups[row[0]].append(row[1:])
    return groups


def load_assessments(data: DataFile) -> list[Assessment]:
    answer = AnswerRow
    self_answers = _grouped(
        data, answer.assessment, (answer.statement, answer.rating), answer.rater.is_null()
    )
    rater_answers = _grouped(
        data, answer.rater, (answer.statement, answer.rating), answer.rater.is_null(False)
    )
    found: list[tuple[object, int, Rater]] = []
    for assessment_id, pk, name, relationship in run(
        data,
        RaterRow.select(
            RaterRow.assessment, RaterRow.pk, RaterRow.name, RaterRow.relationship
        ).order_by(RaterRow.assessment, RaterRow.position),
    ):
        answers = tuple(Answer(s, r) for s, r in rater_answers.get(pk, ()))
        found.append((assessment_id, pk, Rater(name, Relationship(relationship), answers)))
    detailed = with_details(data, [(pk, rater) for _, pk, rater in found])
    raters: defaultdict[object, list[Rater]] = defaultdict(list)
    for (assessment_id, _, _), rater in zip(found, detailed, strict=True):
        raters[assessment_id].append(rater)
    a = AssessmentRow
    result = []
    for row in run(
        data,
        a.select(
            a.id, a.taken_on, a.status, a.current_role, a.target_role, a.skills_enjoyed,
            a.feedback_received, a.learning_to_pursue, a.notes,
        ).order_by(a.seq),
    ):  # fmt: skip
        assessment_id = row[0]
        result.append(
            Assessment(
                id=assessment_id,
                taken_on=_day(row[1]),
                status=AssessmentStatus(row[2]),
                current_role=row[3],
                target_role=row[4],
                answers=tuple(Answer(s, r) for s, r in self_answers.get(assessment_id, ())),
                reflections=Reflections(row[5], row[6], row[7], row[8]),
                raters=tuple(raters.get(assessment_id, ())),
            )
        )
    return result


def _children_of(parent: Any, table: Any, where: tuple[Any, ...]) -> tuple[Any, ...]:
    """The clause that keeps a child table's rows to the parents `where` selects (none when
    every parent is read)."""
    return (parent.in_(table.select(table.id).where(*where)),) if where else ()


def load_goals(data: DataFile, *where: Any) -> list[Goal]:
    """Goals in canonical order, each whole; `where` narrows which (a report's period)."""
    step, checkin = StepRow.goal, CheckInRow.goal
    steps = _grouped(data, step, STEP_FIELDS, *_children_of(step, GoalRow, where))
    checkins = _grouped(data, checkin, CHECKIN_FIELDS, *_children_of(checkin, GoalRow, where))
    query = GoalRow.select(*GOAL_FIELDS).where(*where) if where else GoalRow.select(*GOAL_FIELDS)
    return [
        goal_from_row(row, steps.get(row[0], ()), checkins.get(row[0], ()))
        for row in run(data, query.order_by(GoalRow.seq))
    ]


def load_feedback(data: DataFile, *where: Any, tagged: bool = True) -> list[Feedback]:
    """Journal entries in canonical order; `where` narrows which (a report's period), and
    without `tagged` they come without their tags (no report prints them)."""
    factor, tag = FeedbackFactorRow.feedback, FeedbackTagRow.feedback
    factors = _grouped(
        data, factor, (FeedbackFactorRow.factor,), *_children_of(factor, FeedbackRow, where)
    )
    tags = (
        _grouped(data, tag, (FeedbackTagRow.tag,), *_children_of(tag, FeedbackRow, where))
        if tagged
        else {}
    )
    query = FeedbackRow.select(*FEEDBACK_FIELDS)
    return [
        feedback_from_row(row, factors.get(row[0], ()), tags.get(row[0], ()))
        for row in run(data, (query.where(*where) if where else query).order_by(FeedbackRow.seq))
    ]


# What no report prints of a contact: a report's read takes each as its blank instead.
_UNPRINTED = {"email": "", "phone": "", "linkedin_url": "", "notes": "", "name_parts": None}
_PRINTED_FIELDS = tuple(
    Value(_UNPRINTED[field.name]) if field.name in _UNPRINTED else field for field in CONTACT_FIELDS
)


def load_contacts(data: DataFile, *interactions_where: Any, details: bool = True) -> list[Contact]:
    """Every contact in canonical order; `interactions_where` narrows which of their
    interactions come with them (a report's period). Without `details` they come without
    what no report prints: tags, e-mail, phone, LinkedIn, notes and the structured name."""
    tags = _grouped(data, ContactTagRow.contact, (ContactTagRow.tag,)) if details else {}
    interactions = _grouped(data, InteractionRow.contact, INTERACTION_FIELDS, *interactions_where)
    fields = CONTACT_FIELDS if details else _PRINTED_FIELDS
    return [
        contact_from_row(row, tags.get(row[0], ()), interactions.get(row[0], ()))
        for row in run(data, ContactRow.select(*fields).order_by(ContactRow.seq))
    ]


def load_events(data: DataFile) -> list[Event]:
    e = EventRow
    query = e.select(e.id, e.name, e.date, e.location, e.notes, e.goal).order_by(e.seq)
    return [
        Event(id=row[0], name=row[1], date=_day(row[2]), location=row[3], notes=row[4], goal=row[5])
        for row in run(data, query)
    ]
