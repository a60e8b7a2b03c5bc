"""The Journal tab as a person uses it, keyboard first: record feedback, link a contact and a
goal, ask for feedback and record the answer, turn the plan into goal steps, follow up,
search and filter, delete, and undo of every change.

The page is built alone over a demo file through a TabContext (as the window builds it),
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
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit, QMainWindow, QWidget
from pytestqt.qtbot import QtBot

from ontrack.domain.clock import FixedClock
from ontrack.domain.enums import Factor, FeedbackKind
from ontrack.domain.journal import Feedback
from ontrack.services.goals import GoalService
from ontrack.services.registry import Services
from ontrack.storage.database import open_data_file
from ontrack.ui.journal.page import JournalPage
from ontrack.ui.roles import RECORD_ROLE
from ontrack.ui.tabs import journal as journal_tab
from ontrack.ui.tabs.base import TabContext
from tests.gui.conftest import when_modal

TODAY = date(2026, 11, 24)
# The completer's popup asks the offscreen platform for things it cannot do; not ours.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")


@dataclass
class Tab:
    host: QMainWindow
    page: JournalPage
    services: Services
    stack: QUndoStack
    opened: list[tuple[str, str | None]]

    def stored(self) -> Feedback:
        current = self.page.editor.current
        assert current is not None
        return self.page.service.get(current.id)

    def list_ids(self) -> list[str]:
        model = self.page.model
        return [model.index(r, 0).data(RECORD_ROLE).id for r in range(model.rowCount())]

    def undo(self, qtbot: QtBot) -> None:
        qtbot.keyClick(self.page.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


@pytest.fixture
def tab(qtbot: QtBot, demo_file: Path, clock: FixedClock, settings: QSettings) -> Iterator[Tab]:
    data = open_data_file(demo_file)
    services = Services.create(data, clock)
    host = QMainWindow()
    stack = QUndoStack(host)
    opened: list[tuple[str, str | None]] = []
    context = TabContext(services, stack, clock, settings, lambda t, r: opened.append((t, r)))
    undo = stack.createUndoAction(host, "&Undo")
    undo.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
    host.addAction(undo)
    page = journal_tab.build(context)
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


def type_into(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Click into the field and type at the end of what is there."""
    widget.setFocus()
    if isinstance(widget, QLineEdit):
        qtbot.keyClick(widget, Qt.Key.Key_End)
    else:
        qtbot.keyClick(widget, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(widget, text)


def leave(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.keyClick(widget, Qt.Key.Key_Tab)  # leaving a field saves it


def test_record_feedback_by_keyboard_and_undo_it(qtbot: QtBot, tab: Tab) -> None:
    before = tab.page.model.total()
    tab.page.view.setFocus()
    qtbot.keyClick(tab.page.view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    editor = tab.page.editor
    assert QApplication.focusWidget() is editor.who_edit
    assert tab.page.model.total() == before + 1
    type_into(qtbot, editor.who_edit, "Grace Hopper")
    leave(qtbot, editor.who_edit)
    type_into(qtbot, editor.behavior_edit, "You explained the outage calmly")
    type_into(qtbot, editor.reflection_edit, "Keep doing it")
    editor.factor_picker.boxes[Factor.IMAGE].setFocus()
    qtbot.keyClick(editor.factor_picker.boxes[Factor.IMAGE], Qt.Key.Key_Space)
    type_into(qtbot, editor.tags_edit, "outage, calm")
    leave(qtbot, editor.tags_edit)
    stored = tab.stored()
    assert stored.source_name == "Grace Hopper"
    assert stored.behavior == "You explained the outage calmly"
    assert stored.reflection == "Keep doing it"
    assert stored.factors == (Factor.IMAGE,)
    assert stored.tags == ("outage", "calm")
    assert stored.date == TODAY
    assert tab.list_ids()[0] == stored.id  # newest first
    # Typing into one field was one undo step each: tags, factor, reflection, behaviour, who.
    tab.undo(qtbot)
    assert tab.stored().tags == ()
    assert editor.tags_edit.text() == ""
    while tab.stack.canUndo():
        tab.undo(qtbot)
    assert tab.page.service.find(stored.id) is None
    assert tab.page.model.total() == before


def test_typing_is_saved_after_a_pause_and_survives_selecting_another(
    qtbot: QtBot, tab: Tab
) -> None:
    first_id = tab.list_ids()[0]
    editor = tab.page.editor
    type_into(qtbot, editor.plan_edit, "Ask Sam")
    qtbot.waitUntil(lambda: tab.page.service.get(first_id).action_plan.endswith("Ask Sam"))
    type_into(qtbot, editor.plan_edit, " again")
    assert editor.has_pending_edits()
    tab.page.view.setFocus()
    qtbot.keyClick(tab.page.view, Qt.Key.Key_Down)  # selection change saves at once
    assert tab.page.service.get(first_id).action_plan.endswith("Ask Sam again")
    assert editor.current is not None
    assert editor.current.id == tab.list_ids()[1]


def test_link_a_contact_by_completion_and_a_goal(qtbot: QtBot, tab: Tab) -> None:
    editor = tab.page.editor
    tab.page.new_entry()
    contact_id, name = tab.page.service.contact_names()[0]
    type_into(qtbot, editor.who_edit, name[:4])
    popup = editor.completer.popup()
    qtbot.waitUntil(popup.isVisible)
    row = next(
        r for r in range(popup.model().rowCount()) if popup.model().index(r, 0).data() == name
    )
    popup.setCurrentIndex(popup.model().index(row, 0))
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert tab.stored().contact == contact_id
    assert tab.stored().source_name == name
    assert "Linked to" in editor.contact_label.text()
    qtbot.mouseClick(editor.open_contact_button, Qt.MouseButton.LeftButton)
    assert tab.opened[-1] == ("networkTab", contact_id)
    # Typing another name unlinks; undo links again.
    type_into(qtbot, editor.who_edit, "x")
    assert tab.stored().contact is None
    leave(qtbot, editor.who_edit)
    tab.undo(qtbot)
    assert tab.stored().contact == contact_id
    goal_id, title = tab.page.service.goal_titles()[0]
    editor.goal_combo.setFocus()
    editor.goal_combo.setCurrentIndex(editor.goal_combo.findData(goal_id))
    leave(qtbot, editor.goal_combo)
    assert tab.stored().goal == goal_id
    assert editor.goal_combo.currentText() == title


def test_ask_for_feedback_then_record_the_answer(qtbot: QtBot, tab: Tab) -> None:
    def answer(dialog: QWidget) -> None:
        qtbot.keyClicks(dialog.whom, "Linus")
        dialog.about.setFocus()
        qtbot.keyClicks(dialog.about, "my code review tone")
        qtbot.keyClick(dialog, Qt.Key.Key_Return)

    seen = when_modal(qtbot, answer)
    qtbot.keyClick(
        tab.page.view,
        Qt.Key.Key_N,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert seen
    tab.host.activateWindow()  # offscreen Qt does not give it back after a modal dialog
    qtbot.waitUntil(lambda: QApplication.activeWindow() is tab.host)
    request = tab.stored()
    assert request.kind is FeedbackKind.REQUEST
    assert request.source_name == "Linus"
    assert request.situation == "my code review tone"
    assert request.follow_up_on == date(2026, 12, 8)
    editor = tab.page.editor
    assert editor.request_banner.isVisibleTo(tab.page)
    assert tab.list_ids()[0] == request.id
    assert tab.page.model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    qtbot.mouseClick(editor.record_answer_button, Qt.MouseButton.LeftButton)
    answered = tab.stored()
    assert answered.id == request.id
    assert answered.kind is FeedbackKind.CONSTRUCTIVE
    assert answered.follow_up_on is None
    assert not editor.request_banner.isVisibleTo(tab.page)
    assert QApplication.focusWidget() is editor.text_edit.source
    qtbot.keyClicks(editor.text_edit.source, "Be kinder in reviews")
    leave(qtbot, editor.text_edit.source)
    assert tab.stored().text == "Be kinder in reviews"
    tab.undo(qtbot)
    tab.undo(qtbot)
    assert tab.stored().kind is FeedbackKind.REQUEST


def test_turn_the_action_plan_into_goal_steps(qtbot: QtBot, tab: Tab) -> None:
    goals = GoalService(tab.services.context)
    editor = tab.page.editor
    tab.page.new_entry()
    type_into(qtbot, editor.who_edit, "Sam")
    type_into(qtbot, editor.plan_edit, "- Rehearse the demo")
    qtbot.keyClick(editor.plan_edit, Qt.Key.Key_Return)
    qtbot.keyClicks(editor.plan_edit, "- Ask Sam afterwards")
    qtbot.mouseClick(editor.plan_button, Qt.MouseButton.LeftButton)
    goal_id = tab.stored().goal
    assert goal_id is not None
    goal = goals.get(goal_id)
    assert goal.title == "Act on feedback from Sam"
    assert [s.text for s in goal.steps] == ["Rehearse the demo", "Ask Sam afterwards"]
    assert "2 steps" in editor.plan_status.text()
    # A second plan goes to the linked goal; one undo takes back the whole action.
    editor.plan_edit.setFocus()
    qtbot.keyClick(editor.plan_edit, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(editor.plan_edit, Qt.Key.Key_Return)
    qtbot.keyClicks(editor.plan_edit, "Send notes")
    qtbot.mouseClick(editor.plan_button, Qt.MouseButton.LeftButton)
    assert len(goals.get(goal_id).steps) == 5
    tab.undo(qtbot)
    assert len(goals.get(goal_id).steps) == 2
    tab.undo(qtbot)  # the plan's last line
    tab.undo(qtbot)  # the first conversion: goal, link and steps
    assert tab.stored().goal is None
    assert tab.page.service.find(tab.stored().id) is not None


def test_mark_a_follow_up_done_and_filter_what_needs_me(qtbot: QtBot, tab: Tab) -> None:
    page = tab.page
    page.filters.needs_follow_up.setFocus()
    qtbot.keyClick(page.filters.needs_follow_up, Qt.Key.Key_Space)
    due = [page.model.record(r) for r in range(page.model.rowCount())]
    assert due
    assert all(e.kind is FeedbackKind.REQUEST or e.follow_up_due(TODAY) for e in due)
    entry = next(e for e in due if e.kind is not FeedbackKind.REQUEST)
    assert page.select_record(entry.id)
    editor = page.editor
    type_into(qtbot, editor.follow_up_note_edit, "Showed the new plan")
    qtbot.mouseClick(editor.mark_done_button, Qt.MouseButton.LeftButton)
    stored = page.service.get(entry.id)
    assert stored.followed_up_on == TODAY
    assert stored.follow_up_note == "Showed the new plan"
    assert entry.id not in tab.list_ids()  # no longer due
    assert not editor.mark_done_button.isEnabled()
    tab.undo(qtbot)
    assert page.service.get(entry.id).followed_up_on is None
    assert entry.id in tab.list_ids()


def test_search_and_filters_combine(qtbot: QtBot, tab: Tab) -> None:
    page = tab.page
    total = page.model.total()
    tab.host.activateWindow()
    assert page.focus_search()
    assert QApplication.focusWidget() is page.filters.search
    qtbot.keyClicks(page.filters.search, "Asked")
    qtbot.waitUntil(lambda: page.model.query.text == "Asked")
    found = page.model.total()
    assert 0 < found < total
    assert page.delegate.terms == ("asked",)
    page.filters.kind.setCurrentIndex(page.filters.kind.findData(FeedbackKind.REQUEST.value))
    assert 0 < page.model.total() <= found
    assert all(
        page.model.record(r).kind is FeedbackKind.REQUEST for r in range(page.model.rowCount())
    )
    assert "found" in page.count_label.text()
    qtbot.keyClicks(page.filters.search, " zzzqqq")
    qtbot.waitUntil(lambda: page.model.total() == 0)
    assert page.list_stack.currentWidget() is page.empty_label
    qtbot.mouseClick(page.filters.clear_button, Qt.MouseButton.LeftButton)
    assert page.model.total() == total
    assert page.filters.search.text() == ""


def test_delete_with_the_delete_key_and_undo(qtbot: QtBot, tab: Tab) -> None:
    first, second = tab.list_ids()[:2]
    tab.page.view.setFocus()
    qtbot.keyClick(tab.page.view, Qt.Key.Key_Delete)
    assert tab.page.service.find(first) is None
    assert tab.page.editor.current is not None
    assert tab.page.editor.current.id == second
    tab.undo(qtbot)
    assert tab.page.service.find(first) is not None
    assert tab.list_ids()[0] == first


def test_dates_are_typed_and_a_wrong_one_keeps_the_stored_day(qtbot: QtBot, tab: Tab) -> None:
    editor = tab.page.editor
    follow_up = editor.follow_up_field
    follow_up.setFocus()
    follow_up.selectAll()
    qtbot.keyClicks(follow_up, "3 march 2026")
    leave(qtbot, follow_up)
    assert tab.stored().follow_up_on == date(2026, 3, 3)
    assert follow_up.text() == "3 Mar 2026"
    follow_up.setFocus()
    follow_up.selectAll()
    qtbot.keyClicks(follow_up, "31 Feb 2026")  # no such day: said, and nothing lost
    leave(qtbot, follow_up)
    assert tab.stored().follow_up_on == date(2026, 3, 3)
    assert follow_up.text() == "31 Feb 2026"
    assert follow_up.accessibleDescription().startswith("“31 Feb 2026” is not a date")
    follow_up.setFocus()
    follow_up.selectAll()
    qtbot.keyClick(follow_up, Qt.Key.Key_Delete)  # emptied: no follow-up planned
    leave(qtbot, follow_up)
    assert tab.stored().follow_up_on is None
    assert follow_up.placeholderText() == "Not planned"


def test_the_date_range_filter_narrows_the_list(qtbot: QtBot, tab: Tab) -> None:
    filters = tab.page.filters
    days = [tab.page.service.get(i).date for i in tab.list_ids()]
    cut = sorted(days)[len(days) // 2]
    filters.since.setFocus()
    qtbot.keyClicks(filters.since, cut.isoformat())
    qtbot.keyClick(filters.since, Qt.Key.Key_Return)
    shown = [tab.page.service.get(i).date for i in tab.list_ids()]
    assert shown
    assert min(shown) >= cut
    assert len(shown) < len(days)


def test_asking_for_feedback_refuses_a_chase_day_that_is_not_a_date(qtbot: QtBot) -> None:
    from ontrack.ui.journal.ask_dialog import CHASE_AFTER, AskFeedbackDialog

    dialog = AskFeedbackDialog([], TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.chase_on.value() == TODAY + CHASE_AFTER
    qtbot.keyClicks(dialog.whom, "Sam")
    dialog.chase_on.selectAll()
    qtbot.keyClicks(dialog.chase_on, "next week")
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()  # still open, with everything typed
    assert dialog.problem.text().startswith("Chase by: “next week” is not a date")
    assert dialog.whom.text() == "Sam"
    dialog.chase_on.selectAll()
    qtbot.keyClicks(dialog.chase_on, "1 Dec 2026")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.chase_on.value() == date(2026, 12, 1)
