"""Whole feedback entries (with factors and tags): read one, save one, delete one and put it
back; and the names the Journal's editor offers (contacts, goals, tags already in use)."""

from __future__ import annotations

from ...domain.journal import Feedback
from ...domain.removed import RemovedFeedback
from ..connection import DataFile
from ..rows import FEEDBACK_COLUMNS, feedback_from_row


def load_feedback(data: DataFile, feedback_id: str) -> Feedback | None:
    sql = f"SELECT {FEEDBACK_COLUMNS} FROM feedback WHERE id = ?"
    row = data.execute(sql, (feedback_id,)).fetchone()
    if row is None:
        return None
    factors = data.execute(
        "SELECT factor FROM feedback_factor WHERE feedback_id = ? ORDER BY position",
        (feedback_id,),
    ).fetchall()
    tags = data.execute(
        "SELECT tag FROM feedback_tag WHERE feedback_id = ? ORDER BY position", (feedback_id,)
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
            data.execute("UPDATE feedback SET seq = ? WHERE id = ?", (position, feedback.id))


def delete_feedback(data: DataFile, feedback_id: str) -> RemovedFeedback | None:
    """Delete an entry (its factors and tags go with it)."""
    with data.transaction():
        feedback = load_feedback(data, feedback_id)
        if feedback is None:
            return None
        position = data.execute("SELECT seq FROM feedback WHERE id = ?", (feedback_id,))
        seq = int(position.fetchone()[0])
        data.execute("DELETE FROM feedback WHERE id = ?", (feedback_id,))
    return RemovedFeedback(feedback, seq)


def restore_feedback(data: DataFile, removed: RemovedFeedback) -> None:
    save_feedback(data, removed.feedback, removed.position)


def exists(data: DataFile, table: str, record_id: str) -> bool:
    if table not in ("contact", "goal"):
        raise ValueError(table)
    return data.execute(f"SELECT 1 FROM {table} WHERE id = ?", (record_id,)).fetchone() is not None


def contact_names(data: DataFile) -> list[tuple[str, str]]:
    """(id, name) of every contact, by name: what "who" completes from."""
    sql = "SELECT id, name FROM contact ORDER BY name COLLATE NOCASE, seq"
    return [(r[0], r[1]) for r in data.execute(sql)]


def goal_titles(data: DataFile) -> list[tuple[str, str]]:
    """(id, title) of every goal, open goals first, then by title."""
    sql = (
        "SELECT id, title FROM goal "
        "ORDER BY status IN ('done', 'dropped'), title COLLATE NOCASE, seq"
    )
    return [(r[0], r[1]) for r in data.execute(sql)]


def tags_in_use(data: DataFile) -> list[str]:
    sql = "SELECT DISTINCT tag FROM feedback_tag ORDER BY tag COLLATE NOCASE"
    return [r[0] for r in data.execute(sql)]
