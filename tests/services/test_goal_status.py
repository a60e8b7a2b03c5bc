"""Settled progress and status, status by hand, and their undo commands on a bare QUndoStack."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtGui import QUndoStack

from ontrack.commands.goals import AddStepCommand, ChangeGoalCommand, SetStatusCommand
from ontrack.domain import goal_rules
from ontrack.domain.clock import FixedClock
from ontrack.domain.dataset import Dataset
from ontrack.domain.enums import GoalStatus
from ontrack.domain.goals import CheckIn, Goal, Step
from ontrack.services.change import Change, Topic
from ontrack.services.goals import GoalService
from ontrack.services.registry import Services
from ontrack.storage.database import open_data_file

TODAY = date(2026, 11, 24)


@pytest.fixture
def services(data_path: Path, clock: FixedClock) -> Iterator[Services]:
    with open_data_file(data_path) as data:
        yield Services.create(data, clock)


@pytest.fixture
def goals(services: Services) -> GoalService:
    return GoalService(services.context)


def test_saving_derives_progress_and_status_from_steps(goals: GoalService) -> None:
    goal = goals.create(
        Goal("", "Certify", steps=(Step("a", "Enrol"), Step("b", "Study")), progress=80)
    )
    assert (goal.progress, goal.status) == (0, GoalStatus.NOT_STARTED)
    goals.save(goal_rules.tick(goal, "a", True, TODAY))
    saved = goals.get(goal.id)
    assert (saved.progress, saved.status, saved.steps[0].done_on) == (
        50,
        GoalStatus.IN_PROGRESS,
        TODAY,
    )
    goals.save(goal_rules.tick(saved, "b", True, TODAY))
    done = goals.get(goal.id)
    assert (done.progress, done.status, done.completed_on) == (100, GoalStatus.DONE, TODAY)


def test_created_as_dropped_stays_dropped(goals: GoalService) -> None:
    goal = goals.create(Goal("", "Old idea", status=GoalStatus.DROPPED))
    assert goal.status is GoalStatus.DROPPED
    assert goals.status_by_hand(goal.id)
    assert not goals.status_by_hand(goals.create(Goal("", "Fresh")).id)


def test_status_by_hand_stays_until_cleared_and_undo_restores_both(goals: GoalService) -> None:
    goal = goals.create(Goal("", "Speak at a meetup", progress=20))
    assert goal.status is GoalStatus.IN_PROGRESS
    stack = QUndoStack()
    stack.push(SetStatusCommand(goals, goal.id, GoalStatus.ON_TRACK))
    goals.save(replace(goals.get(goal.id), progress=30, why="Visibility"))
    assert goals.get(goal.id).status is GoalStatus.ON_TRACK  # the override stays
    stack.push(SetStatusCommand(goals, goal.id, None))
    assert goals.get(goal.id).status is GoalStatus.IN_PROGRESS
    assert not goals.status_by_hand(goal.id)
    stack.undo()
    assert goals.get(goal.id).status is GoalStatus.ON_TRACK
    assert goals.status_by_hand(goal.id)
    stack.undo()
    assert goals.get(goal.id).status is GoalStatus.IN_PROGRESS
    assert not goals.status_by_hand(goal.id)


def test_change_goal_command_undoes_and_redoes_any_edit(
    services: Services, goals: GoalService
) -> None:
    before = goals.create(Goal("", "Expand network"))
    after = replace(
        before,
        title="Expand my network",
        deadline=date(2027, 6, 1),
        checkins=(CheckIn("c", TODAY, "Met two people", 10),),
    )
    seen: list[Change] = []
    services.notifier.data_changed.connect(seen.append)
    stack = QUndoStack()
    stack.push(ChangeGoalCommand(goals, before, after, "Edit goal"))
    assert goals.get(before.id).title == "Expand my network"
    assert seen[-1] == Change.of(Topic.GOALS, ids=(before.id,))
    stack.undo()
    assert goals.get(before.id) == before
    stack.redo()
    assert goals.get(before.id).checkins == after.checkins


def test_settle_all_moves_goals_with_time_but_not_choices(
    services: Services, goals: GoalService
) -> None:
    services.transfer.import_dataset(
        Dataset(
            goals=(
                Goal("late", "Late", deadline=date(2026, 1, 1), status=GoalStatus.ON_TRACK,
                     progress=40),
                Goal("steps", "Steps", progress=0, status=GoalStatus.IN_PROGRESS,
                     steps=(Step("s", "one", done=True),)),
                Goal("gone", "Dropped", status=GoalStatus.DROPPED, deadline=date(2026, 1, 1)),
            )
        )
    )  # fmt: skip
    assert goals.settle_all() == 2
    assert goals.get("late").status is GoalStatus.AT_RISK
    steps = goals.get("steps")
    assert (steps.progress, steps.status, steps.completed_on) == (100, GoalStatus.DONE, TODAY)
    assert goals.get("gone").status is GoalStatus.DROPPED
    assert goals.settle_all() == 0


def test_open_and_closed_goals_settle_apart_as_all_settle_together(
    services: Services, goals: GoalService
) -> None:
    services.transfer.import_dataset(
        Dataset(
            goals=(
                Goal("late", "Late", deadline=date(2026, 1, 1), status=GoalStatus.ON_TRACK,
                     progress=40),
                Goal("ticked", "Ticked", status=GoalStatus.IN_PROGRESS,
                     steps=(Step("s", "one", done=True),)),
                # imported as done though a step is open: settling opens it again
                Goal("undone", "Undone", status=GoalStatus.DONE, progress=100,
                     steps=(Step("t", "one", done=True), Step("u", "two"))),
                Goal("gone", "Dropped", status=GoalStatus.DROPPED),
            )
        )
    )  # fmt: skip
    assert sorted(goals.closed_ids()) == ["gone", "undone"]
    opened = goals.settled_open_items()
    assert [item.id for item in opened] == ["late", "ticked"]
    assert [item.status for item in opened] == [GoalStatus.AT_RISK, GoalStatus.DONE]
    closed = {item.id: item for item in goals.settled_closed_items()}
    assert list(closed) == ["ticked", "undone", "gone"]  # ticked is done now
    assert closed["undone"].status is not GoalStatus.DONE
    assert closed["undone"].progress == 50
    # the two together leave nothing for settling all at once, and read as it does
    assert goals.settle_all() == 0
    assert {item.id: item for item in opened} | closed == {
        item.id: item for item in goals.settled_items()
    }


def test_items_and_links(goals: GoalService) -> None:
    goal = goals.create(Goal("", "Certify"))
    assert [item.id for item in goals.items()] == [goal.id]
    assert goals.items_by_id((goal.id,))[0].title == "Certify"
    assert goals.links(goal.id) == []


def test_adding_and_removing_steps_keeps_progress_in_step(goals: GoalService) -> None:
    goal = goals.create(Goal("", "Certify", steps=(Step("a", "Enrol", done=True),)))
    assert goals.get(goal.id).progress == 100
    stack = QUndoStack()
    stack.push(AddStepCommand(goals, goal.id, "Pass the exam"))
    assert (goals.get(goal.id).progress, goals.get(goal.id).status) == (
        50,
        GoalStatus.IN_PROGRESS,
    )
    stack.undo()
    assert goals.get(goal.id).progress == 100
    assert goals.get(goal.id).status is GoalStatus.DONE
