"""The .ics document, read back with the `icalendar` parser: the right events, dates, UIDs
and words, whatever the text holds."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from icalendar import Calendar

from ontrack import __version__
from ontrack.domain.calendar import (
    CalendarItem,
    CalendarKind,
    feedback_follow_up_item,
    goal_deadline_item,
    reconnect_item,
    step_due_item,
)
from ontrack.domain.enums import FeedbackKind
from ontrack.interchange.icalendar_export import calendar_bytes, calendar_text
from tests.safety.test_hostile_input import DAYS, HOSTILE

STAMP = datetime(2026, 11, 24, 9, 30, tzinfo=UTC)
TODAY = date(2026, 11, 24)


def _events(document: bytes) -> list:  # type: ignore[type-arg]
    return list(Calendar.from_ical(document).walk("VEVENT"))


def _items() -> list[CalendarItem]:
    reconnect = reconnect_item("c1", "Ana", 30, date(2026, 11, 1), None, TODAY)
    assert reconnect is not None
    return [
        goal_deadline_item("g1", "Lead the team", date(2027, 3, 1), "Because"),
        step_due_item("g1", "s1", "Ask for budget", date(2026, 12, 1), "Lead the team"),
        feedback_follow_up_item(
            "f1", "Maya", FeedbackKind.CONSTRUCTIVE, date(2026, 12, 5), "Clear talk"
        ),
        reconnect,
    ]


def test_the_calendar_names_itself_and_its_maker() -> None:
    calendar = Calendar.from_ical(calendar_bytes([], stamp=STAMP))
    assert str(calendar["prodid"]) == f"-//OnTrack//OnTrack {__version__}//EN"
    assert str(calendar["version"]) == "2.0"
    assert str(calendar["calscale"]) == "GREGORIAN"
    assert str(calendar["x-wr-calname"]) == "OnTrack"
    assert _events(calendar_bytes([], stamp=STAMP)) == []


def test_one_all_day_event_per_item_with_its_uid_summary_and_dates() -> None:
    items = _items()
    events = _events(calendar_bytes(items, stamp=STAMP))
    assert len(events) == len(items)
    for item, event in zip(items, events, strict=True):
        assert str(event["uid"]) == item.uid
        assert str(event["summary"]) == item.summary
        assert str(event["description"]) == item.description
        start = event.decoded("dtstart")
        assert type(start) is date  # a DATE, not a DATE-TIME: all day
        assert start == item.day
        assert event.decoded("dtend") == item.day + timedelta(days=1)
        assert event.decoded("dtstamp") == STAMP
        assert [str(c) for c in event["categories"].cats] == [item.kind.label]
        assert str(event["transp"]) == "TRANSPARENT"
    assert [str(e["summary"]) for e in events] == [
        "Goal deadline: Lead the team",
        "Step due: Ask for budget (goal Lead the team)",
        "Follow up on feedback from Maya",
        "Reconnect with Ana",
    ]


def test_the_lines_are_crlf_and_folded_to_75_octets() -> None:
    item = goal_deadline_item("g", "Word " * 200, TODAY, "Long " * 500)
    document = calendar_bytes([item], stamp=STAMP)
    lines = document.split(b"\r\n")
    assert max(len(line) for line in lines) <= 75
    assert document.endswith(b"END:VCALENDAR\r\n")


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_text_comes_back_as_written(name: str) -> None:
    text = HOSTILE[name]
    item = CalendarItem(CalendarKind.GOAL_DEADLINE, "goal/x@ontrack.local", text, text, TODAY, "x")
    (event,) = _events(calendar_bytes([item], stamp=STAMP))
    # What a TEXT value cannot hold at all (NUL and other controls) is left out; the rest,
    # markup, commas, semicolons, newlines, any script, a megabyte, comes back exactly.
    assert str(event["summary"]) == calendar_text(text)
    assert str(event["description"]) == calendar_text(text)


def test_separators_and_line_breaks_are_escaped_not_interpreted() -> None:
    text = 'a,b;c\\d\ne:f "g"\r\nh\ri'
    item = CalendarItem(CalendarKind.STEP_DUE, "step/a/b@ontrack.local", text, text, TODAY, "a")
    document = calendar_bytes([item], stamp=STAMP)
    assert b"a\\,b\\;c\\\\d\\ne:f" in document
    (event,) = _events(document)
    assert str(event["description"]) == 'a,b;c\\d\ne:f "g"\nh\ni'


def test_control_characters_are_dropped_but_tabs_and_newlines_kept() -> None:
    assert calendar_text("a\x00b\x01c\x1bd\x7fe\u200bf\tg\nh") == "abcde\u200bf\tg\nh"


@pytest.mark.parametrize("name", list(DAYS))
def test_the_ends_of_the_calendar(name: str) -> None:
    day = DAYS[name]
    item = goal_deadline_item("g", "Edge", day)
    (event,) = _events(calendar_bytes([item], stamp=STAMP))
    assert event.decoded("dtstart") == day
    if day == date.max:
        assert "dtend" not in event  # no next day: without DTEND it lasts this one day
    else:
        assert event.decoded("dtend") == day + timedelta(days=1)


def test_the_same_items_give_the_same_document() -> None:
    assert calendar_bytes(_items(), stamp=STAMP) == calendar_bytes(_items(), stamp=STAMP)


def test_a_second_parser_reads_the_same_events() -> None:
    # vobject (the vCard reader's library) parses independently of the library that wrote it.
    import vobject

    hostile = "; ".join(v for k, v in HOSTILE.items() if k != "longest allowed")
    last = CalendarItem(
        CalendarKind.RECONNECT,
        "reconnect/c9@ontrack.local",
        hostile,
        hostile,
        DAYS["last day"],
        "c9",
    )
    items = [*_items(), last]
    calendar = vobject.readOne(calendar_bytes(items, stamp=STAMP).decode("utf-8"))
    events = calendar.vevent_list
    assert [e.uid.value for e in events] == [i.uid for i in items]
    assert [e.dtstart.value for e in events] == [i.day for i in items]
    assert [e.summary.value for e in events] == [calendar_text(i.summary) for i in items]
    assert events[-1].description.value == calendar_text(hostile)


def test_the_stamp_is_written_in_utc_whatever_the_local_offset() -> None:
    local = datetime(2026, 11, 24, 9, 30, tzinfo=timezone(timedelta(hours=2)))
    document = calendar_bytes(_items()[:1], stamp=local)
    assert b"DTSTAMP:20261124T073000Z\r\n" in document  # RFC 5545 3.8.7.2: UTC
