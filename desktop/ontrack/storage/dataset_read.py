"""Reading the whole data file back as one Dataset, in canonical order (for export, reports).

Plain SQL with one query per table and grouping in Python: a ten-year file (about 150,000
rows) loads in well under a second, where per-object ORM access would take many.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from pathlib import Path
from typing import Any

from ..domain.assessment import Answer, Assessment, Rater, Reflections
from ..domain.dataset import Dataset, Profile
from ..domain.enums import (
    AssessmentStatus,
    Relationship,
)
from ..domain.goals import Goal
from ..domain.journal import Feedback
from ..domain.network import Contact, Event
from .connection import DataFile, connect_read_only
from .repositories.rater_details import with_details
from .rows import (
    CHECKIN_COLUMNS,
    CONTACT_COLUMNS,
    FEEDBACK_COLUMNS,
    GOAL_COLUMNS,
    INTERACTION_COLUMNS,
    STEP_COLUMNS,
    contact_from_row,
    feedback_from_row,
    goal_from_row,
)


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
    connection = connect_read_only(path)
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
    found: list[tuple[object, int, Rater]] = []
    for assessment_id, pk, name, relationship in data.execute(
        "SELECT assessment_id, pk, name, relationship FROM rater ORDER BY assessment_id, position"
    ):
        answers = tuple(Answer(s, r) for s, r in rater_answers.get(pk, ()))
        found.append((assessment_id, pk, Rater(name, Relationship(relationship), answers)))
    detailed = with_details(data, [(pk, rater) for _, pk, rater in found])
    raters: defaultdict[object, list[Rater]] = defaultdict(list)
    for (assessment_id, _, _), rater in zip(found, detailed, strict=True):
        raters[assessment_id].append(rater)
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
    steps = _grouped(data, f"SELECT goal_id, {STEP_COLUMNS} FROM step ORDER BY goal_id, position")
    checkins = _grouped(
        data, f"SELECT goal_id, {CHECKIN_COLUMNS} FROM checkin ORDER BY goal_id, position"
    )
    return [
        goal_from_row(row, steps.get(row[0], ()), checkins.get(row[0], ()))
        for row in data.execute(f"SELECT {GOAL_COLUMNS} FROM goal ORDER BY seq")
    ]


def _feedback(data: DataFile) -> list[Feedback]:
    factors = _grouped(
        data, "SELECT feedback_id, factor FROM feedback_factor ORDER BY feedback_id, position"
    )
    tags = _grouped(
        data, "SELECT feedback_id, tag FROM feedback_tag ORDER BY feedback_id, position"
    )
    return [
        feedback_from_row(row, factors.get(row[0], ()), tags.get(row[0], ()))
        for row in data.execute(f"SELECT {FEEDBACK_COLUMNS} FROM feedback ORDER BY seq")
    ]


def _contacts(data: DataFile) -> list[Contact]:
    tags = _grouped(data, "SELECT contact_id, tag FROM contact_tag ORDER BY contact_id, position")
    interactions = _grouped(
        data,
        f"SELECT contact_id, {INTERACTION_COLUMNS} FROM interaction ORDER BY contact_id, position",
    )
    return [
        contact_from_row(row, tags.get(row[0], ()), interactions.get(row[0], ()))
        for row in data.execute(f"SELECT {CONTACT_COLUMNS} FROM contact ORDER BY seq")
    ]


def _events(data: DataFile) -> list[Event]:
    return [
        Event(id=row[0], name=row[1], date=_day(row[2]), location=row[3], notes=row[4], goal=row[5])
        for row in data.execute(
            "SELECT id, name, date, location, notes, goal_id FROM event ORDER BY seq"
        )
    ]
