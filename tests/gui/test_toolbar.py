"""The toolbar keeps still: Undo and Redo say one word however long the change's name is;
the whole of it is in their tooltip and in the Edit menu."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolBar, QToolButton
from pytestqt.qtbot import QtBot

from ontrack.commands.goals import CreateGoalCommand
from ontrack.commands.undoable import push
from ontrack.domain.goals import Goal
from ontrack.ui.main_window import MainWindow

LONG = "Raise my concerns in planning, then come back with a proposal the team can accept"


def test_undo_in_the_toolbar_stays_one_word(qtbot: QtBot, window: MainWindow) -> None:
    toolbar = window.findChild(QToolBar, "mainToolbar")
    buttons = [b for b in toolbar.findChildren(QToolButton) if b.defaultAction() is not None]
    undo = next(b for b in buttons if b.defaultAction().objectName() == "toolbarUndo")
    width = toolbar.sizeHint().width()
    assert not undo.isEnabled()
    goals = window.tab_page("goalsTab")
    push(window.undo_stack, CreateGoalCommand(goals.service, Goal("", LONG)))
    assert undo.isEnabled()
    assert undo.text() == "Undo"
    assert LONG[:30] in undo.toolTip()
    assert LONG[:30] in window.undo_action.text()  # the Edit menu keeps the whole name
    assert toolbar.sizeHint().width() == width
    qtbot.mouseClick(undo, Qt.MouseButton.LeftButton)
    assert window.undo_stack.index() == 0
    assert not undo.isEnabled()
