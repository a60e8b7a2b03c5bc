"""Hostile text typed or pasted into every text field of a Journal entry: what is stored is
exactly what the field holds, and the list shows it literally (never as markup)."""

from __future__ import annotations

import sys
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from ontrack.domain.journal import Feedback
from ontrack.ui import errors
from ontrack.ui.journal.editor import JournalEditor, parse_tags
from ontrack.ui.journal.page import JournalPage
from ontrack.ui.main_window import MainWindow
from tests.gui.conftest import when_modal
from tests.gui.hostile_typing import (
    DAYS,
    HOSTILE,
    SHORT,
    enter,
    leave,
    tooltip_renders_markup,
)

TEXT_BOXES = {  # field name of Feedback -> the editor's box
    "situation": lambda e: e.situation_edit,
    "behavior": lambda e: e.behavior_edit,
    "impact": lambda e: e.impact_edit,
    "text": lambda e: e.text_edit.source,
    "reflection": lambda e: e.reflection_edit,
    "action_plan": lambda e: e.plan_edit,
    "follow_up_note": lambda e: e.follow_up_note_edit,
}


def _page(window: MainWindow) -> JournalPage:
    window.show_tab("journalTab")
    page = window.tab_page("journalTab")
    assert isinstance(page, JournalPage)
    assert page.editor.current is not None
    return page


def _stored(page: JournalPage, editor: JournalEditor) -> object:
    assert editor.current is not None
    return page.service.get(editor.current.id)


@pytest.mark.parametrize("name", list(SHORT))
def test_every_text_field_keeps_hostile_text_exactly(
    qtbot: QtBot, window: MainWindow, name: str
) -> None:
    value = SHORT[name]
    page = _page(window)
    editor = page.editor
    for field, box in TEXT_BOXES.items():
        widget = box(editor)
        enter(qtbot, widget, value)
        leave(qtbot, widget, editor.who_edit)
        assert getattr(_stored(page, editor), field) == value, field
    enter(qtbot, editor.who_edit, value)
    leave(qtbot, editor.who_edit, editor.tags_edit)
    stored = _stored(page, editor)
    assert stored.source_name == value.strip()  # a one-line field: trimmed, nothing else
    enter(qtbot, editor.tags_edit, value)
    leave(qtbot, editor.tags_edit, editor.situation_edit)
    stored = _stored(page, editor)
    assert stored.tags == parse_tags(value)
    if value.strip() and "," not in value:
        assert stored.tags == (" ".join(value.split()),)  # one tag, its spaces tidied
    row = page.model.row_of(stored.id)
    assert row is not None
    shown = page.model.data(page.model.index(row, 0))
    if value.strip():
        assert value.strip().splitlines()[0].strip() in shown
    assert not tooltip_renders_markup(page.model, "<b>Lead & grow</b>")


def test_the_longest_pasted_text_is_kept_whole_in_every_text_box(
    qtbot: QtBot, window: MainWindow
) -> None:
    value = HOSTILE["longest allowed"]
    page = _page(window)
    editor = page.editor
    for field, box in TEXT_BOXES.items():
        widget = box(editor)
        enter(qtbot, widget, value)
        leave(qtbot, widget, editor.who_edit)
        assert getattr(_stored(page, editor), field) == value, field


@pytest.fixture
def hook(window: MainWindow) -> Iterator[None]:
    previous = errors.install(lambda: window)
    yield
    sys.excepthook = previous


def test_an_edit_the_file_refuses_is_explained_kept_on_screen_and_saved_later(
    qtbot: QtBot, window: MainWindow, hook: None, capsys: pytest.CaptureFixture[str]
) -> None:
    page = _page(window)
    editor = page.editor
    stack = window.undo_stack
    before = (stack.count(), stack.index(), stack.canUndo(), stack.undoText())
    stored_before = _stored(page, editor)
    data = window.services.context.data
    data.execute("PRAGMA query_only = 1")  # the file cannot be written any more
    boxes: list[QMessageBox] = []

    def read(dialog: QWidget) -> None:
        assert isinstance(dialog, QMessageBox)
        boxes.append(dialog)
        dialog.accept()

    when_modal(qtbot, read)
    enter(qtbot, editor.reflection_edit, "written while the disk said no")
    QTimer.singleShot(0, editor.who_edit.setFocus)  # leave the box from the event loop
    qtbot.waitUntil(lambda: bool(boxes))
    assert boxes[0].windowTitle() == "Your change was not saved"
    assert "cannot be written to" in boxes[0].text()
    assert not boxes[0].text().startswith("Error calling")
    assert (stack.count(), stack.index(), stack.canUndo(), stack.undoText()) == before
    assert _stored(page, editor) == stored_before
    assert editor.reflection_edit.toPlainText() == "written while the disk said no"
    data.execute("PRAGMA query_only = 0")
    assert editor.has_pending_edits()
    window.activateWindow()
    editor.flush()  # as at the next edit, on leaving the entry or closing the window
    assert _stored(page, editor).reflection == "written while the disk said no"
    assert stack.index() == before[1] + 1
    capsys.readouterr()
    assert Qt.TextFormat.PlainText == boxes[0].textFormat()


@pytest.mark.parametrize("name", list(DAYS))
def test_the_ends_of_the_calendar_survive_an_edit_of_another_field(
    qtbot: QtBot, window: MainWindow, name: str
) -> None:
    day = DAYS[name]
    page = _page(window)
    entry = page.service.create(
        Feedback("", day, text="Dated at the edge", follow_up_on=day, followed_up_on=day)
    )
    assert page.select_record(entry.id)
    editor = page.editor
    assert editor.current is not None
    assert editor.current.id == entry.id
    enter(qtbot, editor.reflection_edit, "edited")
    leave(qtbot, editor.reflection_edit, editor.who_edit)
    stored = page.service.get(entry.id)
    assert stored.reflection == "edited"
    assert (stored.date, stored.follow_up_on, stored.followed_up_on) == (day, day, day)
