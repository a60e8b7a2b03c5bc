"""Goal use cases: create, change, delete and restore goals, and add action steps to them.

Each method is one transaction and announces what changed. Methods return what undo needs.
"""

from __future__ import annotations

from dataclasses import replace

from ..domain.goals import Goal, Step
from ..domain.ids import new_id
from ..storage.repositories import goal_records
from ..storage.repositories.goal_records import RemovedGoal
from .change import Change, Topic
from .context import ServiceContext


class GoalNotFoundError(LookupError):
    """The goal is not (or no longer) in the data file."""


class GoalService:
    def __init__(self, context: ServiceContext) -> None:
        self._context = context

    def get(self, goal_id: str) -> Goal:
        goal = goal_records.load_goal(self._context.data, goal_id)
        if goal is None:
            raise GoalNotFoundError(goal_id)
        return goal

    def create(self, goal: Goal) -> Goal:
        """Save a new goal; fills in `id` (if empty) and `created_on` (if unset)."""
        goal = replace(
            goal,
            id=goal.id or new_id(),
            created_on=goal.created_on or self._context.clock.today(),
        )
        goal_records.save_goal(self._context.data, goal)
        self._announce(goal.id)
        return goal

    def save(self, goal: Goal) -> Goal:
        """Replace a goal with a changed version of itself; returns the version it replaced."""
        data = self._context.data
        with data.transaction():
            old = goal_records.load_goal(data, goal.id)
            if old is None:
                raise GoalNotFoundError(goal.id)
            goal_records.save_goal(data, goal)
        self._announce(goal.id)
        return old

    def delete(self, goal_id: str) -> RemovedGoal:
        removed = goal_records.delete_goal(self._context.data, goal_id)
        if removed is None:
            raise GoalNotFoundError(goal_id)
        self._announce(goal_id, links=True)
        return removed

    def restore(self, removed: RemovedGoal) -> None:
        goal_records.restore_goal(self._context.data, removed)
        self._announce(removed.goal.id, links=True)

    def add_step(self, goal_id: str, step: Step, position: int | None = None) -> int:
        """Append `step` (or insert it at `position`); returns where it went."""
        data = self._context.data
        with data.transaction():
            goal = self.get(goal_id)
            steps = list(goal.steps)
            where = len(steps) if position is None else max(0, min(position, len(steps)))
            steps.insert(where, step)
            goal_records.save_goal(data, replace(goal, steps=tuple(steps)))
        self._announce(goal_id)
        return where

    def remove_step(self, goal_id: str, step_id: str) -> None:
        data = self._context.data
        with data.transaction():
            goal = self.get(goal_id)
            steps = tuple(s for s in goal.steps if s.id != step_id)
            goal_records.save_goal(data, replace(goal, steps=steps))
        self._announce(goal_id)

    def _announce(self, goal_id: str, links: bool = False) -> None:
        # Deleting or restoring a goal changes the feedback and events that link to it.
        topics = (Topic.GOALS, Topic.FEEDBACK, Topic.EVENTS) if links else (Topic.GOALS,)
        self._context.notifier.announce(Change.of(*topics, ids=(goal_id,)))
