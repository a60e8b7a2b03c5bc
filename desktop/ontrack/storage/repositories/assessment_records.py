"""Whole assessments (answers, raters, reflections): read one, save one, delete one and
put it back, and find the draft to resume or the assessment to compare with."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from ...domain.assessment import Answer, Assessment, Rater, Reflections
from ...domain.enums import AssessmentStatus, Relationship
from ..connection import DataFile
from ..orm import Prepared, each_of, listed, run, value
from ..schema import AnswerRow, AssessmentRow, RaterRow
from .rater_details import with_details


@dataclass(frozen=True, slots=True)
class RemovedAssessment:
    """A deleted assessment and its place in the list, so that undo can put it back."""

    assessment: Assessment
    position: int


_A, _X, _R = AssessmentRow, AnswerRow, RaterRow
_OWN_ANSWERS = Prepared(
    lambda assessment_id: (
        _X.select(_X.statement, _X.rating)
        .where(_X.assessment == assessment_id, _X.rater.is_null())
        .order_by(_X.position)
    )
)
_RATER_ANSWERS = Prepared(
    lambda rater_pk: (
        _X.select(_X.statement, _X.rating).where(_X.rater == rater_pk).order_by(_X.position)
    )
)
_ASSESSMENT = Prepared(
    lambda assessment_id: _A.select(
        _A.id, _A.taken_on, _A.status, _A.current_role, _A.target_role, _A.skills_enjoyed,
        _A.feedback_received, _A.learning_to_pursue, _A.notes,
    ).where(_A.id == assessment_id)
)  # fmt: skip
_RATERS = Prepared(
    lambda assessment_id: (
        _R.select(_R.pk, _R.name, _R.relationship)
        .where(_R.assessment == assessment_id)
        .order_by(_R.position)
    )
)
_SEQ = Prepared(lambda assessment_id: _A.select(_A.seq).where(_A.id == assessment_id))
_MOVE = Prepared(lambda seq, assessment_id: _A.update(seq=seq).where(_A.id == assessment_id))
_DELETE = Prepared(lambda assessment_id: _A.delete().where(_A.id == assessment_id))
_LATEST = Prepared(
    lambda status: (
        _A.select(_A.id)
        .where(_A.status == status)
        .order_by(_A.taken_on.desc(), _A.seq.desc())
        .limit(1)
    )
)


def _previous(assessment_id: Any) -> Any:
    a, b = _A.alias("a"), _A.alias("b")
    earlier = (b.taken_on < a.taken_on) | ((b.taken_on == a.taken_on) & (b.seq < a.seq))
    return (
        a.select(b.id)
        .join(b, on=(b.status == AssessmentStatus.COMPLETE.value) & (b.id != a.id) & earlier)
        .where(a.id == assessment_id)
        .order_by(b.taken_on.desc(), b.seq.desc())
        .limit(1)
    )


_PREVIOUS = Prepared(_previous)
_CHOICES = Prepared(
    lambda: _A.select(_A.id, _A.taken_on, _A.status, _A.current_role, _A.target_role).order_by(
        _A.taken_on.desc(), _A.seq.desc()
    )
)
_OWN_ANSWERS_OF = Prepared(
    lambda ids: (
        _X.select(_X.assessment, _X.statement, _X.rating)
        .where(_X.rater.is_null(), _X.assessment.in_(each_of(ids)))
        .order_by(_X.assessment, _X.position)
    )
)


def _answers(data: DataFile, assessment_id: str, rater_pk: int | None) -> tuple[Answer, ...]:
    if rater_pk is None:
        rows = run(data, _OWN_ANSWERS(assessment_id))
    else:
        rows = run(data, _RATER_ANSWERS(rater_pk))
    return tuple(Answer(statement, rating) for statement, rating in rows)


def load_assessment(data: DataFile, assessment_id: str) -> Assessment | None:
    with data.snapshot():
        row = run(data, _ASSESSMENT(assessment_id)).fetchone()
        if row is None:
            return None
        raters = with_details(
            data,
            [
                (pk, Rater(name, Relationship(relationship), _answers(data, assessment_id, pk)))
                for pk, name, relationship in run(data, _RATERS(assessment_id)).fetchall()
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
            run(data, _MOVE(position, assessment.id))


def delete_assessment(data: DataFile, assessment_id: str) -> RemovedAssessment | None:
    """Delete an assessment; its answers and raters go with it."""
    with data.transaction():
        assessment = load_assessment(data, assessment_id)
        if assessment is None:
            return None
        seq = value(data, _SEQ(assessment_id))
        run(data, _DELETE(assessment_id))
    return RemovedAssessment(assessment, int(seq))


def restore_assessment(data: DataFile, removed: RemovedAssessment) -> None:
    save_assessment(data, removed.assessment, removed.position)


def _latest(data: DataFile, status: AssessmentStatus) -> str | None:
    found = value(data, _LATEST(status.value))
    return None if found is None else str(found)


def latest_draft_id(data: DataFile) -> str | None:
    """The most recently started draft, if any."""
    return _latest(data, AssessmentStatus.DRAFT)


def latest_complete_id(data: DataFile) -> str | None:
    return _latest(data, AssessmentStatus.COMPLETE)


def previous_complete_id(data: DataFile, assessment_id: str) -> str | None:
    """The complete assessment taken just before this one (the one to compare with)."""
    found = value(data, _PREVIOUS(assessment_id))
    return None if found is None else str(found)


def choices(data: DataFile) -> list[tuple[str, date, AssessmentStatus, str, str]]:
    """Every assessment as (id, taken_on, status, current_role, target_role), newest first
    (for pickers such as the comparison's)."""
    return [
        (r[0], date.fromisoformat(r[1]), AssessmentStatus(r[2]), r[3], r[4])
        for r in run(data, _CHOICES())
    ]


def own_answers(data: DataFile, assessment_ids: list[str]) -> dict[str, tuple[Answer, ...]]:
    """The person's own answers of each of these assessments (for scores in lists)."""
    found: dict[str, list[Answer]] = {uid: [] for uid in assessment_ids}
    for uid, statement, rating in run(data, _OWN_ANSWERS_OF(listed(assessment_ids))):
        found[uid].append(Answer(statement, rating))
    return {uid: tuple(answers) for uid, answers in found.items()}
