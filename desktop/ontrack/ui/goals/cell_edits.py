"""What an edit in a cell of the goals table means for the goal: the changed goal and the
undo text, as an undoable command. Typing in the Action steps cell renames the next open
step (or adds the first)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtGui import QUndoCommand

from ...commands.goals import ChangeGoalCommand, SetStatusCommand
from ...domain.enums import Factor, GoalStatus
from ...domain.goals import Goal, Step
from ...domain.ids import new_id
from ...services.goals import GoalService
from .table_model import DEADLINE, PROGRESS, STATUS, STEPS, TITLE


def cell_command(
    service: GoalService, goal_id: str, column: int, value: Any
) -> QUndoCommand | None:
    """The command that saves `value` entered in `column` of the goal's row (None: it
    changes nothing)."""
    if column == STATUS:
        return SetStatusCommand(service, goal_id, GoalStatus(value) if value else None)
    goal = service.get(goal_id)
    after, text = cell_change(goal, column, value)
    return None if after == goal else ChangeGoalCommand(service, goal, after, text)


def cell_change(goal: Goal, column: int, value: Any) -> tuple[Goal, str]:
    """The goal after `value` was entered in `column` (not Status: that is its own command)."""
    if column == TITLE:
        title = str(value).strip()
        return (replace(goal, title=title) if title else goal), "Rename goal"
    if column == STEPS:
        return _next_step(goal, str(value).strip())
    if column == DEADLINE:
        return replace(goal, deadline=value if isinstance(value, date) else None), "Set deadline"
    if column == PROGRESS:
        return replace(goal, progress=max(0, min(100, int(value)))), "Set progress"
    return replace(goal, factor=Factor(value) if value else None), "Set factor"


def _next_step(goal: Goal, text: str) -> tuple[Goal, str]:
    if not text:
        return goal, ""
    step = goal.next_step
    if step is None:
        return replace(goal, steps=(*goal.steps, Step(new_id(), text))), "Add step"
    steps = tuple(replace(s, text=text) if s.id == step.id else s for s in goal.steps)
    return replace(goal, steps=steps), "Rename step"
