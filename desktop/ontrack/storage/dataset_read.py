"""Reading the whole data file back as one Dataset, in canonical order (for export, reports).

Plain SQL with one query per table and grouping in Python: a ten-year file (about 150,000
rows) loads in well under a second, where per-object ORM access would take many.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from datetime import date
from pathlib import Path
from typing import Any

from ..domain.assessment import Answer, Assessment, Rater, Reflections
from ..domain.dataset import Dataset, Profile
from ..domain.enums import (
    AssessmentStatus,
    Factor,
    FeedbackKind,
    GoalStatus,
    InteractionKind,
    Relationship,
)
from ..domain.goals import CheckIn, Goal, Step
from ..domain.journal import Feedback
from ..domain.network import Contact, Event, Interaction
from .connection import DataFile


def _date(text: str | None) -> date | None:
    return date.fromisoformat(text) if text is not None else None


def _day(text: str) -> date:
    return date.fromisoformat(text)


def load_profile(data: DataFile) -> Profile:
    row = data.execute("SELECT name, current_role, target_role FROM profile").fetchone()
    return Profile(*row) if row else Profile()


def load_dataset(data: DataFile) -> Dataset:
    with data.snapshot():  # one consistent view of everything
        return Dataset(
            profile=load_profile(data),
            assessments=tuple(_assessments(data)),
            goals=tuple(_goals(data)),
            feedback=tuple(_feedback(data)),
            contacts=tuple(_contacts(data)),
            events=tuple(_events(data)),
        )


def load_dataset_separately(path: Path) -> Dataset:
    """Read everything through a connection of its own (read-only), so that a worker thread
    can read while the window keeps using the main one. WAL lets both run side by side."""
    connection = sqlite3.connect(
        f"file:{path.resolve().as_posix()}?mode=ro", uri=True, isolation_level=None
    )
    try:
        return load_dataset(DataFile(path, connection))
    finally:
        connection.close()


def _grouped(data: DataFile, sql: str) -> defaultdict[Any, list[tuple[Any, ...]]]:
    # Rows come from SQLite untyped; the domain constructors below give them their types.
    groups: defaultdict[Any, list[tuple[Any, ...]]] = defaultdict(list)
    for row in data.execute(sql):
        groups[row[0]].append(row[1:])
    return groups


def _assessments(data: DataFile) -> list[Assessment]:
    self_answers = _grouped(
        data,
        "SELECT assessment_id, statement, rating FROM answer "
        "WHERE rater_pk IS NULL ORDER BY assessment_id, position",
    )
    rater_answers = _grouped(
        data,
        "SELECT rater_pk, statement, rating FROM answer "
        "WHERE rater_pk IS NOT NULL ORDER BY rater_pk, position",
    )
    raters: defaultdict[object, list[Rater]] = defaultdict(list)
    for assessment_id, pk, name, relationship in data.execute(
        "SELECT assessment_id, pk, name, relationship FROM rater ORDER BY assessment_id, position"
    ):
        answers = tuple(Answer(s, r) for s, r in rater_answers.get(pk, ()))
        raters[assessment_id].append(Rater(name, Relationship(relationship), answers))
    result = []
    for row in data.execute(
        "SELECT id, taken_on, status, current_role, target_role, skills_enjoyed, "
        "feedback_received, learning_to_pursue, notes FROM assessment ORDER BY seq"
    ):
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


def _goals(data: DataFile) -> list[Goal]:
    steps = _grouped(
        data,
        "SELECT goal_id, uid, text, done, due, done_on FROM step ORDER BY goal_id, position",
    )
    checkins = _grouped(
        data,
        "SELECT goal_id, uid, date, note, progress FROM checkin ORDER BY goal_id, position",
    )
    result = []
    for row in data.execute(
        "SELECT id, title, why, measure, deadline, status, progress, factor, created_on, "
        "completed_on FROM goal ORDER BY seq"
    ):
        goal_id = row[0]
        result.append(
            Goal(
                id=goal_id,
                title=row[1],
                why=row[2],
                measure=row[3],
                deadline=_date(row[4]),
                status=GoalStatus(row[5]),
                progress=row[6],
                factor=Factor(row[7]) if row[7] is not None else None,
                created_on=_date(row[8]),
                completed_on=_date(row[9]),
                steps=tuple(
                    Step(uid, text, bool(done), _date(due), _date(done_on))
                    for uid, text, done, due, done_on in steps.get(goal_id, ())
                ),
                checkins=tuple(
                    CheckIn(uid, _day(day), note, progress)
                    for uid, day, note, progress in checkins.get(goal_id, ())
                ),
            )
        )
    return result


def _feedback(data: DataFile) -> list[Feedback]:
    factors = _grouped(
        data, "SELECT feedback_id, factor FROM feedback_factor ORDER BY feedback_id, position"
    )
    tags = _grouped(
        data, "SELECT feedback_id, tag FROM feedback_tag ORDER BY feedback_id, position"
    )
    result = []
    for row in data.execute(
        "SELECT id, date, kind, source_name, relationship, contact_id, situation, behavior, "
        "impact, text, reflection, action_plan, follow_up_on, followed_up_on, follow_up_note, "
        "goal_id FROM feedback ORDER BY seq"
    ):
        feedback_id = row[0]
        result.append(
            Feedback(
                id=feedback_id,
                date=_day(row[1]),
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
                follow_up_on=_date(row[12]),
                followed_up_on=_date(row[13]),
                follow_up_note=row[14],
                factors=tuple(Factor(f) for (f,) in factors.get(feedback_id, ())),
                goal=row[15],
                tags=tuple(t for (t,) in tags.get(feedback_id, ())),
            )
        )
    return result


def _contacts(data: DataFile) -> list[Contact]:
    tags = _grouped(data, "SELECT contact_id, tag FROM contact_tag ORDER BY contact_id, position")
    interactions = _grouped(
        data,
        "SELECT contact_id, uid, date, kind, event_id, notes, follow_up_on FROM interaction "
        "ORDER BY contact_id, position",
    )
    result = []
    for row in data.execute(
        "SELECT id, name, company, role, email, phone, linkedin_url, how_met, notes, met_on, "
        "reconnect_every_days FROM contact ORDER BY seq"
    ):
        contact_id = row[0]
        result.append(
            Contact(
                id=contact_id,
                name=row[1],
                company=row[2],
                role=row[3],
                email=row[4],
                phone=row[5],
                linkedin_url=row[6],
                how_met=row[7],
                notes=row[8],
                met_on=_date(row[9]),
                tags=tuple(t for (t,) in tags.get(contact_id, ())),
                reconnect_every_days=row[10],
                interactions=tuple(
                    Interaction(uid, _day(day), InteractionKind(kind), event, notes, _date(fu))
                    for uid, day, kind, event, notes, fu in interactions.get(contact_id, ())
                ),
            )
        )
    return result


def _events(data: DataFile) -> list[Event]:
    return [
        Event(id=row[0], name=row[1], date=_day(row[2]), location=row[3], notes=row[4], goal=row[5])
        for row in data.execute(
            "SELECT id, name, date, location, notes, goal_id FROM event ORDER BY seq"
        )
    ]
