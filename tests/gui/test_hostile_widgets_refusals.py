"""A change refused while the window runs: the message says it in the person's words (not
PySide's "Error calling Python override…" wrapping), the undo stack stays as it was, and
the window goes on. Covers the plain `QUndoStack.push` some tabs still use (the Goals tab,
the profile dialog) as well as `commands.undoable.push`."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from dataclasses import replace

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from ontrack.commands.goals import ChangeGoalCommand
from ontrack.commands.undoable import push
from ontrack.domain.goals import Goal
from ontrack.services.goals import GoalService
from ontrack.ui import errors
from ontrack.ui.main_window import MainWindow
from tests.gui.conftest import when_modal


@pytest.fixture
def hook(window: MainWindow) -> Iterator[None]:
    previous = errors.install(lambda: window)
    yield
    sys.excepthook = previous


@pytest.mark.parametrize("plain", [True, False], ids=["stack.push", "undoable.push"])
def test_a_refused_goal_edit_is_explained_and_leaves_undo_as_it_was(
    qtbot: QtBot,
    window: MainWindow,
    hook: None,
    plain: bool,
    capsys: pytest.CaptureFixture[str],
) -> None:
    goals = GoalService(window.services.context)
    goal = goals.create(Goal("", "Lead the guild"))
    stack = window.undo_stack
    before = (stack.count(), stack.index(), stack.canUndo(), stack.undoText())
    command = ChangeGoalCommand(goals, goal, replace(goal, title="x" * 201), "Rename goal")
    act: Callable[[], None] = (
        (lambda: stack.push(command)) if plain else (lambda: push(stack, command))
    )
    boxes: list[QMessageBox] = []

    def read(dialog: QWidget) -> None:
        assert isinstance(dialog, QMessageBox)
        boxes.append(dialog)
        dialog.accept()

    when_modal(qtbot, read)
    QTimer.singleShot(0, act)  # from the event loop, as a slot runs it
    qtbot.waitUntil(lambda: bool(boxes))
    assert boxes[0].windowTitle() == "Your change was not saved"
    assert boxes[0].text() == "A goal's title can be at most 200 characters (this one has 201)."
    assert boxes[0].detailedText() == ""
    assert (stack.count(), stack.index(), stack.canUndo(), stack.undoText()) == before
    assert goals.get(goal.id).title == "Lead the guild"
    capsys.readouterr()
