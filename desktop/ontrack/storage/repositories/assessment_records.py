"""Whole assessments (answers, raters, reflections): read one, save one, delete one and
put it back, and find the draft to resume or the assessment to compare with."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ...domain.assessment import Answer, Assessment, Rater, Reflections
from ...domain.enums import AssessmentStatus, Relationship
from ..connection import DataFile
from .rater_details import with_details


@dataclass(frozen=True, slots=True)
class RemovedAssessment:
    """A deleted assessment and its place in the list, so that undo can put it back."""

    assessment: Assessment
    position: int


def _answers(data: DataFile, assessment_id: str, rater_pk: int | None) -> tuple[Answer, ...]:
    if rater_pk is None:
        rows = data.execute(
            "SELECT statement, rating FROM answer WHERE assessment_id = ? AND rater_pk IS NULL "
            "ORDER BY position",
            (assessment_id,),
        )
    else:
        rows = data.execute(
            "SELECT statement, rating FROM answer WHERE rater_pk = ? ORDER BY position",
            (rater_pk,),
        )
    return tuple(Answer(statement, rating) for statement, rating in rows)


def load_assessment(data: DataFile, assessment_id: str) -> Assessment | None:
    with data.snapshot():
        row = data.execute(
            "SELECT id, taken_on, status, current_role, target_role, skills_enjoyed, "
            "feedback_received, learning_to_pursue, notes FROM assessment WHERE id = ?",
            (assessment_id,),
        ).fetchone()
        if row is None:
            return None
        raters = with_details(
            data,
            [
                (pk, Rater(name, Relationship(relationship), _answers(data, assessment_id, pk)))
                for pk, name, relationship in data.execute(
                    "SELECT pk, name, relationship FROM rater WHERE assessment_id = ? "
                    "ORDER BY position",
                    (assessment_id,),
                ).fetchall()
            ],
        )
        return Assessment(
            id=row[0],
            taken_on=date.fromisoformat(row[1]),
            status=AssessmentStatus(row[2]),
            current_role=row[3],
            target_role=row[4],
            answers=_answers(data, assessment_id, None),
            reflections=Reflections(*row[5:9]),
            raters=tuple(raters),
        )


def save_assessment(data: DataFile, assessment: Assessment, position: int | None = None) -> None:
    """Insert or replace `assessment` whole; a new one goes last, or at `position` (its
    place in the list) when given, as when undoing a delete."""
    from ...domain.dataset import Dataset
    from ..dataset_write import merge_dataset  # the one place that writes assessment rows

    with data.transaction():
        merge_dataset(data, Dataset(assessments=(assessment,)), with_profile=False)
        if position is not None:
            data.execute("UPDATE assessment SET seq = ? WHERE id = ?", (position, assessment.id))


def delete_assessment(data: DataFile, assessment_id: str) -> RemovedAssessment | None:
    """Delete an assessment; its answers and raters go with it."""
    with data.transaction():
        assessment = load_assessment(data, assessment_id)
        if assessment is None:
            return None
        seq = data.execute("SELECT seq FROM assessment WHERE id = ?", (assessment_id,)).fetchone()
        data.execute("DELETE FROM assessment WHERE id = ?", (assessment_id,))
    return RemovedAssessment(assessment, int(seq[0]))


def restore_assessment(data: DataFile, removed: RemovedAssessment) -> None:
    save_assessment(data, removed.assessment, removed.position)


def latest_draft_id(data: DataFile) -> str | None:
    """The most recently started draft, if any."""
    row = data.execute(
        "SELECT id FROM assessment WHERE status = ? ORDER BY taken_on DESC, seq DESC LIMIT 1",
        (AssessmentStatus.DRAFT.value,),
    ).fetchone()
    return None if row is None else str(row[0])


def latest_complete_id(data: DataFile) -> str | None:
    row = data.execute(
        "SELECT id FROM assessment WHERE status = ? ORDER BY taken_on DESC, seq DESC LIMIT 1",
        (AssessmentStatus.COMPLETE.value,),
    ).fetchone()
    return None if row is None else str(row[0])


def previous_complete_id(data: DataFile, assessment_id: str) -> str | None:
    """The complete assessment taken just before this one (the one to compare with)."""
    row = data.execute(
        "SELECT b.id FROM assessment a JOIN assessment b ON b.status = ? AND b.id != a.id "
        "AND (b.taken_on < a.taken_on OR (b.taken_on = a.taken_on AND b.seq < a.seq)) "
        "WHERE a.id = ? ORDER BY b.taken_on DESC, b.seq DESC LIMIT 1",
        (AssessmentStatus.COMPLETE.value, assessment_id),
    ).fetchone()
    return None if row is None else str(row[0])


def choices(data: DataFile) -> list[tuple[str, date, AssessmentStatus, str, str]]:
    """Every assessment as (id, taken_on, status, current_role, target_role), newest first
    (for pickers such as the comparison's)."""
    return [
        (r[0], date.fromisoformat(r[1]), AssessmentStatus(r[2]), r[3], r[4])
        for r in data.execute(
            "SELECT id, taken_on, status, current_role, target_role FROM assessment "
            "ORDER BY taken_on DESC, seq DESC"
        )
    ]


def own_answers(data: DataFile, assessment_ids: list[str]) -> dict[str, tuple[Answer, ...]]:
    """The person's own answers of each of these assessments (for scores in lists)."""
    found: dict[str, list[Answer]] = {uid: [] for uid in assessment_ids}
    for start in range(0, len(assessment_ids), 500):
        chunk = assessment_ids[start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        for uid, statement, rating in data.execute(
            "SELECT assessment_id, statement, rating FROM answer "
            f"WHERE rater_pk IS NULL AND assessment_id IN ({marks}) "
            "ORDER BY assessment_id, position",
            chunk,
        ):
            found[uid].append(Answer(statement, rating))
    return {uid: tuple(answers) for uid, answers in found.items()}
