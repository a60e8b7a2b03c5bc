"""Whole goals (with steps and check-ins): read one, save one, delete one and put it back."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...domain.goals import Goal
from ..connection import DataFile
from ..orm import Prepared, each_of, listed, run
from ..rows import CHECKIN_FIELDS, GOAL_FIELDS, STEP_FIELDS, goal_from_row
from ..schema import CheckInRow, EventRow, FeedbackRow, GoalRow, StepRow

if TYPE_CHECKING:
    from ...domain.removed import RemovedGoal

_G, _F, _E = GoalRow, FeedbackRow, EventRow
_GOAL = Prepared(lambda goal_id: _G.select(*GOAL_FIELDS).where(_G.id == goal_id))
_STEPS = Prepared(
    lambda goal_id: (
        StepRow.select(*STEP_FIELDS).where(StepRow.goal == goal_id).order_by(StepRow.position)
    )
)
_CHECKINS = Prepared(
    lambda goal_id: (
        CheckInRow.select(*CHECKIN_FIELDS)
        .where(CheckInRow.goal == goal_id)
        .order_by(CheckInRow.position)
    )
)
_PLACE = Prepared(lambda goal_id: _G.select(_G.seq, _G.status_by_hand).where(_G.id == goal_id))
_MOVE = Prepared(lambda seq, goal_id: _G.update(seq=seq).where(_G.id == goal_id))
_BY_HAND = Prepared(
    lambda by_hand, goal_id: _G.update(status_by_hand=by_hand).where(_G.id == goal_id)
)
_DELETE = Prepared(lambda goal_id: _G.delete().where(_G.id == goal_id))
_FEEDBACK_OF = Prepared(lambda goal_id: _F.select(_F.id).where(_F.goal == goal_id))
_EVENTS_OF = Prepared(lambda goal_id: _E.select(_E.id).where(_E.goal == goal_id))
_RELINK_FEEDBACK = Prepared(
    lambda goal_id, ids: _F.update(goal=goal_id).where(_F.id.in_(each_of(ids)))
)
_RELINK_EVENTS = Prepared(
    lambda goal_id, ids: _E.update(goal=goal_id).where(_E.id.in_(each_of(ids)))
)


def load_goal(data: DataFile, goal_id: str) -> Goal | None:
    row = run(data, _GOAL(goal_id)).fetchone()
    if row is None:
        return None
    steps = run(data, _STEPS(goal_id)).fetchall()
    checkins = run(data, _CHECKINS(goal_id)).fetchall()
    return goal_from_row(row, steps, checkins)


def save_goal(data: DataFile, goal: Goal, position: int | None = None) -> None:
    """Insert or replace `goal` with its steps and check-ins; a new goal goes last, or at
    `position` (its place in the canonical order) when given, as when undoing a delete."""
    from ...domain.dataset import Dataset
    from ..dataset_write import merge_dataset  # the one place that writes goal rows in bulk

    with data.transaction():
        merge_dataset(data, Dataset(goals=(goal,)), with_profile=False)
        if position is not None:
            run(data, _MOVE(position, goal.id))


def delete_goal(data: DataFile, goal_id: str) -> RemovedGoal | None:
    """Delete a goal (its steps and check-ins go with it); links to it are cleared."""
    with data.transaction():
        goal = load_goal(data, goal_id)
        if goal is None:
            return None
        position, by_hand = run(data, _PLACE(goal_id)).fetchone()
        feedback_ids = tuple(r[0] for r in run(data, _FEEDBACK_OF(goal_id)))
        event_ids = tuple(r[0] for r in run(data, _EVENTS_OF(goal_id)))
        run(data, _DELETE(goal_id))
    from ...domain.removed import RemovedGoal  # with the goals, journal and network kinds

    return RemovedGoal(goal, int(position), feedback_ids, event_ids, bool(by_hand))


def restore_goal(data: DataFile, removed: RemovedGoal) -> None:
    """Undo a delete: the goal in its old place, and the links that pointed at it."""
    goal_id = removed.goal.id
    with data.transaction():
        save_goal(data, removed.goal, removed.position)
        run(data, _BY_HAND(int(removed.status_by_hand), goal_id))
        run(data, _RELINK_FEEDBACK(goal_id, listed(removed.feedback_ids)))
        run(data, _RELINK_EVENTS(goal_id, listed(removed.event_ids)))
