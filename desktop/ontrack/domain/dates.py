"""How OnTrack writes a date for people: "7 Sep 2026", in English whatever the system's
locale (Python's %b follows the locale Qt sets, which would mix languages on one screen)."""

from __future__ import annotations

from calendar import monthrange
from datetime import date

MONTH_ABBREVIATIONS = (
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
)  # fmt: skip
MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def written(day: date) -> str:
    """'7 Sep 2026' (the year always in four digits: '1 Jan 0001')."""
    return f"{day.day} {MONTH_ABBREVIATIONS[day.month - 1]} {day.year:04d}"


def add_months(day: date, months: int) -> date:
    """The same day `months` calendar months later (earlier when negative), clipped to the
    month's last day ("31 Jan" + 1 is "28 Feb"), and to the first and last day there are."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    if year < date.min.year:
        return date.min
    if year > date.max.year:
        return date.max
    return date(year, month + 1, min(day.day, monthrange(year, month + 1)[1]))
