"""Whole feedback entries (with factors and tags): read one, save one, delete one and put it
back; and the names the Journal's editor offers (contacts, goals, tags already in use)."""

from __future__ import annotations

from ...domain.journal import Feedback
from ...domain.removed import RemovedFeedback
from ..connection import DataFile
from ..orm import Prepared, run, value
from ..rows import FEEDBACK_FIELDS, feedback_from_row
from ..schema import ContactRow, FeedbackFactorRow, FeedbackRow, FeedbackTagRow, GoalRow
from .open_goals import CLOSED_STATUSES

_F = FeedbackRow
_ENTRY = Prepared(lambda feedback_id: _F.select(*FEEDBACK_FIELDS).where(_F.id == feedback_id))
_FACTORS = Prepared(
    lambda feedback_id: (
        FeedbackFactorRow.select(FeedbackFactorRow.factor)
        .where(FeedbackFactorRow.feedback == feedback_id)
        .order_by(FeedbackFactorRow.position)
    )
)
_TAGS = Prepared(
    lambda feedback_id: (
        FeedbackTagRow.select(FeedbackTagRow.tag)
        .where(FeedbackTagRow.feedback == feedback_id)
        .order_by(FeedbackTagRow.position)
    )
)
_SEQ = Prepared(lambda feedback_id: _F.select(_F.seq).where(_F.id == feedback_id))
_MOVE = Prepared(lambda seq, feedback_id: _F.update(seq=seq).where(_F.id == feedback_id))
_DELETE = Prepared(lambda feedback_id: _F.delete().where(_F.id == feedback_id))


def load_feedback(data: DataFile, feedback_id: str) -> Feedback | None:
    row = run(data, _ENTRY(feedback_id)).fetchone()
    if row is None:
        return None
    factors = run(data, _FACTORS(feedback_id)).fetchall()
    tags = run(data, _TAGS(feedback_id)).fetchall()
    return feedback_from_row(row, factors, tags)


def save_feedback(data: DataFile, feedback: Feedback, position: int | None = None) -> None:
    """Insert or replace `feedback` with its factors and tags; a new entry goes last, or at
    `position` (its place in the canonical order) when given, as when undoing a delete."""
    from ...domain.dataset import Dataset
    from ..dataset_write import merge_dataset  # the one place that writes feedback rows

    with data.transaction():
        merge_dataset(data, Dataset(feedback=(feedback,)), with_profile=False)
        if position is not None:
            run(data, _MOVE(position, feedback.id))


def delete_feedback(data: DataFile, feedback_id: str) -> RemovedFeedback | None:
    """Delete an entry (its factors and tags go with it)."""
    with data.transaction():
        feedback = load_feedback(data, feedback_id)
        if feedback is None:
            return None
        seq = value(data, _SEQ(feedback_id))
        run(data, _DELETE(feedback_id))
    return RemovedFeedback(feedback, int(seq))


def restore_feedback(data: DataFile, removed: RemovedFeedback) -> None:
    save_feedback(data, removed.feedback, removed.position)


_EXISTS = {
    "contact": Prepared(
        lambda record_id: ContactRow.select(ContactRow.id).where(ContactRow.id == record_id)
    ),
    "goal": Prepared(lambda record_id: GoalRow.select(GoalRow.id).where(GoalRow.id == record_id)),
}
_CONTACT_NAMES = Prepared(
    lambda: ContactRow.select(ContactRow.id, ContactRow.name).order_by(
        ContactRow.name.collate("NOCASE"), ContactRow.seq
    )
)
_GOAL_TITLES = Prepared(
    lambda: GoalRow.select(GoalRow.id, GoalRow.title).order_by(
        GoalRow.status.in_(CLOSED_STATUSES), GoalRow.title.collate("NOCASE"), GoalRow.seq
    )
)
_TAGS_IN_USE = Prepared(
    lambda: (
        FeedbackTagRow.select(FeedbackTagRow.tag)
        .distinct()
        .order_by(FeedbackTagRow.tag.collate("NOCASE"))
    )
)


def exists(data: DataFile, table: str, record_id: str) -> bool:
    if table not in _EXISTS:
        raise ValueError(table)
    return value(data, _EXISTS[table](record_id)) is not None


def contact_names(data: DataFile) -> list[tuple[str, str]]:
    """(id, name) of every contact, by name: what "who" completes from."""
    return [(r[0], r[1]) for r in run(data, _CONTACT_NAMES())]


def goal_titles(data: DataFile) -> list[tuple[str, str]]:
    """(id, title) of every goal, open goals first, then by title."""
    return [(r[0], r[1]) for r in run(data, _GOAL_TITLES())]


def tags_in_use(data: DataFile) -> list[str]:
    return [r[0] for r in run(data, _TAGS_IN_USE())]
