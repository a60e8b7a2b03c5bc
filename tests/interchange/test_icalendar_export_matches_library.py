"""The fast .ics writer against the plain way of using `icalendar`: a `Calendar` of `Event`s
built with `add()` and serialised by the library. The two must give the same bytes, for
real data, for hostile text, and for lines on either side of the 75-octet fold."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from icalendar import Calendar, Event

from ontrack.demo import generate
from ontrack.domain.calendar import CalendarItem, CalendarKind, calendar_items
from ontrack.interchange.icalendar_export import (
    CALENDAR_NAME,
    PRODUCT_ID,
    calendar_bytes,
    calendar_text,
)
from tests.safety.test_hostile_input import DAYS, HOSTILE

STAMP = datetime(2026, 11, 24, 9, 30, tzinfo=UTC)
TODAY = date(2026, 11, 24)


def _by_the_library(items: Iterable[CalendarItem], stamp: datetime) -> bytes:
    """What the export wrote before it was made fast: every property through add()."""
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", CALENDAR_NAME)
    for item in items:
        event = Event()
        event.add("uid", item.uid)
        event.add("dtstamp", stamp)
        event.add("dtstart", item.day)
        if item.day != date.max:
            event.add("dtend", item.day + timedelta(days=1))
        event.add("summary", calendar_text(item.summary))
        if item.description:
            event.add("description", calendar_text(item.description))
        event.add("categories", [item.kind.label])
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    document: bytes = calendar.to_ical()
    return document


def _item(
    text: str, description: str = "", kind: CalendarKind = CalendarKind.STEP_DUE, day: date = TODAY
) -> CalendarItem:
    return CalendarItem(kind, "step/g/s@ontrack.local", text, description, day, "g")


def test_an_empty_calendar() -> None:
    assert calendar_bytes([], stamp=STAMP) == _by_the_library([], STAMP)


def test_a_year_of_demo_data() -> None:
    items = calendar_items(generate("small", 7, TODAY), TODAY)
    assert {item.kind for item in items} == set(CalendarKind)
    assert calendar_bytes(items, stamp=STAMP) == _by_the_library(items, STAMP)


@pytest.mark.parametrize("name", [name for name in HOSTILE if name != "longest allowed"])
def test_hostile_text(name: str) -> None:
    items = [_item(HOSTILE[name], HOSTILE[name], kind) for kind in CalendarKind]
    assert calendar_bytes(items, stamp=STAMP) == _by_the_library(items, STAMP)


@pytest.mark.parametrize("filler", ["x", "é", "漢", "👩🏽‍💻", "\\", ",", ";", "^", "\n", "x\\"])
def test_lines_either_side_of_the_fold(filler: str) -> None:
    # "SUMMARY:" is 8 octets: lengths from 50 to 90 octets cross the 74-octet line and
    # put every kind of character (one to four octets, escaped or not) on the fold.
    items = [
        _item(prefix + filler * count, filler * count)
        for prefix in ("", "a", "ab", "abc")
        for count in range(1, 90)
    ]
    assert calendar_bytes(items, stamp=STAMP) == _by_the_library(items, STAMP)


@pytest.mark.parametrize("name", list(DAYS))
def test_the_ends_of_the_calendar(name: str) -> None:
    items = [_item("Edge", "Edge", day=DAYS[name])]
    assert calendar_bytes(items, stamp=STAMP) == _by_the_library(items, STAMP)


def test_a_stamp_with_a_local_offset() -> None:
    stamp = datetime(2026, 11, 24, 9, 30, tzinfo=timezone(timedelta(hours=-5)))
    items = [_item("One", "Two")]
    assert calendar_bytes(items, stamp=stamp) == _by_the_library(items, stamp)
