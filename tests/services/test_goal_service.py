"""The core goal use cases and their undo commands, on a bare QUndoStack."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtGui import QUndoStack

from ontrack.commands.goals import AddStepCommand, CreateGoalCommand, DeleteGoalCommand
from ontrack.domain.clock import FixedClock
from ontrack.domain.dataset import Dataset
from ontrack.domain.goals import Goal
from ontrack.domain.journal import Feedback
from ontrack.domain.network import Event
from ontrack.services.change import Change, Topic
from ontrack.services.goals import GoalNotFoundError, GoalService
from ontrack.services.registry import Services
from ontrack.storage.database import open_data_file


@pytest.fixture
def services(data_path: Path, clock: FixedClock) -> Iterator[Services]:
    with open_data_file(data_path) as data:
        yield Services.create(data, clock)


@pytest.fixture
def goals(services: Services) -> GoalService:
    return GoalService(services.context)


def test_create_fills_in_id_and_day_and_announces(services: Services, goals: GoalService) -> None:
    seen: list[Change] = []
    services.notifier.data_changed.connect(seen.append)
    goal = goals.create(Goal("", "Speak at a meetup"))
    assert goal.id
    assert goal.created_on == date(2026, 11, 24)
    assert goals.get(goal.id) == goal
    assert seen == [Change.of(Topic.GOALS, ids=(goal.id,))]


def test_create_goal_command_undo_and_redo_keep_the_same_goal(goals: GoalService) -> None:
    stack = QUndoStack()
    command = CreateGoalCommand(goals, Goal("", "Obtain a certification"))
    stack.push(command)
    created = command.goal
    stack.undo()
    with pytest.raises(GoalNotFoundError):
        goals.get(created.id)
    stack.redo()
    assert goals.get(created.id) == created


def test_delete_and_undo_restore_the_goal_its_place_and_its_links(
    services: Services, goals: GoalService
) -> None:
    services.transfer.import_dataset(
        Dataset(
            goals=(Goal("a", "First"), Goal("b", "Second"), Goal("c", "Third")),
            feedback=(Feedback("f", date(2026, 1, 1), goal="b"),),
            events=(Event("e", "PyCon", date(2026, 5, 1), goal="b"),),
        )
    )
    stack = QUndoStack()
    stack.push(DeleteGoalCommand(goals, "b", "Second"))
    after = services.transfer.export_dataset()
    assert [g.id for g in after.goals] == ["a", "c"]
    assert after.feedback[0].goal is None
    assert after.events[0].goal is None
    stack.undo()
    restored = services.transfer.export_dataset()
    assert [g.id for g in restored.goals] == ["a", "b", "c"]
    assert restored.feedback[0].goal == "b"
    assert restored.events[0].goal == "b"


def test_add_step_command_appends_and_undo_redo_keep_its_place(goals: GoalService) -> None:
    goal = goals.create(Goal("", "Expand network"))
    stack = QUndoStack()
    stack.push(AddStepCommand(goals, goal.id, "Attend 3 industry conferences"))
    stack.push(AddStepCommand(goals, goal.id, "Follow up with two people"))
    texts = [s.text for s in goals.get(goal.id).steps]
    assert texts == ["Attend 3 industry conferences", "Follow up with two people"]
    stack.undo()
    stack.undo()
    assert goals.get(goal.id).steps == ()
    stack.redo()
    stack.redo()
    assert [s.text for s in goals.get(goal.id).steps] == texts


def test_saving_a_goal_that_is_gone_says_so(goals: GoalService) -> None:
    with pytest.raises(GoalNotFoundError):
        goals.save(Goal("nope", "x"))
