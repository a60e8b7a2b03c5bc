"""Calendar items as an iCalendar (RFC 5545) document, through the `icalendar` library.

One all-day VEVENT per item: DTSTART is a DATE and DTEND the next day (RFC 5545 3.6.1: an
all-day event ends, exclusively, on the following date; on 9999-12-31 there is none, and an
event without DTEND lasts that one day). The library escapes commas, semicolons, backslashes
and newlines in text and folds long lines at 75 octets without splitting a character; we
only take out what a TEXT value cannot hold at all: control characters other than tab and
newline (RFC 5545 3.3.11). Events are TRANSPARENT: reminders, not busy time.

Loaded only when a calendar is exported: importing `icalendar` costs start-up nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime, timedelta

from icalendar import Calendar, Event

from ontrack import APP_NAME, __version__
from ontrack.domain.calendar import CalendarItem

PRODUCT_ID = f"-//{APP_NAME}//{APP_NAME} {__version__}//EN"
CALENDAR_NAME = APP_NAME

_NOT_TEXT = re.compile("[\x00-\x08\x0b-\x1f\x7f]")


def calendar_text(text: str) -> str:
    """`text` as an iCalendar TEXT value can carry it: line ends as LF, other controls out."""
    return _NOT_TEXT.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def calendar_bytes(items: Iterable[CalendarItem], *, stamp: datetime) -> bytes:
    """The whole .ics document. `stamp` (timezone-aware) is every event's DTSTAMP."""
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", CALENDAR_NAME)
    for item in items:
        calendar.add_component(_event(item, stamp))
    document: bytes = calendar.to_ical()
    return document


def _event(item: CalendarItem, stamp: datetime) -> Event:
    event = Event()
    event.add("uid", item.uid)
    event.add("dtstamp", stamp)
    event.add("dtstart", item.day)
    end = _next_day(item.day)
    if end is not None:
        event.add("dtend", end)
    event.add("summary", calendar_text(item.summary))
    if item.description:
        event.add("description", calendar_text(item.description))
    event.add("categories", [item.kind.label])
    event.add("transp", "TRANSPARENT")
    return event


def _next_day(day: date) -> date | None:
    return None if day == date.max else day + timedelta(days=1)
