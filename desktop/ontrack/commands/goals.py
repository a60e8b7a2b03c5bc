"""Undoable goal edits: create, delete, add an action step, change anything of one goal,
and choose (or clear) its status by hand."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from ..domain.enums import GoalStatus
from ..domain.goal_rules import StatusChoice
from ..domain.goals import Goal, Step
from ..domain.ids import new_id
from ..domain.removed import RemovedGoal
from ..services.goals import GoalService
from .undoable import UndoableCommand

_MERGE_ID = 0x60A1  # QUndoStack merges only commands with the same id


class CreateGoalCommand(UndoableCommand):
    """Create a goal; undo deletes it, redo brings the same goal (same id) back."""

    def __init__(self, service: GoalService, goal: Goal, text: str = "") -> None:
        super().__init__(text or f"New goal “{goal.title}”")
        self._service = service
        self._goal = goal
        self._removed: RemovedGoal | None = None

    @property
    def goal(self) -> Goal:
        return self._goal

    def apply(self) -> None:
        if self._removed is None:
            self._goal = self._service.create(self._goal)
        else:
            self._service.restore(self._removed)

    def revert(self) -> None:
        self._removed = self._service.delete(self._goal.id)


class DeleteGoalCommand(UndoableCommand):
    def __init__(self, service: GoalService, goal_id: str, title: str) -> None:
        super().__init__(f"Delete goal “{title}”")
        self._service = service
        self._goal_id = goal_id
        self._removed: RemovedGoal | None = None

    def apply(self) -> None:
        self._removed = self._service.delete(self._goal_id)

    def revert(self) -> None:
        assert self._removed is not None
        self._service.restore(self._removed)


class AddStepCommand(UndoableCommand):
    """Add an action step to a goal; redo after undo puts the same step back in its place."""

    def __init__(self, service: GoalService, goal_id: str, text: str, label: str = "") -> None:
        super().__init__(label or f"Add step “{text[:40]}”")
        self._service = service
        self._goal_id = goal_id
        self._step = Step(new_id(), text)
        self._position: int | None = None

    @property
    def step(self) -> Step:
        return self._step

    def apply(self) -> None:
        self._position = self._service.add_step(self._goal_id, self._step, self._position)

    def revert(self) -> None:
        self._service.remove_step(self._goal_id, self._step.id)


class ChangeGoalCommand(UndoableCommand):
    """Any edit of one goal's fields, steps or check-ins: redo saves `after`, undo `before`.

    The service settles derived progress and status on each save, so undo brings those
    back as well. Consecutive commands with the same non-empty `merge_key` (say, one step's
    due date stepped day by day) merge into one undo step."""

    def __init__(
        self, service: GoalService, before: Goal, after: Goal, text: str, merge_key: str = ""
    ) -> None:
        super().__init__(text)
        self._service = service
        self._before = before
        self._after = after
        self._merge_key = merge_key

    @property
    def goal_id(self) -> str:
        return self._after.id

    @property
    def before(self) -> Goal:
        return self._before

    @property
    def after(self) -> Goal:
        return self._after

    def id(self) -> int:
        return _MERGE_ID if self._merge_key else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not (isinstance(other, ChangeGoalCommand) and other._merge_key == self._merge_key):
            return False
        if other.goal_id != self.goal_id:
            return False
        self._after = other._after
        return True

    def apply(self) -> None:
        self._service.save(self._after, based_on=self._before)

    def revert(self) -> None:
        self._service.save(self._before, based_on=self._after)


class SetStatusCommand(UndoableCommand):
    """Choose a goal's status by hand, or (None) go back to the suggested status."""

    def __init__(self, service: GoalService, goal_id: str, status: GoalStatus | None) -> None:
        label = f"Set status to {status.label}" if status else "Use the suggested status"
        super().__init__(label)
        self._service = service
        self._goal_id = goal_id
        self._status = status
        self._old: StatusChoice | None = None

    def apply(self) -> None:
        self._old = self._service.set_status(self._goal_id, self._status)

    def revert(self) -> None:
        assert self._old is not None
        self._service.restore_status(self._goal_id, self._old)
