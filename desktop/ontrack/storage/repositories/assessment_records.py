"""Whole assessments (answers, raters, reflections): read one, save one, delete one and
put it back, and find the draft to resume or the assessment to compare with."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from peewee import chunked

from ...domain.assessment import Answer, Assessment, Rater, Reflections
from ...domain.enums import AssessmentStatus, Relationship
from ..connection import DataFile
from ..orm import run, value
from ..schema import AnswerRow, AssessmentRow, RaterRow


@dataclass(frozen=True, slots=True)
class RemovedAssessment:
    """A deleted assessment and its place in the list, so that undo can put it back."""

    assessment: Assessment
    position: int


_A = AssessmentRow


def _answers(data: DataFile, assessment_id: str, rater_pk: int | None) -> tuple[Answer, ...]:
    query = AnswerRow.select(AnswerRow.statement, AnswerRow.rating).order_by(AnswerRow.position)
    if rater_pk is None:
        query = query.where(AnswerRow.assessment == assessment_id, AnswerRow.rater.is_null())
    else:
        query = query.where(AnswerRow.rater == rater_pk)
    return tuple(Answer(statement, rating) for statement, rating in run(data, query))


def load_assessment(data: DataFile, assessment_id: str) -> Assessment | None:
    with data.snapshot():
        row = run(
            data,
            _A.select(
                _A.id, _A.taken_on, _A.status, _A.current_role, _A.target_role,
                _A.skills_enjoyed, _A.feedback_received, _A.learning_to_pursue, _A.notes,
            ).where(_A.id == assessment_id),
        ).fetchone()  # fmt: skip
        if row is None:
            return None
        r = RaterRow
        raters = tuple(
            Rater(name, Relationship(relationship), _answers(data, assessment_id, pk))
            for pk, name, relationship in run(
                data,
                r.select(r.pk, r.name, r.relationship)
                .where(r.assessment == assessment_id)
                .order_by(r.position),
            ).fetchall()
        )
        return Assessment(
            id=row[0],
            taken_on=date.fromisoformat(row[1]),
            status=AssessmentStatus(row[2]),
            current_role=row[3],
            target_role=row[4],
            answers=_answers(data, assessment_id, None),
            reflections=Reflections(*row[5:9]),
            raters=raters,
        )


def save_assessment(data: DataFile, assessment: Assessment, position: int | None = None) -> None:
    """Insert or replace `assessment` whole; a new one goes last, or at `position` (its
    place in the list) when given, as when undoing a delete."""
    from ...domain.dataset import Dataset
    from ..dataset_write import merge_dataset  # the one place that writes assessment rows

    with data.transaction():
        merge_dataset(data, Dataset(assessments=(assessment,)), with_profile=False)
        if position is not None:
            run(data, _A.update(seq=position).where(_A.id == assessment.id))


def delete_assessment(data: DataFile, assessment_id: str) -> RemovedAssessment | None:
    """Delete an assessment; its answers and raters go with it."""
    with data.transaction():
        assessment = load_assessment(data, assessment_id)
        if assessment is None:
            return None
        seq = value(data, _A.select(_A.seq).where(_A.id == assessment_id))
        run(data, _A.delete().where(_A.id == assessment_id))
    return RemovedAssessment(assessment, int(seq))


def restore_assessment(data: DataFile, removed: RemovedAssessment) -> None:
    save_assessment(data, removed.assessment, removed.position)


def _latest(data: DataFile, status: AssessmentStatus) -> str | None:
    query = _A.select(_A.id).where(_A.status == status.value)
    found = value(data, query.order_by(_A.taken_on.desc(), _A.seq.desc()).limit(1))
    return None if found is None else str(found)


def latest_draft_id(data: DataFile) -> str | None:
    """The most recently started draft, if any."""
    return _latest(data, AssessmentStatus.DRAFT)


def latest_complete_id(data: DataFile) -> str | None:
    return _latest(data, AssessmentStatus.COMPLETE)


def previous_complete_id(data: DataFile, assessment_id: str) -> str | None:
    """The complete assessment taken just before this one (the one to compare with)."""
    a, b = _A.alias("a"), _A.alias("b")
    earlier = (b.taken_on < a.taken_on) | ((b.taken_on == a.taken_on) & (b.seq < a.seq))
    query = (
        a.select(b.id)
        .join(b, on=(b.status == AssessmentStatus.COMPLETE.value) & (b.id != a.id) & earlier)
        .where(a.id == assessment_id)
        .order_by(b.taken_on.desc(), b.seq.desc())
        .limit(1)
    )
    found = value(data, query)
    return None if found is None else str(found)


def choices(data: DataFile) -> list[tuple[str, date, AssessmentStatus, str, str]]:
    """Every assessment as (id, taken_on, status, current_role, target_role), newest first
    (for pickers such as the comparison's)."""
    query = _A.select(_A.id, _A.taken_on, _A.status, _A.current_role, _A.target_role)
    return [
        (r[0], date.fromisoformat(r[1]), AssessmentStatus(r[2]), r[3], r[4])
        for r in run(data, query.order_by(_A.taken_on.desc(), _A.seq.desc()))
    ]


def own_answers(data: DataFile, assessment_ids: list[str]) -> dict[str, tuple[Answer, ...]]:
    """The person's own answers of each of these assessments (for scores in lists)."""
    x = AnswerRow
    found: dict[str, list[Answer]] = {uid: [] for uid in assessment_ids}
    for chunk in chunked(assessment_ids, 500):
        query = (
            x.select(x.assessment, x.statement, x.rating)
            .where(x.rater.is_null(), x.assessment.in_(chunk))
            .order_by(x.assessment, x.position)
        )
        for uid, statement, rating in run(data, query):
            found[uid].append(Answer(statement, rating))
    return {uid: tuple(answers) for uid, answers in found.items()}
