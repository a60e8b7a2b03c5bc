"""Goal use cases: create, change, delete and restore goals, add action steps to them,
choose or clear a status by hand, and keep derived progress and suggested status in step.

Each method is one transaction and announces what changed. Methods return what undo needs.
Every write goes through `domain.goal_rules.settle`: progress follows the steps when there
are any, and the status follows the rules unless the person chose one by hand.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from ..domain import goal_rules
from ..domain.enums import GoalStatus
from ..domain.goal_items import GoalItem, GoalLink
from ..domain.goal_rules import StatusChoice
from ..domain.goals import Goal, Step
from ..domain.ids import new_id
from ..domain.rebase import rebase
from ..domain.validation import check_goal
from ..storage.repositories import goal_list
from .change import Change, Topic
from .context import ServiceContext

if TYPE_CHECKING:  # what a removal keeps; the first paint removes nothing
    from ..domain.removed import RemovedGoal

# Whole goals' reads and writes (storage.repositories.goal_records) are imported in the
# methods that use them: they bring the row mapping of every kind (journal, network),
# which the Overview's first paint, reading goal lists only, has no use for (#19).


class GoalNotFoundError(LookupError):
    """The goal is not (or no longer) in the data file."""


class GoalService:
    def __init__(self, context: ServiceContext) -> None:
        self._context = context

    def get(self, goal_id: str) -> Goal:
        from ..storage.repositories import goal_records

        goal = goal_records.load_goal(self._context.data, goal_id)
        if goal is None:
            raise GoalNotFoundError(goal_id)
        return goal

    def items(self) -> list[GoalItem]:
        """Every goal as a row of the goals table, in the order they were created."""
        return goal_list.all_items(self._context.data)

    def items_by_id(self, ids: tuple[str, ...] | frozenset[str]) -> list[GoalItem]:
        return goal_list.items_by_id(self._context.data, ids)

    def links(self, goal_id: str) -> list[GoalLink]:
        """The feedback entries and events that point at the goal, newest first."""
        return goal_list.links(self._context.data, goal_id)

    def status_by_hand(self, goal_id: str) -> bool:
        return goal_list.status_by_hand(self._context.data, goal_id)

    def create(self, goal: Goal) -> Goal:
        """Save a new goal; fills in `id` (if empty) and `created_on` (if unset).

        A status other than "not started" that the rules would not suggest counts as chosen
        by hand (a goal created as "dropped" stays dropped)."""
        from ..storage.repositories import goal_records

        check_goal(goal)  # refused in words before anything is written
        today = self._context.clock.today()
        goal = replace(goal, id=goal.id or new_id(), created_on=goal.created_on or today)
        by_hand = goal.status is not GoalStatus.NOT_STARTED and goal.status is not (
            goal_rules.suggest_status(goal_rules.settle(goal, today, True), today)
        )
        goal = goal_rules.settle(goal, today, by_hand)
        data = self._context.data
        with data.transaction():
            goal_records.save_goal(data, goal)
            goal_list.set_status_by_hand(data, goal.id, by_hand)
        self._announce(goal.id)
        return goal

    def save(self, goal: Goal, based_on: Goal | None = None) -> Goal:
        """Replace a goal with a changed version of itself; returns the version it replaced.

        With `based_on` (the copy the edit started from), only the fields the edit changed
        are written, onto the goal as it is now: an edit never reverts another change.
        Progress and status are settled by the rules (the status only if not chosen by hand)."""
        from ..storage.repositories import goal_records

        check_goal(goal)
        data = self._context.data
        with data.transaction():
            old = goal_records.load_goal(data, goal.id)
            if old is None:
                raise GoalNotFoundError(goal.id)
            self._write_settled(rebase(old, based_on, goal) if based_on else goal)
        self._announce(goal.id)
        return old

    def _write_settled(self, goal: Goal) -> None:
        from ..storage.repositories import goal_records

        # Inside the caller's transaction: progress and (unless chosen) status follow rules.
        check_goal(goal)
        data = self._context.data
        by_hand = goal_list.status_by_hand(data, goal.id)
        goal_records.save_goal(data, goal_rules.settle(goal, self._context.clock.today(), by_hand))

    def set_status(self, goal_id: str, status: GoalStatus | None) -> StatusChoice:
        """Choose the status by hand, or (None) go back to the suggested one; returns the
        status and the by-hand flag it had, for undo."""
        data = self._context.data
        with data.transaction():
            goal = self.get(goal_id)
            old = StatusChoice(goal.status, goal_list.status_by_hand(data, goal_id))
            self._write_status(goal, StatusChoice(status or goal.status, status is not None))
        self._announce(goal_id)
        return old

    def restore_status(self, goal_id: str, choice: StatusChoice) -> None:
        with self._context.data.transaction():
            self._write_status(self.get(goal_id), choice)
        self._announce(goal_id)

    def _write_status(self, goal: Goal, choice: StatusChoice) -> None:
        from ..storage.repositories import goal_records

        data = self._context.data
        goal = replace(goal, status=choice.status)
        goal_records.save_goal(
            data, goal_rules.settle(goal, self._context.clock.today(), choice.by_hand)
        )
        goal_list.set_status_by_hand(data, goal.id, choice.by_hand)

    def settled_items(self) -> list[GoalItem]:
        """Every goal as a row of the goals table, with derived progress and suggested
        status brought up to today first (time moves goals towards "at risk")."""
        return self._settle(goal_list.all_items(self._context.data))[0]

    def settled_open_items(self) -> list[GoalItem]:
        """The goals not done or dropped, settled as `settled_items` settles them. Time
        moves only these: a goal is done when its progress is complete and dropped only by
        hand, so the closed ones can wait until they are to be shown."""
        return self._settle(goal_list.open_items(self._context.data))[0]

    def settled_closed_items(self) -> list[GoalItem]:
        """The goals done or dropped, settled (their steps may say otherwise after an
        import, say, and then they open again)."""
        return self._settle(goal_list.closed_items(self._context.data))[0]

    def closed_ids(self) -> list[str]:
        return goal_list.closed_ids(self._context.data)

    def settle_all(self) -> int:
        """Bring every goal's derived values up to today; returns how many changed."""
        return self._settle(goal_list.all_items(self._context.data))[1]

    def _settle(self, items: list[GoalItem]) -> tuple[list[GoalItem], int]:
        # Not undoable, and needs none: nothing the person chose changes.
        data = self._context.data
        today = self._context.clock.today()
        changes: list[tuple[str, GoalStatus, int, date | None]] = []
        for n, item in enumerate(items):
            progress = item.progress
            if item.steps_total:
                progress = round(100 * item.steps_done / item.steps_total)
            status = item.status
            if not item.status_by_hand:
                settled = item if progress == item.progress else item._replace(progress=progress)
                status = goal_rules.suggest(settled, item.started, today)
            if status is item.status and progress == item.progress:
                continue
            items[n] = item._replace(status=status, progress=progress)
            changes.append((item.id, status, progress, None))
        if changes:
            with data.transaction():
                goal_list.set_settled(
                    data,
                    [
                        (goal_id, status, progress,
                         (goal_list.completed_on(data, goal_id) or today)
                         if status is GoalStatus.DONE else None)
                        for goal_id, status, progress, _ in changes
                    ],
                )  # fmt: skip
            self._context.notifier.announce(
                Change.of(Topic.GOALS, ids=tuple(c[0] for c in changes))
            )
        return items, len(changes)

    def delete(self, goal_id: str) -> RemovedGoal:
        from ..storage.repositories import goal_records

        removed = goal_records.delete_goal(self._context.data, goal_id)
        if removed is None:
            raise GoalNotFoundError(goal_id)
        self._announce(goal_id, links=True)
        return removed

    def restore(self, removed: RemovedGoal) -> None:
        from ..storage.repositories import goal_records

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
            self._write_settled(replace(goal, steps=tuple(steps)))
        self._announce(goal_id)
        return where

    def remove_step(self, goal_id: str, step_id: str) -> None:
        data = self._context.data
        with data.transaction():
            goal = self.get(goal_id)
            steps = tuple(s for s in goal.steps if s.id != step_id)
            self._write_settled(replace(goal, steps=steps))
        self._announce(goal_id)

    def _announce(self, goal_id: str, links: bool = False) -> None:
        # Deleting or restoring a goal changes the feedback and events that link to it.
        topics = (Topic.GOALS, Topic.FEEDBACK, Topic.EVENTS) if links else (Topic.GOALS,)
        self._context.notifier.announce(Change.of(*topics, ids=(goal_id,)))
