"""Hostile text typed or pasted into the Goals tab: the title, why and measure in the detail
pane and in the table's cells, action steps (added and renamed), check-in notes. What is
stored is what the field holds (one-line fields trimmed); the table shows it literally.

Defects found here belong to the Goals tab's owner: each is an `xfail(strict=True)` test
named after it, so that it turns red the day it is fixed and the mark must go."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from ontrack.domain.goals import Goal, Step
from ontrack.ui.goals.page import GoalsPage
from ontrack.ui.goals.table_model import TITLE
from ontrack.ui.main_window import MainWindow
from ontrack.ui.roles import RECORD_ROLE
from tests.gui.hostile_typing import (
    DAYS,
    HOSTILE,
    SHORT,
    enter,
    focus,
    leave,
    renders_markup,
    tooltip_renders_markup,
)


def _page(window: MainWindow) -> GoalsPage:
    window.show_tab("goalsTab")
    page = window.tab_page("goalsTab")
    assert isinstance(page, GoalsPage)
    page.load()
    page.view.selectRow(0)
    assert page.detail.goal is not None
    return page


def _current_id(page: GoalsPage) -> str:
    return str(page.view.currentIndex().data(RECORD_ROLE).id)


def _row_of(page: GoalsPage, goal_id: str) -> int:
    model = page.view.model()
    rows = range(model.rowCount())
    return next(r for r in rows if model.index(r, 0).data(RECORD_ROLE).id == goal_id)


@pytest.mark.parametrize("name", list(SHORT))
def test_detail_fields_steps_and_check_ins_keep_hostile_text(
    qtbot: QtBot, window: MainWindow, name: str
) -> None:
    value = SHORT[name]
    page = _page(window)
    detail = page.detail
    goal_id = _current_id(page)
    service = page.service
    enter(qtbot, detail.why_edit, value)
    leave(qtbot, detail.why_edit, detail.measure_edit)
    assert service.get(goal_id).why == value
    enter(qtbot, detail.measure_edit, value)
    leave(qtbot, detail.measure_edit, detail.why_edit)
    assert service.get(goal_id).measure.strip() == value.strip()
    if value.strip():
        enter(qtbot, detail.title_edit, value)
        leave(qtbot, detail.title_edit, detail.why_edit)
        title = service.get(goal_id).title
        assert title == value.strip()
        model = page.view.model()
        shown = model.index(_row_of(page, goal_id), TITLE).data()
        assert shown == title
        assert not tooltip_renders_markup(model, "<b>Lead & grow</b>")
        steps = detail.steps
        enter(qtbot, steps.add_edit, value)
        qtbot.keyClick(steps.add_edit, Qt.Key.Key_Return)
        assert service.get(goal_id).steps[-1].text == value.strip()
        note = detail.checkins.note_edit
        enter(qtbot, note, value)
        qtbot.keyClick(note, Qt.Key.Key_Return)
        assert value.strip() in [c.note.strip() for c in service.get(goal_id).checkins]
    labels = detail.findChildren(QLabel)
    assert not [label.text() for label in labels if renders_markup(label, value)]


def _edit_in_place(qtbot: QtBot, view: QAbstractItemView, value: str) -> None:
    """F2 on the current cell, replace its text, Enter."""
    focus(qtbot, view)
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    enter(qtbot, editor, value)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState)


IN_PLACE = ["html", "qt rich text", "right to left", "emoji", "cjk"]


@pytest.mark.parametrize("name", IN_PLACE)
def test_the_title_cell_keeps_hostile_text(qtbot: QtBot, window: MainWindow, name: str) -> None:
    value = SHORT[name]
    page = _page(window)
    goal_id = _current_id(page)
    page.view.setCurrentIndex(page.view.currentIndex().siblingAtColumn(TITLE))
    _edit_in_place(qtbot, page.view, value)
    assert page.service.get(goal_id).title == value


def test_a_title_edited_in_its_cell_shows_in_the_row_and_the_detail_pane(
    qtbot: QtBot, window: MainWindow
) -> None:
    value = SHORT["html"]
    page = _page(window)
    goal_id = _current_id(page)
    page.view.setCurrentIndex(page.view.currentIndex().siblingAtColumn(TITLE))
    _edit_in_place(qtbot, page.view, value)
    assert page.service.get(goal_id).title == value
    model = page.view.model()
    assert model.index(_row_of(page, goal_id), TITLE).data() == value
    assert page.detail.title_edit.text() == value


@pytest.mark.parametrize("name", IN_PLACE)
def test_a_step_renamed_in_place_keeps_hostile_text(
    qtbot: QtBot, window: MainWindow, name: str
) -> None:
    value = SHORT[name]
    page = _page(window)
    goal_id = _current_id(page)
    steps = page.detail.steps
    assert page.service.get(goal_id).steps
    steps.view.setCurrentIndex(steps.model.index(0))
    _edit_in_place(qtbot, steps.view, value)
    assert page.service.get(goal_id).steps[0].text == value
    assert steps.model.index(0).data() == value


def test_after_renaming_in_the_table_the_detail_pane_follows_and_saves_steps(
    qtbot: QtBot, window: MainWindow
) -> None:
    page = _page(window)
    goal_id = _current_id(page)
    page.view.setCurrentIndex(page.view.currentIndex().siblingAtColumn(TITLE))
    _edit_in_place(qtbot, page.view, "Renamed in the table")
    assert page.service.get(goal_id).title == "Renamed in the table"
    steps = page.detail.steps
    steps.view.setCurrentIndex(steps.model.index(0))
    _edit_in_place(qtbot, steps.view, "Renamed step")
    stored = page.service.get(goal_id)
    assert (stored.title, stored.steps[0].text) == ("Renamed in the table", "Renamed step")
    assert page.detail.title_edit.text() == "Renamed in the table"


def test_the_longest_pasted_text_in_why_is_kept_and_lines_keep_what_they_show(
    qtbot: QtBot, window: MainWindow
) -> None:
    value = HOSTILE["longest allowed"]
    page = _page(window)
    detail = page.detail
    goal_id = _current_id(page)
    enter(qtbot, detail.why_edit, value)
    leave(qtbot, detail.why_edit, detail.measure_edit)
    assert page.service.get(goal_id).why == value
    enter(qtbot, detail.measure_edit, value)
    leave(qtbot, detail.measure_edit, detail.why_edit)
    assert page.service.get(goal_id).measure == detail.measure_edit.text()


def test_an_empty_title_is_refused_with_a_visible_message(qtbot: QtBot, window: MainWindow) -> None:
    page = _page(window)
    detail = page.detail
    goal_id = _current_id(page)
    before = page.service.get(goal_id).title
    enter(qtbot, detail.title_edit, HOSTILE["whitespace only"])
    leave(qtbot, detail.title_edit, detail.why_edit)
    assert page.service.get(goal_id).title == before
    messages = [
        label.text()
        for label in detail.findChildren(QLabel)
        if label.isVisible() and "title" in label.text().lower()
    ]
    assert messages, "no visible message says why the empty title was not kept"


def _edge_goal(page: GoalsPage, day: date) -> str:
    goal = page.service.create(
        Goal("", "At the edge of the calendar", deadline=day, steps=(Step("s", "x", due=day),))
    )
    assert page.select_record(goal.id)
    return goal.id


@pytest.mark.parametrize("name", list(DAYS))
def test_the_ends_of_the_calendar_survive_an_edit_of_another_field(
    qtbot: QtBot, window: MainWindow, name: str
) -> None:
    page = _page(window)
    day = DAYS[name]
    goal_id = _edge_goal(page, day)
    enter(qtbot, page.detail.why_edit, "edited")
    leave(qtbot, page.detail.why_edit, page.detail.measure_edit)
    stored = page.service.get(goal_id)
    assert (stored.why, stored.deadline, stored.steps[0].due) == ("edited", day, day)


def test_a_progress_out_of_range_cannot_be_typed_and_what_shows_is_stored(
    qtbot: QtBot, window: MainWindow
) -> None:
    page = _page(window)
    goal = page.service.create(Goal("", "No steps, progress by hand"))
    assert page.select_record(goal.id)
    spin = page.detail.progress_spin
    focus(qtbot, spin)
    qtbot.keyClick(spin, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(spin, "500")  # the third digit is refused as it is typed
    assert spin.value() <= 100
    leave(qtbot, spin, page.detail.why_edit)
    assert page.service.get(goal.id).progress == spin.value()
    checkin = page.detail.checkins.progress_spin
    focus(qtbot, checkin)
    qtbot.keyClick(checkin, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(checkin, "101")
    assert -1 <= checkin.value() <= 100
