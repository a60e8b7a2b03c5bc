"""Edits in the Goals tab's item views are never lost to a refresh: a change that arrives
while a table cell or a step is being edited (saved from elsewhere: another command, Edit ▸
Undo from the menu) leaves the open editor and what is typed in it alone, and what the
editor saves is built on the goal as it now is, so the other change is kept as well."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from ontrack.domain.goals import Goal
from ontrack.ui.goals.page import GoalsPage
from ontrack.ui.goals.table_model import TITLE
from ontrack.ui.main_window import MainWindow
from ontrack.ui.roles import RECORD_ROLE
from tests.gui.hostile_typing import focus

EDITING = QAbstractItemView.State.EditingState


def _page(window: MainWindow) -> GoalsPage:
    window.show_tab("goalsTab")
    page = window.tab_page("goalsTab")
    assert isinstance(page, GoalsPage)
    page.load()
    page.view.selectRow(0)
    return page


def _open_editor(qtbot: QtBot, view: QAbstractItemView, text: str) -> QLineEdit:
    """F2 on the current cell and type `text` over what it holds; the editor stays open."""
    focus(qtbot, view)
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    return editor


def _commit(qtbot: QtBot, view: QAbstractItemView, editor: QLineEdit) -> None:
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.state() != EDITING)


def test_a_goal_added_elsewhere_while_a_title_cell_is_edited(
    qtbot: QtBot, window: MainWindow
) -> None:
    page = _page(window)
    goal_id = page.view.currentIndex().data(RECORD_ROLE).id
    page.view.setCurrentIndex(page.view.currentIndex().siblingAtColumn(TITLE))
    editor = _open_editor(qtbot, page.view, "Typed before the list changed")
    added = page.service.create(Goal("", "Added meanwhile"))  # a row comes: not shown yet
    qtbot.wait(20)
    assert page.view.state() == EDITING
    assert editor.text() == "Typed before the list changed"
    _commit(qtbot, page.view, editor)
    assert page.service.get(goal_id).title == "Typed before the list changed"
    # once the editor has closed, the table catches up with both changes
    assert page.model.row_of(added.id) >= 0
    row = page.model.row_of(goal_id)
    assert page.model.index(row, TITLE).data() == "Typed before the list changed"
    assert page.detail.title_edit.text() == "Typed before the list changed"


def test_a_change_saved_elsewhere_while_a_step_is_renamed_keeps_both(
    qtbot: QtBot, window: MainWindow
) -> None:
    page = _page(window)
    goal_id = page.view.currentIndex().data(RECORD_ROLE).id
    steps = page.detail.steps
    assert page.service.get(goal_id).steps
    steps.view.setCurrentIndex(steps.model.index(0))
    editor = _open_editor(qtbot, steps.view, "Renamed while the goal changed")
    goal = page.service.get(goal_id)
    page.service.save(replace(goal, why="Changed meanwhile"))
    assert page.detail.why_edit.toPlainText() == "Changed meanwhile"  # the pane follows
    assert steps.view.state() == EDITING
    assert editor.text() == "Renamed while the goal changed"
    _commit(qtbot, steps.view, editor)
    stored = page.service.get(goal_id)
    assert (stored.why, stored.steps[0].text) == (
        "Changed meanwhile",
        "Renamed while the goal changed",
    )
    assert steps.model.index(0).data() == "Renamed while the goal changed"


def test_an_emptied_title_cell_is_refused_with_a_message_until_renamed(
    qtbot: QtBot, window: MainWindow
) -> None:
    page = _page(window)
    goal_id = page.view.currentIndex().data(RECORD_ROLE).id
    before = page.service.get(goal_id).title
    undo_steps = window.undo_stack.count()
    page.view.setCurrentIndex(page.view.currentIndex().siblingAtColumn(TITLE))
    editor = _open_editor(qtbot, page.view, "   ")
    _commit(qtbot, page.view, editor)
    assert page.service.get(goal_id).title == before
    assert window.undo_stack.count() == undo_steps  # nothing stored, nothing to undo
    row = page.model.row_of(goal_id)
    assert page.model.index(row, TITLE).data() == before
    message = page.detail.title_message
    assert message.isVisible()
    assert "needs a title" in message.text()
    assert page.detail.title_edit.text() == before
    editor = _open_editor(qtbot, page.view, "A title at last")
    _commit(qtbot, page.view, editor)
    assert page.service.get(goal_id).title == "A title at last"
    assert not message.isVisible()
