"""Merging a whole Dataset into the data file in one transaction, with bulk statements.

Merge by id: a record whose id exists is updated in place (its children are replaced and its
place in the canonical order kept), a new one is appended. Rows are written with `executemany`
so that a 100,000-row import never goes through the ORM one object at a time.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from ..domain.assessment import Answer, Assessment
from ..domain.dataset import Dataset, Profile
from ..domain.goals import Goal
from ..domain.journal import Feedback
from ..domain.network import Contact, Event
from .connection import DataFile
from .repositories.rater_details import save_details


def _d(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _upsert_sql(table: str, columns: Sequence[str]) -> str:
    names = ", ".join(columns)
    marks = ", ".join("?" for _ in columns)
    updates = ", ".join(f"{c} = excluded.{c}" for c in columns if c not in ("id", "seq"))
    return (
        f"INSERT INTO {table} ({names}) VALUES ({marks}) ON CONFLICT (id) DO UPDATE SET {updates}"
    )


def _insert_sql(table: str, columns: Sequence[str]) -> str:
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})"


class _Writer:
    def __init__(self, data: DataFile) -> None:
        self.data = data
        self.cursor = data.connection.cursor()

    def many(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        self.cursor.executemany(sql, rows)

    def next_seq(self, table: str) -> int:
        self.cursor.execute(f"SELECT coalesce(max(seq), 0) + 1 FROM {table}")
        return int(self.cursor.fetchone()[0])

    def clear_children(self, table: str, parent_column: str, parent_ids: Sequence[str]) -> None:
        self.many(f"DELETE FROM {table} WHERE {parent_column} = ?", ((i,) for i in parent_ids))


def write_profile(data: DataFile, profile: Profile) -> None:
    data.execute(
        "UPDATE profile SET name = ?, current_role = ?, target_role = ? WHERE id = 1",
        (profile.name, profile.current_role, profile.target_role),
    )


def count_existing(data: DataFile, dataset: Dataset) -> int:
    """How many top-level records of `dataset` already exist (and would be replaced)."""
    existing = 0
    for table, records in (
        ("assessment", dataset.assessments),
        ("goal", dataset.goals),
        ("feedback", dataset.feedback),
        ("contact", dataset.contacts),
        ("event", dataset.events),
    ):
        ids = [record.id for record in records]
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ", ".join("?" for _ in chunk)
            sql = f"SELECT count(*) FROM {table} WHERE id IN ({marks})"
            existing += int(data.execute(sql, chunk).fetchone()[0])
    return existing


def merge_dataset(data: DataFile, dataset: Dataset, *, with_profile: bool = True) -> None:
    """Write every record of `dataset` into `data` in one transaction (all or nothing)."""
    with data.transaction():
        writer = _Writer(data)
        if with_profile and dataset.profile != Profile():
            write_profile(data, dataset.profile)
        # Order matters for foreign keys: goals, then events, contacts, feedback.
        _merge_goals(writer, dataset.goals)
        _merge_events(writer, dataset.events)
        _merge_contacts(writer, dataset.contacts)
        _merge_feedback(writer, dataset.feedback)
        _merge_assessments(writer, dataset.assessments)


_GOAL_COLUMNS = (
    "id", "seq", "title", "why", "measure", "deadline", "status", "progress", "factor",
    "created_on", "completed_on",
)  # fmt: skip


def _merge_goals(writer: _Writer, goals: Sequence[Goal]) -> None:
    if not goals:
        return
    base = writer.next_seq("goal")
    writer.many(
        _upsert_sql("goal", _GOAL_COLUMNS),
        (
            (g.id, base + i, g.title, g.why, g.measure, _d(g.deadline), g.status.value,
             g.progress, g.factor.value if g.factor else None, _d(g.created_on),
             _d(g.completed_on))
            for i, g in enumerate(goals)
        ),
    )  # fmt: skip
    ids = [g.id for g in goals]
    writer.clear_children("step", "goal_id", ids)
    writer.clear_children("checkin", "goal_id", ids)
    writer.many(
        _insert_sql("step", ("goal_id", "uid", "position", "text", "done", "due", "done_on")),
        (
            (g.id, s.id, n, s.text, int(s.done), _d(s.due), _d(s.done_on))
            for g in goals
            for n, s in enumerate(g.steps)
        ),
    )
    writer.many(
        _insert_sql("checkin", ("goal_id", "uid", "position", "date", "note", "progress")),
        (
            (g.id, c.id, n, _d(c.date), c.note, c.progress)
            for g in goals
            for n, c in enumerate(g.checkins)
        ),
    )


def _merge_events(writer: _Writer, events: Sequence[Event]) -> None:
    if not events:
        return
    base = writer.next_seq("event")
    writer.many(
        _upsert_sql("event", ("id", "seq", "name", "date", "location", "notes", "goal_id")),
        (
            (e.id, base + i, e.name, _d(e.date), e.location, e.notes, e.goal)
            for i, e in enumerate(events)
        ),
    )


_CONTACT_COLUMNS = (
    "id", "seq", "name", "company", "role", "email", "phone", "linkedin_url", "how_met",
    "notes", "met_on", "reconnect_every_days",
)  # fmt: skip


def _merge_contacts(writer: _Writer, contacts: Sequence[Contact]) -> None:
    if not contacts:
        return
    base = writer.next_seq("contact")
    writer.many(
        _upsert_sql("contact", _CONTACT_COLUMNS),
        (
            (c.id, base + i, c.name, c.company, c.role, c.email, c.phone, c.linkedin_url,
             c.how_met, c.notes, _d(c.met_on), c.reconnect_every_days)
            for i, c in enumerate(contacts)
        ),
    )  # fmt: skip
    ids = [c.id for c in contacts]
    writer.clear_children("contact_tag", "contact_id", ids)
    writer.clear_children("interaction", "contact_id", ids)
    writer.many(
        _insert_sql("contact_tag", ("contact_id", "position", "tag")),
        ((c.id, n, tag) for c in contacts for n, tag in enumerate(c.tags)),
    )
    columns = ("contact_id", "uid", "position", "date", "kind", "event_id", "notes", "follow_up_on")
    writer.many(
        _insert_sql("interaction", columns),
        (
            (c.id, x.id, n, _d(x.date), x.kind.value, x.event, x.notes, _d(x.follow_up_on))
            for c in contacts
            for n, x in enumerate(c.interactions)
        ),
    )


_FEEDBACK_COLUMNS = (
    "id", "seq", "date", "kind", "source_name", "relationship", "contact_id", "situation",
    "behavior", "impact", "text", "reflection", "action_plan", "follow_up_on",
    "followed_up_on", "follow_up_note", "goal_id",
)  # fmt: skip


def _merge_feedback(writer: _Writer, entries: Sequence[Feedback]) -> None:
    if not entries:
        return
    base = writer.next_seq("feedback")
    writer.many(
        _upsert_sql("feedback", _FEEDBACK_COLUMNS),
        (
            (f.id, base + i, _d(f.date), f.kind.value, f.source_name, f.relationship.value,
             f.contact, f.situation, f.behavior, f.impact, f.text, f.reflection, f.action_plan,
             _d(f.follow_up_on), _d(f.followed_up_on), f.follow_up_note, f.goal)
            for i, f in enumerate(entries)
        ),
    )  # fmt: skip
    ids = [f.id for f in entries]
    writer.clear_children("feedback_factor", "feedback_id", ids)
    writer.clear_children("feedback_tag", "feedback_id", ids)
    writer.many(
        _insert_sql("feedback_factor", ("feedback_id", "position", "factor")),
        ((f.id, n, factor.value) for f in entries for n, factor in enumerate(f.factors)),
    )
    writer.many(
        _insert_sql("feedback_tag", ("feedback_id", "position", "tag")),
        ((f.id, n, tag) for f in entries for n, tag in enumerate(f.tags)),
    )


_ASSESSMENT_COLUMNS = (
    "id", "seq", "taken_on", "status", "current_role", "target_role", "skills_enjoyed",
    "feedback_received", "learning_to_pursue", "notes",
)  # fmt: skip


def _merge_assessments(writer: _Writer, assessments: Sequence[Assessment]) -> None:
    if not assessments:
        return
    base = writer.next_seq("assessment")
    writer.many(
        _upsert_sql("assessment", _ASSESSMENT_COLUMNS),
        (
            (a.id, base + i, _d(a.taken_on), a.status.value, a.current_role, a.target_role,
             a.reflections.skills_enjoyed, a.reflections.feedback_received,
             a.reflections.learning_to_pursue, a.reflections.notes)
            for i, a in enumerate(assessments)
        ),
    )  # fmt: skip
    ids = [a.id for a in assessments]
    # Answers of raters go with their rater (cascade); self answers are cleared here.
    writer.clear_children("rater", "assessment_id", ids)
    writer.clear_children("answer", "assessment_id", ids)
    insert_answer = _insert_sql(
        "answer", ("assessment_id", "rater_pk", "position", "statement", "rating")
    )
    writer.many(insert_answer, _answer_rows(assessments, None))
    insert_rater = _insert_sql("rater", ("assessment_id", "position", "name", "relationship"))
    for a in assessments:
        for n, rater in enumerate(a.raters):
            writer.cursor.execute(insert_rater, (a.id, n, rater.name, rater.relationship.value))
            rater_pk = writer.cursor.lastrowid
            writer.many(insert_answer, _rows_for(a.id, rater_pk, rater.answers))
            assert rater_pk is not None
            save_details(writer.data, rater_pk, rater)


def _answer_rows(
    assessments: Sequence[Assessment], rater_pk: int | None
) -> Iterable[tuple[Any, ...]]:
    for a in assessments:
        yield from _rows_for(a.id, rater_pk, a.answers)


def _rows_for(
    assessment_id: str, rater_pk: int | None, answers: Sequence[Answer]
) -> Iterable[tuple[Any, ...]]:
    return ((assessment_id, rater_pk, n, x.statement, x.rating) for n, x in enumerate(answers))
