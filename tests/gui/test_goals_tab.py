"""The Goals tab as a person uses it, keyboard first: create, edit each column in place,
steps, check-ins, filter and sort, delete; and undo of every change.

The page is built alone over a demo file (as the window builds it, through a TabContext),
with Edit ▸ Undo's Ctrl+Z on the host window, so these tests do not depend on other tabs.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QSpinBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from ontrack.domain.clock import FixedClock
from ontrack.domain.enums import Factor, GoalStatus
from ontrack.services.goals import GoalNotFoundError
from ontrack.services.registry import Services
from ontrack.storage.database import open_data_file
from ontrack.ui.date_entry import DateEntry
from ontrack.ui.goals.page import GoalsPage
from ontrack.ui.goals.table_model import (
    DEADLINE,
    FACTOR,
    PROGRESS,
    STATUS,
    STEPS,
    TITLE,
)
from ontrack.ui.roles import RECORD_ROLE
from ontrack.ui.tabs import goals as goals_tab
from ontrack.ui.tabs.base import TabContext
from tests.gui.conftest import when_modal

TODAY = date(2026, 11, 24)


@dataclass
class Tab:
    host: QMainWindow
    page: GoalsPage
    services: Services
    stack: QUndoStack
    opened: list[tuple[str, str | None]]

    def goal(self, goal_id: str):  # type: ignore[no-untyped-def]
        return self.page.service.get(goal_id)

    def current_id(self) -> str:
        return self.page.view.currentIndex().data(RECORD_ROLE).id

    def undo_all(self, qtbot: QtBot) -> None:
        while self.stack.canUndo():
            qtbot.keyClick(self.page.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


@pytest.fixture
def tab(qtbot: QtBot, demo_file: Path, clock: FixedClock, settings: QSettings) -> Iterator[Tab]:
    data = open_data_file(demo_file)
    services = Services.create(data, clock)
    host = QMainWindow()
    stack = QUndoStack(host)  # goes with the window, as the real one does
    opened: list[tuple[str, str | None]] = []
    context = TabContext(services, stack, clock, settings, lambda t, r: opened.append((t, r)))
    undo = stack.createUndoAction(host, "&Undo")
    undo.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
    host.addAction(undo)
    page = goals_tab.build(context)
    services.notifier.data_changed.connect(page.on_data_changed)
    host.setCentralWidget(page)
    host.resize(1280, 800)
    qtbot.addWidget(host)
    with qtbot.waitExposed(host):
        host.show()
    page.load()
    host.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is host)
    yield Tab(host, page, services, stack, opened)
    services.notifier.data_changed.disconnect(page.on_data_changed)
    stack.clear()
    host.close()
    data.close()


def edit_cell(qtbot: QtBot, tab: Tab, column: int) -> QWidget:
    view = tab.page.view
    view.setFocus()
    view.setCurrentIndex(view.currentIndex().siblingAtColumn(column))
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert editor is not None
    return editor


def commit(qtbot: QtBot, editor: QWidget) -> None:
    view = editor.parent().parent()
    assert isinstance(view, QAbstractItemView)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # The delegate commits and closes the editor through a queued call.
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState)


def test_create_a_goal_by_keyboard_and_undo_it(qtbot: QtBot, tab: Tab) -> None:
    before = tab.page.model.total()
    tab.page.view.setFocus()
    qtbot.keyClick(tab.page.view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert tab.page.model.total() == before + 1
    title = tab.page.detail.title_edit
    assert QApplication.focusWidget() is title
    qtbot.keyClicks(title, "Speak at PyCon Europe")
    qtbot.keyClick(title, Qt.Key.Key_Tab)  # leaving the field saves it
    goal_id = tab.current_id()
    assert tab.goal(goal_id).title == "Speak at PyCon Europe"
    assert tab.goal(goal_id).created_on == TODAY
    assert "No deadline yet." in tab.page.detail.gaps_label.text()
    # Insert makes another one
    tab.page.view.setFocus()
    qtbot.keyClick(tab.page.view, Qt.Key.Key_Insert)
    assert tab.page.model.total() == before + 2
    tab.undo_all(qtbot)
    assert tab.page.model.total() == before
    with pytest.raises(GoalNotFoundError):
        tab.goal(goal_id)


def test_edit_every_column_in_place_then_undo_each(qtbot: QtBot, tab: Tab) -> None:
    page = tab.page
    # a goal without steps, so that its progress is set by hand
    row = next(r for r in range(page.model.rowCount()) if not page.model.item(r).steps_total)
    page.view.selectRow(row)
    goal_id = tab.current_id()
    original = tab.goal(goal_id)

    editor = edit_cell(qtbot, tab, TITLE)
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "Lead the <b>guild</b> ")
    editor.insert("🚀 قيادة")  # QTest cannot type characters outside the BMP
    commit(qtbot, editor)
    assert tab.goal(goal_id).title == "Lead the <b>guild</b> 🚀 قيادة"

    editor = edit_cell(qtbot, tab, STEPS)  # no steps yet: typing adds the first
    qtbot.keyClicks(editor, "Draft the guild charter")
    commit(qtbot, editor)
    assert [s.text for s in tab.goal(goal_id).steps] == ["Draft the guild charter"]
    # the table shows it once the cell editor has closed
    qtbot.waitUntil(
        lambda: (
            page.model.index(page.view.currentIndex().row(), STEPS).data()
            == "0 of 1 · next: Draft the guild charter"
        )
    )
    tab.stack.undo()  # progress is set by hand only without steps
    assert tab.goal(goal_id).steps == ()

    editor = edit_cell(qtbot, tab, DEADLINE)
    assert isinstance(editor, DateEntry)
    assert editor.pick_action in editor.actions()  # a calendar to pick from, too
    editor.selectAll()
    qtbot.keyClicks(editor, "31 Jun 2027")  # no such day: the editor stays open, says why
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert tab.page.view.state() == QAbstractItemView.State.EditingState
    assert editor.accessibleDescription().startswith("“31 Jun 2027” is not a date")
    editor.selectAll()
    qtbot.keyClicks(editor, "30 Jun 2027")
    commit(qtbot, editor)
    assert tab.goal(goal_id).deadline == date(2027, 6, 30)

    editor = edit_cell(qtbot, tab, PROGRESS)
    assert isinstance(editor, QSpinBox)
    editor.selectAll()
    qtbot.keyClicks(editor, "45")
    commit(qtbot, editor)
    assert tab.goal(goal_id).progress == 45

    editor = edit_cell(qtbot, tab, STATUS)
    assert isinstance(editor, QComboBox)
    editor.setCurrentIndex(editor.findData(GoalStatus.ON_TRACK.value))
    commit(qtbot, editor)
    assert tab.goal(goal_id).status is GoalStatus.ON_TRACK
    assert tab.services.context.data is not None
    assert page.service.status_by_hand(goal_id)

    editor = edit_cell(qtbot, tab, FACTOR)
    assert isinstance(editor, QComboBox)
    editor.setCurrentIndex(editor.findData(Factor.TEAMWORK.value))
    commit(qtbot, editor)
    assert tab.goal(goal_id).factor is Factor.TEAMWORK

    assert tab.stack.count() == 5  # the step added and undone above is gone from the stack
    tab.undo_all(qtbot)
    restored = tab.goal(goal_id)
    assert (restored.title, restored.deadline, restored.progress, restored.factor) == (
        original.title,
        original.deadline,
        original.progress,
        original.factor,
    )
    assert restored.status is original.status
    assert not page.service.status_by_hand(goal_id)


def test_add_reorder_and_tick_steps_then_undo(qtbot: QtBot, tab: Tab) -> None:
    page = tab.page
    row = next(r for r in range(page.model.rowCount()) if page.model.item(r).steps_total >= 2)
    page.view.selectRow(row)
    goal_id = tab.current_id()
    original = tab.goal(goal_id)
    steps = page.detail.steps

    qtbot.keyClicks(steps.add_edit, "Write it up for the team")
    qtbot.keyClick(steps.add_edit, Qt.Key.Key_Return)
    assert tab.goal(goal_id).steps[-1].text == "Write it up for the team"
    assert steps.add_edit.text() == ""

    last = len(tab.goal(goal_id).steps) - 1
    steps.view.setFocus()
    steps.view.setCurrentIndex(steps.model.index(last))
    qtbot.keyClick(steps.view, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    moved = tab.goal(goal_id).steps
    assert moved[last - 1].text == "Write it up for the team"
    assert steps.current_row() == last - 1

    qtbot.keyClick(steps.view, Qt.Key.Key_Space)  # tick it off
    ticked = tab.goal(goal_id).steps[last - 1]
    assert ticked.done
    assert ticked.done_on == TODAY

    steps.due_edit.setFocus()
    qtbot.keyClicks(steps.due_edit, "2027-01-15")
    qtbot.keyClick(steps.due_edit, Qt.Key.Key_Return)
    assert tab.goal(goal_id).steps[last - 1].due == date(2027, 1, 15)

    assert tab.stack.count() == 4
    tab.undo_all(qtbot)
    assert tab.goal(goal_id).steps == original.steps


def test_ticking_the_last_step_offers_to_mark_the_goal_done(qtbot: QtBot, tab: Tab) -> None:
    page = tab.page
    row = next(r for r in range(page.model.rowCount()) if page.model.item(r).steps_total)
    page.view.selectRow(row)
    goal_id = tab.current_id()
    page.service.set_status(goal_id, GoalStatus.IN_PROGRESS)  # chosen by hand: stays
    steps = page.detail.steps
    steps.view.setFocus()
    for n, step in enumerate(tab.goal(goal_id).steps):
        if not step.done:
            steps.view.setCurrentIndex(steps.model.index(n))
            qtbot.keyClick(steps.view, Qt.Key.Key_Space)
    assert tab.goal(goal_id).progress == 100
    assert tab.goal(goal_id).status is GoalStatus.IN_PROGRESS
    assert page.detail.offer.isVisible()
    qtbot.mouseClick(page.detail.offer_yes, Qt.MouseButton.LeftButton)
    assert tab.goal(goal_id).status is GoalStatus.DONE
    assert tab.goal(goal_id).completed_on == TODAY
    assert not page.detail.offer.isVisible()
    tab.stack.undo()
    assert tab.goal(goal_id).status is GoalStatus.IN_PROGRESS


def test_a_check_in_is_two_keystrokes_away_and_undoable(qtbot: QtBot, tab: Tab) -> None:
    page = tab.page
    goal_id = tab.current_id()
    count = len(tab.goal(goal_id).checkins)
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    note = page.detail.checkins.note_edit
    assert QApplication.focusWidget() is note
    qtbot.keyClicks(note, "Booked the exam for March")
    qtbot.keyClick(note, Qt.Key.Key_Return)
    checkins = tab.goal(goal_id).checkins
    assert len(checkins) == count + 1
    assert (checkins[-1].date, checkins[-1].note) == (TODAY, "Booked the exam for March")
    assert page.detail.checkins.model.index(0).data().endswith("Booked the exam for March")
    qtbot.keyClick(page.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(tab.goal(goal_id).checkins) == count


def test_detail_fields_save_when_left_and_undo(qtbot: QtBot, tab: Tab) -> None:
    detail = tab.page.detail
    goal_id = tab.current_id()
    original = tab.goal(goal_id)
    detail.measure_edit.setFocus()
    detail.measure_edit.selectAll()
    qtbot.keyClicks(detail.measure_edit, "Certificate in hand")
    qtbot.keyClick(detail.measure_edit, Qt.Key.Key_Tab)
    assert tab.goal(goal_id).measure == "Certificate in hand"
    detail.why_edit.setFocus()
    detail.why_edit.selectAll()
    qtbot.keyClicks(detail.why_edit, "It opens the platform role")
    detail.measure_edit.setFocus()  # leaving the box saves it
    assert tab.goal(goal_id).why == "It opens the platform role"
    detail.title_edit.setFocus()
    detail.title_edit.selectAll()
    qtbot.keyClick(detail.title_edit, Qt.Key.Key_Delete)
    qtbot.keyClick(detail.title_edit, Qt.Key.Key_Tab)  # an empty title is refused, kept
    assert tab.goal(goal_id).title == original.title
    assert detail.title_edit.text() == original.title
    tab.undo_all(qtbot)
    assert (tab.goal(goal_id).why, tab.goal(goal_id).measure) == (original.why, original.measure)


def test_filter_and_sort(qtbot: QtBot, tab: Tab) -> None:
    page, model = tab.page, tab.page.model
    total = model.total()
    open_rows = model.rowCount()
    assert open_rows < total  # done and dropped hidden at first
    qtbot.mouseClick(page.show_closed, Qt.MouseButton.LeftButton)
    assert model.rowCount() == total
    word = model.item(0).title.split()[0]
    page.focus_search()
    assert QApplication.focusWidget() is page.search
    qtbot.keyClicks(page.search, word.upper())
    assert 0 < model.rowCount() < total
    assert all(
        word.casefold() in (model.item(r).title + (model.item(r).next_step or "")).casefold()
        for r in range(model.rowCount())
    )
    page.search.clear()
    page.status_filter.setCurrentIndex(page.status_filter.findData(GoalStatus.AT_RISK.value))
    assert all(model.item(r).status is GoalStatus.AT_RISK for r in range(model.rowCount()))
    page.status_filter.setCurrentIndex(0)
    factor = next(model.item(r).factor for r in range(model.rowCount()) if model.item(r).factor)
    page.factor_filter.setCurrentIndex(page.factor_filter.findData(factor.value))
    assert model.rowCount() > 0
    assert all(model.item(r).factor is factor for r in range(model.rowCount()))
    page.factor_filter.setCurrentIndex(0)
    page.view.sortByColumn(DEADLINE, Qt.SortOrder.AscendingOrder)
    days = [model.item(r).deadline for r in range(model.rowCount())]
    dated = [d for d in days if d is not None]
    assert dated == sorted(dated)
    page.view.sortByColumn(TITLE, Qt.SortOrder.DescendingOrder)
    titles = [model.item(r).title.casefold() for r in range(model.rowCount())]
    assert titles == sorted(titles, reverse=True)
    qtbot.keyClicks(page.search, "no goal is called this")
    assert model.rowCount() == 0
    assert page.empty_label.isVisible()
    assert page.no_selection.isVisible()  # no disabled form: a word on what shows there
    assert not page.detail.isVisible()


def test_delete_asks_first_and_undo_brings_it_back(qtbot: QtBot, tab: Tab) -> None:
    page = tab.page
    goal_id = tab.current_id()
    total = page.model.total()

    def cancel(dialog: QWidget) -> None:
        assert isinstance(dialog, QMessageBox)
        dialog.reject()

    when_modal(qtbot, cancel)
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Delete)
    assert page.model.total() == total

    def confirm(dialog: QWidget) -> None:
        assert isinstance(dialog, QMessageBox)
        delete = next(b for b in dialog.buttons() if b.text() == "Delete")
        delete.click()

    tab.host.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is tab.host)
    when_modal(qtbot, confirm)
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Delete)
    assert page.model.total() == total - 1
    with pytest.raises(GoalNotFoundError):
        tab.goal(goal_id)
    tab.host.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is tab.host)
    qtbot.keyClick(page.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert page.model.total() == total
    assert tab.goal(goal_id).id == goal_id


def test_select_record_shows_a_hidden_goal_and_links_open_their_tab(qtbot: QtBot, tab: Tab) -> None:
    page = tab.page
    closed = next(i for i in page.service.items() if i.status.is_closed)
    assert page.select_record(closed.id)
    assert tab.current_id() == closed.id
    assert page.detail.title_edit.text() == closed.title
    assert not page.select_record("no-such-goal")
    linked = next(i for i in page.service.items() if page.service.links(i.id))
    page.select_record(linked.id)
    links = page.detail.links_view
    assert links.isVisible()
    links.setFocus()
    links.setCurrentIndex(page.detail.links_model.index(0))
    qtbot.keyClick(links, Qt.Key.Key_Return)
    first = page.service.links(linked.id)[0]
    tab_name = "journalTab" if first.kind.value == "feedback" else "networkTab"
    assert tab.opened == [(tab_name, first.id)]


def test_new_goal_from_a_template(qtbot: QtBot, tab: Tab) -> None:
    total = tab.page.model.total()

    def choose(dialog: QWidget) -> None:
        view = dialog.findChild(QWidget, "goalTemplatesList")
        qtbot.keyClick(view, Qt.Key.Key_Down)
        qtbot.keyClick(view, Qt.Key.Key_Return)

    when_modal(qtbot, choose)
    tab.page.view.setFocus()
    qtbot.keyClick(
        tab.page.view,
        Qt.Key.Key_N,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert tab.page.model.total() == total + 1
    goal = tab.goal(tab.current_id())
    assert goal.factor is Factor.PEOPLE
    assert goal.steps
    assert goal.deadline is not None
    assert goal.deadline > TODAY
    tab.stack.undo()
    assert tab.page.model.total() == total


def test_dropping_a_goal_in_its_cell_hides_it_and_undo_shows_it(qtbot: QtBot, tab: Tab) -> None:
    page = tab.page
    goal_id = tab.current_id()
    editor = edit_cell(qtbot, tab, STATUS)
    assert isinstance(editor, QComboBox)
    editor.setCurrentIndex(editor.findData(GoalStatus.DROPPED.value))
    commit(qtbot, editor)
    assert tab.goal(goal_id).status is GoalStatus.DROPPED
    qtbot.waitUntil(lambda: page.model.row_of(goal_id) == -1)  # done and dropped are hidden
    tab.stack.undo()
    qtbot.waitUntil(lambda: page.model.row_of(goal_id) >= 0)
    assert not tab.goal(goal_id).status.is_closed


def test_rename_and_remove_steps_and_check_ins_by_keyboard(qtbot: QtBot, tab: Tab) -> None:
    page = tab.page
    row = next(r for r in range(page.model.rowCount()) if page.model.item(r).steps_total >= 2)
    page.view.selectRow(row)
    goal_id = tab.current_id()
    original = tab.goal(goal_id)
    steps = page.detail.steps
    steps.view.setFocus()
    steps.view.setCurrentIndex(steps.model.index(0))
    qtbot.keyClick(steps.view, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "Book the exam for March")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tab.goal(goal_id).steps[0].text == "Book the exam for March")
    steps.view.setFocus()
    steps.view.setCurrentIndex(steps.model.index(1))
    qtbot.keyClick(steps.view, Qt.Key.Key_Delete)
    assert [s.id for s in tab.goal(goal_id).steps] == [
        s.id for n, s in enumerate(original.steps) if n != 1
    ]
    page.detail.checkins.note_edit.setFocus()
    qtbot.keyClicks(page.detail.checkins.note_edit, "<i>half way</i>")
    qtbot.keyClick(page.detail.checkins.note_edit, Qt.Key.Key_Return)
    checkins = page.detail.checkins
    checkins.view.setFocus()
    checkins.view.setCurrentIndex(checkins.model.index(0))
    qtbot.keyClick(checkins.view, Qt.Key.Key_Delete)
    assert tab.goal(goal_id).checkins == original.checkins
    tab.undo_all(qtbot)
    assert tab.goal(goal_id).steps == original.steps


def test_typing_is_saved_after_a_pause_as_one_undo_step(qtbot: QtBot, tab: Tab) -> None:
    detail = tab.page.detail
    goal_id = tab.current_id()
    original = tab.goal(goal_id).why
    detail.why_edit.setFocus()
    detail.why_edit.selectAll()
    qtbot.keyClicks(detail.why_edit, "Because the team needs it")
    qtbot.waitUntil(lambda: tab.goal(goal_id).why == "Because the team needs it")
    qtbot.keyClicks(detail.why_edit, ", and so do I")
    qtbot.waitUntil(lambda: tab.goal(goal_id).why.endswith("so do I"))
    assert detail.why_edit.hasFocus()
    assert tab.stack.count() == 1
    tab.stack.undo()
    assert tab.goal(goal_id).why == original


def test_undo_while_typing_in_a_field_shows_in_it_and_stays_undone(qtbot: QtBot, tab: Tab) -> None:
    detail = tab.page.detail
    goal_id = tab.current_id()
    original = tab.goal(goal_id).title
    detail.title_edit.setFocus()
    detail.title_edit.selectAll()
    qtbot.keyClicks(detail.title_edit, "Lead the platform guild")
    qtbot.keyClick(detail.title_edit, Qt.Key.Key_Return)
    assert tab.goal(goal_id).title == "Lead the platform guild"
    detail.title_edit.setFocus()
    tab.stack.undo()  # Edit ▸ Undo while the field still has focus
    assert detail.title_edit.text() == original
    tab.page.view.setFocus()  # leaving the field must not save the old text again
    assert tab.goal(goal_id).title == original
    assert tab.stack.canRedo()


# The offscreen platform cannot raise a popup or grab the keyboard, and says so.
@pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing the keyboard")
def test_the_calendar_of_an_empty_date_opens_on_this_month(qtbot: QtBot) -> None:
    editor = DateEntry("Deadline", none_text="No deadline", today=lambda: TODAY)
    qtbot.addWidget(editor)
    with qtbot.waitExposed(editor):
        editor.show()
    assert editor.value() is None
    assert editor.placeholderText() == "No deadline"
    editor.pick_action.trigger()  # what a click on the calendar icon does
    calendar = editor._calendar
    assert calendar is not None
    qtbot.waitUntil(calendar.isVisible)
    assert (calendar.yearShown(), calendar.monthShown()) == (TODAY.year, TODAY.month)
    qtbot.keyClick(calendar, Qt.Key.Key_Escape)
    assert editor.value() is None
