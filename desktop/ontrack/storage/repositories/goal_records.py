"""Whole goals (with steps and check-ins): read one, save one, delete one and put it back."""

from __future__ import annotations

from ...domain.goals import Goal
from ...domain.removed import RemovedGoal
from ..connection import DataFile
from ..orm import run
from ..rows import CHECKIN_FIELDS, GOAL_FIELDS, STEP_FIELDS, goal_from_row
from ..schema import CheckInRow, EventRow, FeedbackRow, GoalRow, StepRow


def load_goal(data: DataFile, goal_id: str) -> Goal | None:
    row = run(data, GoalRow.select(*GOAL_FIELDS).where(GoalRow.id == goal_id)).fetchone()
    if row is None:
        return None
    steps = run(
        data, StepRow.select(*STEP_FIELDS).where(StepRow.goal == goal_id).order_by(StepRow.position)
    ).fetchall()
    checkins = run(
        data,
        CheckInRow.select(*CHECKIN_FIELDS)
        .where(CheckInRow.goal == goal_id)
        .order_by(CheckInRow.position),
    ).fetchall()
    return goal_from_row(row, steps, checkins)


def save_goal(data: DataFile, goal: Goal, position: int | None = None) -> None:
    """Insert or replace `goal` with its steps and check-ins; a new goal goes last, or at
    `position` (its place in the canonical order) when given, as when undoing a delete."""
    from ...domain.dataset import Dataset
    from ..dataset_write import merge_dataset  # the one place that writes goal rows in bulk

    with data.transaction():
        merge_dataset(data, Dataset(goals=(goal,)), with_profile=False)
        if position is not None:
            run(data, GoalRow.update(seq=position).where(GoalRow.id == goal.id))


def delete_goal(data: DataFile, goal_id: str) -> RemovedGoal | None:
    """Delete a goal (its steps and check-ins go with it); links to it are cleared."""
    with data.transaction():
        goal = load_goal(data, goal_id)
        if goal is None:
            return None
        position, by_hand = run(
            data, GoalRow.select(GoalRow.seq, GoalRow.status_by_hand).where(GoalRow.id == goal_id)
        ).fetchone()
        feedback_ids = tuple(
            r[0]
            for r in run(
                data, FeedbackRow.select(FeedbackRow.id).where(FeedbackRow.goal == goal_id)
            )
        )
        event_ids = tuple(
            r[0] for r in run(data, EventRow.select(EventRow.id).where(EventRow.goal == goal_id))
        )
        run(data, GoalRow.delete().where(GoalRow.id == goal_id))
    return RemovedGoal(goal, int(position), feedback_ids, event_ids, bool(by_hand))


def restore_goal(data: DataFile, removed: RemovedGoal) -> None:
    """Undo a delete: the goal in its old place, and the links that pointed at it."""
    goal_id = removed.goal.id
    with data.transaction():
        save_goal(data, removed.goal, removed.position)
        run(
            data,
            GoalRow.update(status_by_hand=removed.status_by_hand).where(GoalRow.id == goal_id),
        )
        if removed.feedback_ids:
            run(
                data,
                FeedbackRow.update(goal=goal_id).where(FeedbackRow.id.in_(removed.feedback_ids)),
            )
        if removed.event_ids:
            run(data, EventRow.update(goal=goal_id).where(EventRow.id.in_(removed.event_ids)))
