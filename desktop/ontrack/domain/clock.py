"""An injectable clock, so that rules about "today" are testable without patching time."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Protocol


class Clock(Protocol):
    def today(self) -> date: ...

    def now(self) -> datetime: ...


class SystemClock:
    """The real clock: local date, timezone-aware timestamps."""

    def today(self) -> date:
        return date.today()

    def now(self) -> datetime:
        return datetime.now(UTC).astimezone()


class FixedClock:
    """A clock that always says the same moment (tests, benchmarks, deterministic builds)."""

    def __init__(self, moment: datetime) -> None:
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        self._moment = moment

    @classmethod
    def on(cls, day: date) -> FixedClock:
        return cls(datetime(day.year, day.month, day.day, 9, 0, tzinfo=UTC))

    def today(self) -> date:
        return self._moment.date()

    def now(self) -> datetime:
        return self._moment
