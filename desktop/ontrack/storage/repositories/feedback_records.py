"""Whole feedback entries (with factors and tags): read one, save one, delete one and put it
back; and the names the Journal's editor offers (contacts, goals, tags already in use)."""

from __future__ import annotations

from ...domain.enums import GoalStatus
from ...domain.journal import Feedback
from ...domain.removed import RemovedFeedback
from ..connection import DataFile
from ..orm import run, value
from ..rows import FEEDBACK_FIELDS, feedback_from_row
from ..schema import ContactRow, FeedbackFactorRow, FeedbackRow, FeedbackTagRow, GoalRow


def load_feedback(data: DataFile, feedback_id: str) -> Feedback | None:
    query = FeedbackRow.select(*FEEDBACK_FIELDS).where(FeedbackRow.id == feedback_id)
    row = run(data, query).fetchone()
    if row is None:
        return None
    factors = run(
        data,
        FeedbackFactorRow.select(FeedbackFactorRow.factor)
        .where(FeedbackFactorRow.feedback == feedback_id)
        .order_by(FeedbackFactorRow.position),
    ).fetchall()
    tags = run(
        data,
        FeedbackTagRow.select(FeedbackTagRow.tag)
        .where(FeedbackTagRow.feedback == feedback_id)
        .order_by(FeedbackTagRow.position),
    ).fetchall()
    return feedback_from_row(row, factors, tags)


def save_feedback(data: DataFile, feedback: Feedback, position: int | None = None) -> None:
    """Insert or replace `feedback` with its factors and tags; a new entry goes last, or at
    `position` (its place in the canonical order) when given, as when undoing a delete."""
    from ...domain.dataset import Dataset
    from ..dataset_write import merge_dataset  # the one place that writes feedback rows

    with data.transaction():
        merge_dataset(data, Dataset(feedback=(feedback,)), with_profile=False)
        if position is not None:
            run(data, FeedbackRow.update(seq=position).where(FeedbackRow.id == feedback.id))


def delete_feedback(data: DataFile, feedback_id: str) -> RemovedFeedback | None:
    """Delete an entry (its factors and tags go with it)."""
    with data.transaction():
        feedback = load_feedback(data, feedback_id)
        if feedback is None:
            return None
        seq = value(data, FeedbackRow.select(FeedbackRow.seq).where(FeedbackRow.id == feedback_id))
        run(data, FeedbackRow.delete().where(FeedbackRow.id == feedback_id))
    return RemovedFeedback(feedback, int(seq))


def restore_feedback(data: DataFile, removed: RemovedFeedback) -> None:
    save_feedback(data, removed.feedback, removed.position)


def exists(data: DataFile, table: str, record_id: str) -> bool:
    keys = {"contact": ContactRow.id, "goal": GoalRow.id}
    if table not in keys:
        raise ValueError(table)
    key = keys[table]
    return value(data, key.model.select(key).where(key == record_id)) is not None


def contact_names(data: DataFile) -> list[tuple[str, str]]:
    """(id, name) of every contact, by name: what "who" completes from."""
    c = ContactRow
    query = c.select(c.id, c.name).order_by(c.name.collate("NOCASE"), c.seq)
    return [(r[0], r[1]) for r in run(data, query)]


CLOSED_STATUSES = tuple(status.value for status in GoalStatus if status.is_closed)


def goal_titles(data: DataFile) -> list[tuple[str, str]]:
    """(id, title) of every goal, open goals first, then by title."""
    g = GoalRow
    query = g.select(g.id, g.title).order_by(
        g.status.in_(CLOSED_STATUSES), g.title.collate("NOCASE"), g.seq
    )
    return [(r[0], r[1]) for r in run(data, query)]


def tags_in_use(data: DataFile) -> list[str]:
    t = FeedbackTagRow.tag
    query = FeedbackTagRow.select(t).distinct().order_by(t.collate("NOCASE"))
    return [r[0] for r in run(data, query)]
