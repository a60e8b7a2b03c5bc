"""A change taken back as if never made (a new record abandoned before anything was typed):
on a bare QUndoStack, `withdraw` reverts the latest command and drops it, so neither Undo
nor Redo offers it, and the stack is clean again if it was clean before."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QUndoStack

from ontrack.commands.goals import CreateGoalCommand, DeleteGoalCommand
from ontrack.commands.undoable import is_last, push, withdraw
from ontrack.domain.clock import FixedClock
from ontrack.domain.goals import Goal
from ontrack.services.goals import GoalService
from ontrack.services.registry import Services
from ontrack.storage.database import open_data_file


@pytest.fixture
def goals(tmp_path: Path, clock: FixedClock) -> Iterator[GoalService]:
    with open_data_file(tmp_path / "withdraw.sqlite") as data:
        yield GoalService(Services.create(data, clock).context)


def test_withdraw_takes_the_record_back_and_leaves_no_undo_or_redo(goals: GoalService) -> None:
    stack = QUndoStack()
    kept = CreateGoalCommand(goals, Goal("", "Kept"))
    push(stack, kept)
    stack.setClean()
    fresh = CreateGoalCommand(goals, Goal("", "New goal"))
    push(stack, fresh)
    assert is_last(stack, fresh)
    assert withdraw(stack, fresh)
    assert [g.title for g in goals.settled_items()] == ["Kept"]
    assert stack.count() == 1
    assert stack.index() == 1
    assert not stack.canRedo()
    assert stack.isClean()
    assert stack.undoText() == kept.text()


def test_withdraw_refuses_a_command_that_is_no_longer_the_latest(goals: GoalService) -> None:
    stack = QUndoStack()
    fresh = CreateGoalCommand(goals, Goal("", "New goal"))
    push(stack, fresh)
    push(stack, DeleteGoalCommand(goals, fresh.goal.id, "New goal"))
    assert not is_last(stack, fresh)
    assert not withdraw(stack, fresh)
    assert stack.count() == 2
    stack.undo()  # after an undo the latest change is undone: nothing to withdraw either
    stack.undo()
    assert not withdraw(stack, fresh)
