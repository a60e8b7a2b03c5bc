"""The period a report covers: from a first day (or the beginning) to a last day, inclusive.

Pure date arithmetic. The presets are rolling windows that end on the day the report is
made, because a review looks back from today: "last month" on 24 November is
25 October to 24 November. "All time" has no first day; the report starts at the
earliest record it finds.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from .dates import MONTH_ABBREVIATIONS, add_months


class Preset(StrEnum):
    LAST_MONTH = "month"
    LAST_QUARTER = "quarter"
    LAST_YEAR = "year"
    ALL_TIME = "all"

    @property
    def label(self) -> str:
        return _PRESET_LABELS[self]


_PRESET_LABELS = {
    Preset.LAST_MONTH: "Last month",
    Preset.LAST_QUARTER: "Last quarter",
    Preset.LAST_YEAR: "Last 12 months",
    Preset.ALL_TIME: "All time",
}
_PRESET_MONTHS = {Preset.LAST_MONTH: 1, Preset.LAST_QUARTER: 3, Preset.LAST_YEAR: 12}


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day `months` calendar months earlier, clipped to the month's last day
    (and to the first day there is, 1 Jan of year 1)."""
    return add_months(day, -months)


MONTH_NAMES = MONTH_ABBREVIATIONS  # the report's short month names


def format_day(day: dt.date) -> str:
    """A date as people read it in the report: 4 Nov 2026 (the same in every locale)."""
    return f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


@dataclass(frozen=True, slots=True)
class Period:
    """Days `start`..`end`, both included; `start` None means from the very beginning."""

    start: dt.date | None
    end: dt.date

    def __post_init__(self) -> None:
        if self.start is not None and self.start > self.end:
            raise ValueError(
                f"the period starts ({self.start.isoformat()}) after it ends"
                f" ({self.end.isoformat()})"
            )

    @classmethod
    def preset(cls, preset: Preset, today: dt.date) -> Period:
        """A rolling window ending today (see the module docstring)."""
        if preset is Preset.ALL_TIME:
            return cls(None, today)
        before = months_before(today, _PRESET_MONTHS[preset])
        start = before if before == dt.date.min else before + dt.timedelta(days=1)
        return cls(min(start, today), today)

    @classmethod
    def last_12_months(cls, today: dt.date) -> Period:
        return cls.preset(Preset.LAST_YEAR, today)

    @property
    def is_all_time(self) -> bool:
        return self.start is None

    def contains(self, day: dt.date | None) -> bool:
        """Whether `day` falls in the period (None never does)."""
        if day is None or day > self.end:
            return False
        return self.start is None or day >= self.start

    def first_day(self, earliest: dt.date | None) -> dt.date:
        """The period's real first day: its start, or else the earliest record (or the end)."""
        if self.start is not None:
            return self.start
        return min(earliest, self.end) if earliest is not None else self.end

    @property
    def label(self) -> str:
        """For the cover and the running header: '25 Nov 2025 – 24 Nov 2026'."""
        if self.start is None:
            return f"All time, up to {format_day(self.end)}"
        if self.start == self.end:
            return format_day(self.end)
        return f"{format_day(self.start)} – {format_day(self.end)}"
