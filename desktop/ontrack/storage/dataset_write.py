"""Merging a whole Dataset into the data file in one transaction, with bulk statements.

Merge by id: a record whose id exists is updated in place (its children are replaced and its
place in the canonical order kept), a new one is appended. Rows are written a table at a time
with one Peewee-built INSERT run over all of them (`orm.run_many`), so that a 100,000-row
import never goes through the ORM one object at a time.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from contextlib import nullcontext
from datetime import date
from functools import lru_cache
from typing import Any

from peewee import Field, fn

from ..domain.assessment import Answer, Assessment
from ..domain.dataset import Dataset, Profile
from ..domain.goals import Goal
from ..domain.journal import Feedback
from ..domain.network import Contact, Event
from .bulk_write import deferred, is_bulk
from .connection import DataFile
from .orm import Prepared, each_of, listed, run, run_many, value
from .repositories.rater_details import save_details
from .rows import name_parts_text
from .schema import (
    AnswerRow,
    AssessmentRow,
    BaseRow,
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


def _d(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


class _Writer:
    def __init__(self, data: DataFile) -> None:
        self.data = data

    def many(
        self, table: type[BaseRow], fields: Sequence[Field], rows: Iterable[tuple[Any, ...]]
    ) -> None:
        run_many(self.data, table, fields, rows)

    def upsert(
        self, table: type[BaseRow], fields: Sequence[Field], rows: Iterable[tuple[Any, ...]]
    ) -> None:
        run_many(self.data, table, fields, rows, upsert=True)

    def next_seq(self, table: type[BaseRow]) -> int:
        return int(value(self.data, _next_seq(table)()))

    def clear_children(self, parent: Field, parent_ids: Sequence[str]) -> None:
        run(self.data, _clear(parent.model, parent.name)(listed(parent_ids)))


# One prepared query per table (or child table): each is written once, not per save.
@lru_cache(maxsize=16)
def _next_seq(table: type[BaseRow]) -> Prepared:
    seq = table._meta.fields["seq"]
    return Prepared(lambda: table.select(fn.coalesce(fn.max(seq), 0) + 1))


@lru_cache(maxsize=16)
def _clear(table: type[BaseRow], parent: str) -> Prepared:
    field = table._meta.fields[parent]
    return Prepared(lambda ids: table.delete().where(field.in_(each_of(ids))))


@lru_cache(maxsize=16)
def _existing(table: type[BaseRow]) -> Prepared:
    key = table._meta.fields["id"]
    return Prepared(lambda ids: table.select(fn.count()).where(key.in_(each_of(ids))))


_WRITE_PROFILE = Prepared(
    lambda name, current, target: ProfileRow.update(
        name=name, current_role=current, target_role=target
    ).where(ProfileRow.id == 1)
)
_ADD_RATER = Prepared(
    lambda assessment, position, name, relationship: RaterRow.insert(
        assessment=assessment, position=position, name=name, relationship=relationship
    )
)


def write_profile(data: DataFile, profile: Profile) -> None:
    run(data, _WRITE_PROFILE(profile.name, profile.current_role, profile.target_role))


def count_existing(data: DataFile, dataset: Dataset) -> int:
    """How many top-level records of `dataset` already exist (and would be replaced)."""
    existing = 0
    for table, records in (
        (AssessmentRow, dataset.assessments),
        (GoalRow, dataset.goals),
        (FeedbackRow, dataset.feedback),
        (ContactRow, dataset.contacts),
        (EventRow, dataset.events),
    ):
        if records:
            ids = listed([record.id for record in records])
            existing += int(value(data, _existing(table)(ids)))
    return existing


def merge_dataset(data: DataFile, dataset: Dataset, *, with_profile: bool = True) -> None:
    """Write every record of `dataset` into `data` in one transaction (all or nothing)."""
    with data.transaction(), deferred(data, dataset) if is_bulk(dataset) else nullcontext():
        writer = _Writer(data)
        if with_profile and dataset.profile != Profile():
            write_profile(data, dataset.profile)
        # Order matters for foreign keys: goals, then events, contacts, feedback.
        _merge_goals(writer, dataset.goals)
        _merge_events(writer, dataset.events)
        _merge_contacts(writer, dataset.contacts)
        _merge_feedback(writer, dataset.feedback)
        _merge_assessments(writer, dataset.assessments)


def _merge_goals(writer: _Writer, goals: Sequence[Goal]) -> None:
    if not goals:
        return
    base = writer.next_seq(GoalRow)
    g_ = GoalRow
    writer.upsert(
        GoalRow,
        (g_.id, g_.seq, g_.title, g_.why, g_.measure, g_.deadline, g_.status, g_.progress,
         g_.factor, g_.created_on, g_.completed_on),
        (
            (g.id, base + i, g.title, g.why, g.measure, _d(g.deadline), g.status.value,
             g.progress, g.factor.value if g.factor else None, _d(g.created_on),
             _d(g.completed_on))
            for i, g in enumerate(goals)
        ),
    )  # fmt: skip
    ids = [g.id for g in goals]
    writer.clear_children(StepRow.goal, ids)
    writer.clear_children(CheckInRow.goal, ids)
    s_, c_ = StepRow, CheckInRow
    writer.many(
        StepRow,
        (s_.goal, s_.uid, s_.position, s_.text, s_.done, s_.due, s_.done_on),
        (
            (g.id, s.id, n, s.text, int(s.done), _d(s.due), _d(s.done_on))
            for g in goals
            for n, s in enumerate(g.steps)
        ),
    )
    writer.many(
        CheckInRow,
        (c_.goal, c_.uid, c_.position, c_.date, c_.note, c_.progress),
        (
            (g.id, c.id, n, _d(c.date), c.note, c.progress)
            for g in goals
            for n, c in enumerate(g.checkins)
        ),
    )


def _merge_events(writer: _Writer, events: Sequence[Event]) -> None:
    if not events:
        return
    base = writer.next_seq(EventRow)
    e_ = EventRow
    writer.upsert(
        EventRow,
        (e_.id, e_.seq, e_.name, e_.date, e_.location, e_.notes, e_.goal),
        (
            (e.id, base + i, e.name, _d(e.date), e.location, e.notes, e.goal)
            for i, e in enumerate(events)
        ),
    )


def _merge_contacts(writer: _Writer, contacts: Sequence[Contact]) -> None:
    if not contacts:
        return
    base = writer.next_seq(ContactRow)
    c_ = ContactRow
    writer.upsert(
        ContactRow,
        (c_.id, c_.seq, c_.name, c_.company, c_.role, c_.email, c_.phone, c_.linkedin_url,
         c_.how_met, c_.notes, c_.met_on, c_.reconnect_every_days, c_.name_parts),
        (
            (c.id, base + i, c.name, c.company, c.role, c.email, c.phone, c.linkedin_url,
             c.how_met, c.notes, _d(c.met_on), c.reconnect_every_days,
             name_parts_text(c.name_parts))
            for i, c in enumerate(contacts)
        ),
    )  # fmt: skip
    ids = [c.id for c in contacts]
    writer.clear_children(ContactTagRow.contact, ids)
    writer.clear_children(InteractionRow.contact, ids)
    t_, x_ = ContactTagRow, InteractionRow
    writer.many(
        ContactTagRow,
        (t_.contact, t_.position, t_.tag),
        ((c.id, n, tag) for c in contacts for n, tag in enumerate(c.tags)),
    )
    writer.many(
        InteractionRow,
        (x_.contact, x_.uid, x_.position, x_.date, x_.kind, x_.event, x_.notes, x_.follow_up_on),
        (
            (c.id, x.id, n, _d(x.date), x.kind.value, x.event, x.notes, _d(x.follow_up_on))
            for c in contacts
            for n, x in enumerate(c.interactions)
        ),
    )


def _merge_feedback(writer: _Writer, entries: Sequence[Feedback]) -> None:
    if not entries:
        return
    base = writer.next_seq(FeedbackRow)
    f_ = FeedbackRow
    writer.upsert(
        FeedbackRow,
        (f_.id, f_.seq, f_.date, f_.kind, f_.source_name, f_.relationship, f_.contact,
         f_.situation, f_.behavior, f_.impact, f_.text, f_.reflection, f_.action_plan,
         f_.follow_up_on, f_.followed_up_on, f_.follow_up_note, f_.goal),
        (
            (f.id, base + i, _d(f.date), f.kind.value, f.source_name, f.relationship.value,
             f.contact, f.situation, f.behavior, f.impact, f.text, f.reflection, f.action_plan,
             _d(f.follow_up_on), _d(f.followed_up_on), f.follow_up_note, f.goal)
            for i, f in enumerate(entries)
        ),
    )  # fmt: skip
    ids = [f.id for f in entries]
    writer.clear_children(FeedbackFactorRow.feedback, ids)
    writer.clear_children(FeedbackTagRow.feedback, ids)
    x_, t_ = FeedbackFactorRow, FeedbackTagRow
    writer.many(
        FeedbackFactorRow,
        (x_.feedback, x_.position, x_.factor),
        ((f.id, n, factor.value) for f in entries for n, factor in enumerate(f.factors)),
    )
    writer.many(
        FeedbackTagRow,
        (t_.feedback, t_.position, t_.tag),
        ((f.id, n, tag) for f in entries for n, tag in enumerate(f.tags)),
    )


def _merge_assessments(writer: _Writer, assessments: Sequence[Assessment]) -> None:
    if not assessments:
        return
    base = writer.next_seq(AssessmentRow)
    a_ = AssessmentRow
    writer.upsert(
        AssessmentRow,
        (a_.id, a_.seq, a_.taken_on, a_.status, a_.current_role, a_.target_role,
         a_.skills_enjoyed, a_.feedback_received, a_.learning_to_pursue, a_.notes),
        (
            (a.id, base + i, _d(a.taken_on), a.status.value, a.current_role, a.target_role,
             a.reflections.skills_enjoyed, a.reflections.feedback_received,
             a.reflections.learning_to_pursue, a.reflections.notes)
            for i, a in enumerate(assessments)
        ),
    )  # fmt: skip
    ids = [a.id for a in assessments]
    # Answers of raters go with their rater (cascade); self answers are cleared here.
    writer.clear_children(RaterRow.assessment, ids)
    writer.clear_children(AnswerRow.assessment, ids)
    writer.many(AnswerRow, _ANSWER_FIELDS, _answer_rows(assessments, None))
    for a in assessments:
        for n, rater in enumerate(a.raters):
            added = _ADD_RATER(a.id, n, rater.name, rater.relationship.value)
            rater_pk = run(writer.data, added).lastrowid
            writer.many(AnswerRow, _ANSWER_FIELDS, _rows_for(a.id, rater_pk, rater.answers))
            assert rater_pk is not None
            save_details(writer.data, rater_pk, rater)


_ANSWER_FIELDS = (
    AnswerRow.assessment, AnswerRow.rater, AnswerRow.position, AnswerRow.statement,
    AnswerRow.rating,
)  # fmt: skip


def _answer_rows(
    assessments: Sequence[Assessment], rater_pk: int | None
) -> Iterable[tuple[Any, ...]]:
    for a in assessments:
        yield from _rows_for(a.id, rater_pk, a.answers)


def _rows_for(
    assessment_id: str, rater_pk: int | None, answers: Sequence[Answer]
) -> Iterable[tuple[Any, ...]]:
    return ((assessment_id, rater_pk, n, x.statement, x.rating) for n, x in enumerate(answers))
