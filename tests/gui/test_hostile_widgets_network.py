"""Hostile text typed or pasted into the Network tab: every field of a contact, a logged
interaction, an event. What is stored is what the field holds (one-line fields trimmed),
refusals are said in words, and lists and labels show the text literally."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from ontrack.ui.main_window import MainWindow
from ontrack.ui.network.contact_pane import ContactPane
from ontrack.ui.network.page import NetworkPage
from tests.gui.hostile_typing import (
    DAYS,
    HOSTILE,
    MARKER,
    SHORT,
    enter,
    leave,
    tooltip_renders_markup,
)

LINES: dict[str, Callable[[ContactPane], QLineEdit]] = {  # Contact field -> its line
    "company": lambda p: p.company,
    "role": lambda p: p.role,
    "email": lambda p: p.email,
    "phone": lambda p: p.phone,
    "linkedin_url": lambda p: p.linkedin,
    "how_met": lambda p: p.how_met,
}


def _page(window: MainWindow) -> NetworkPage:
    window.show_tab("networkTab")
    page = window.tab_page("networkTab")
    assert isinstance(page, NetworkPage)
    page.load()
    page.table.selectRow(0)
    assert page.pane.contact is not None
    return page


@pytest.mark.parametrize("name", list(SHORT))
def test_every_contact_field_keeps_hostile_text(
    qtbot: QtBot, window: MainWindow, name: str
) -> None:
    value = SHORT[name]
    page = _page(window)
    pane = page.pane
    assert pane.contact is not None
    contact_id = pane.contact.id
    for field, line in LINES.items():
        enter(qtbot, line(pane), value)
        leave(qtbot, line(pane), pane.notes)
        assert getattr(page.network.contact(contact_id), field) == value.strip(), field
    enter(qtbot, pane.notes, value)
    leave(qtbot, pane.notes, pane.name)
    assert page.network.contact(contact_id).notes == value
    enter(qtbot, pane.tags, value)
    leave(qtbot, pane.tags, pane.name)
    tags = page.network.contact(contact_id).tags
    assert tags == ((value.strip(),) if value.strip() else ())
    old_name = page.network.contact(contact_id).name
    enter(qtbot, pane.name, value)
    leave(qtbot, pane.name, pane.company)
    stored = page.network.contact(contact_id)
    if value.strip():
        assert stored.name == " ".join(value.split())
        assert pane.title.text() == stored.name
        assert pane.title.textFormat() == Qt.TextFormat.PlainText
        row = page.model.row_of(contact_id)
        assert row is not None
        assert page.model.data(page.model.index(row, 0)) == stored.name
    else:  # refused in words, the old name kept
        assert stored.name == old_name
        assert pane.message.isVisible()
        assert "needs a name" in pane.message.text()
    assert not tooltip_renders_markup(page.model, "<b>Lead & grow</b>")


def test_the_longest_pasted_text_in_notes_is_kept_and_lines_keep_what_they_show(
    qtbot: QtBot, window: MainWindow
) -> None:
    value = HOSTILE["longest allowed"]
    page = _page(window)
    pane = page.pane
    assert pane.contact is not None
    contact_id = pane.contact.id
    enter(qtbot, pane.notes, value)
    leave(qtbot, pane.notes, pane.name)
    assert page.network.contact(contact_id).notes == value
    enter(qtbot, pane.company, value)  # a line holds at most what it shows
    leave(qtbot, pane.company, pane.name)
    assert page.network.contact(contact_id).company == pane.company.text().strip()


@pytest.mark.parametrize("name", list(DAYS))
def test_the_ends_of_the_calendar_as_dates_met_and_interactions(
    qtbot: QtBot, window: MainWindow, name: str
) -> None:
    day = DAYS[name]
    page = _page(window)
    pane = page.pane
    assert pane.contact is not None
    contact_id = pane.contact.id
    enter(qtbot, pane.met_on, day.isoformat())
    leave(qtbot, pane.met_on, pane.name)
    assert page.network.contact(contact_id).met_on == day
    assert pane.keep_in_touch.text()  # the reconnect line copes with the calendar's ends
    timeline = pane.timeline
    enter(qtbot, timeline.day, day.isoformat())
    enter(qtbot, timeline.notes, HOSTILE["html"])
    timeline.log_button.click()
    logged = [i for i in page.network.contact(contact_id).interactions if i.date == day]
    assert [i.notes for i in logged] == [HOSTILE["html"]]
    enter(qtbot, pane.met_on, "2026-02-30")  # no such day: refused in words
    leave(qtbot, pane.met_on, pane.name)
    assert "not a date" in pane.message.text()
    assert page.network.contact(contact_id).met_on == day


@pytest.mark.parametrize("name", list(SHORT))
def test_interaction_notes_keep_hostile_text(qtbot: QtBot, window: MainWindow, name: str) -> None:
    value = SHORT[name]
    page = _page(window)
    timeline = page.pane.timeline
    contact = page.pane.contact
    assert contact is not None
    enter(qtbot, timeline.notes, value)
    timeline.log_button.click()
    logged = page.network.contact(contact.id).interactions
    assert value.strip() in [i.notes for i in logged]  # notes are trimmed at both ends
    assert not tooltip_renders_markup(timeline.model, "<b>Lead & grow</b>")


@pytest.mark.parametrize("name", list(SHORT))
def test_every_event_field_keeps_hostile_text(qtbot: QtBot, window: MainWindow, name: str) -> None:
    value = SHORT[name]
    page = _page(window)
    events = page.show_events()
    events.list.setCurrentIndex(events.model.index(0))
    event = events.current_event
    assert event is not None
    enter(qtbot, events.location, value)
    leave(qtbot, events.location, events.notes)
    assert page.network.event(event.id).location == value.strip()
    enter(qtbot, events.notes, value)
    leave(qtbot, events.notes, events.name)
    assert page.network.event(event.id).notes == value
    enter(qtbot, events.name, value)
    leave(qtbot, events.name, events.location)
    stored = page.network.event(event.id)
    if value.strip():
        assert stored.name == " ".join(value.split())
        assert events.title.textFormat() == Qt.TextFormat.PlainText
        assert stored.name in events.title.text()
    else:
        assert stored.name == event.name
        assert "needs a name" in events.message.text()
    assert not tooltip_renders_markup(events.model, "<b>Lead & grow</b>")


def test_people_met_show_names_literally(qtbot: QtBot, window: MainWindow) -> None:
    page = _page(window)
    pane = page.pane
    assert pane.contact is not None
    enter(qtbot, pane.name, f"{MARKER} Ana")
    leave(qtbot, pane.name, pane.company)
    events = page.show_events()
    events.list.setCurrentIndex(events.model.index(0))
    event = events.current_event
    assert event is not None
    page.network.link_people(event.id, [pane.contact.id])
    events.refresh()
    events.list.setCurrentIndex(events.model.index(0))
    assert not tooltip_renders_markup(events.people, MARKER)


def test_a_tag_too_long_is_refused_in_words_not_cut(qtbot: QtBot, window: MainWindow) -> None:
    page = _page(window)
    pane = page.pane
    assert pane.contact is not None
    before = page.network.contact(pane.contact.id).tags
    enter(qtbot, pane.tags, "mentor, " + "x" * 150)
    leave(qtbot, pane.tags, pane.name)
    assert page.network.contact(pane.contact.id).tags == before
    assert "at most 100 characters" in pane.message.text()
    assert pane.message.isVisible()
    assert pane.tags.text() == "mentor, " + "x" * 150  # kept on screen to shorten
