"""Whole goals (with steps and check-ins): read one, save one, delete one and put it back."""

from __future__ import annotations

from ...domain.goals import Goal
from ...domain.removed import RemovedGoal
from ..connection import DataFile
from ..rows import CHECKIN_COLUMNS, GOAL_COLUMNS, STEP_COLUMNS, goal_from_row


def load_goal(data: DataFile, goal_id: str) -> Goal | None:
    row = data.execute(f"SELECT {GOAL_COLUMNS} FROM goal WHERE id = ?", (goal_id,)).fetchone()
    if row is None:
        return None
    steps = data.execute(
        f"SELECT {STEP_COLUMNS} FROM step WHERE goal_id = ? ORDER BY position", (goal_id,)
    )
    checkins = data.execute(
        f"SELECT {CHECKIN_COLUMNS} FROM checkin WHERE goal_id = ? ORDER BY position", (goal_id,)
    ).fetchall()
    return goal_from_row(row, steps.fetchall(), checkins)


def save_goal(data: DataFile, goal: Goal, position: int | None = None) -> None:
    """Insert or replace `goal` with its steps and check-ins; a new goal goes last, or at
    `position` (its place in the canonical order) when given, as when undoing a delete."""
    from ...domain.dataset import Dataset
    from ..dataset_write import merge_dataset  # the one place that writes goal rows in bulk

    with data.transaction():
        merge_dataset(data, Dataset(goals=(goal,)), with_profile=False)
        if position is not None:
            data.execute("UPDATE goal SET seq = ? WHERE id = ?", (position, goal.id))


def delete_goal(data: DataFile, goal_id: str) -> RemovedGoal | None:
    """Delete a goal (its steps and check-ins go with it); links to it are cleared."""
    with data.transaction():
        goal = load_goal(data, goal_id)
        if goal is None:
            return None
        position, by_hand = data.execute(
            "SELECT seq, status_by_hand FROM goal WHERE id = ?", (goal_id,)
        ).fetchone()
        feedback_ids = tuple(
            r[0] for r in data.execute("SELECT id FROM feedback WHERE goal_id = ?", (goal_id,))
        )
        event_ids = tuple(
            r[0] for r in data.execute("SELECT id FROM event WHERE goal_id = ?", (goal_id,))
        )
        data.execute("DELETE FROM goal WHERE id = ?", (goal_id,))
    return RemovedGoal(goal, int(position), feedback_ids, event_ids, bool(by_hand))


def restore_goal(data: DataFile, removed: RemovedGoal) -> None:
    """Undo a delete: the goal in its old place, and the links that pointed at it."""
    with data.transaction():
        save_goal(data, removed.goal, removed.position)
        data.execute(
            "UPDATE goal SET status_by_hand = ? WHERE id = ?",
            (int(removed.status_by_hand), removed.goal.id),
        )
        for feedback_id in removed.feedback_ids:
            data.execute(
                "UPDATE feedback SET goal_id = ? WHERE id = ?", (removed.goal.id, feedback_id)
            )
        for event_id in removed.event_ids:
            data.execute("UPDATE event SET goal_id = ? WHERE id = ?", (removed.goal.id, event_id))
