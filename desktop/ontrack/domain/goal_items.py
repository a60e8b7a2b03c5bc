"""Read models for the Goals tab: one goal as a row of the goals table, and the records
elsewhere (feedback, events) that link to a goal."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import NamedTuple

from .enums import Factor, GoalStatus


class GoalItem(NamedTuple):
    """A goal without its steps and check-ins, with what the table shows about them.

    A named tuple rather than a dataclass: the goals table makes 2,000 of these at a time,
    and a tuple is several times quicker to build than a frozen dataclass."""

    id: str
    seq: int
    title: str
    deadline: dt.date | None
    status: GoalStatus
    progress: int
    factor: Factor | None
    created_on: dt.date | None
    status_by_hand: bool
    steps_total: int
    steps_done: int
    next_step: str | None
    checkins: int

    @property
    def steps_text(self) -> str:
        if not self.steps_total:
            return "No steps yet"
        text = f"{self.steps_done} of {self.steps_total}"
        return f"{text} · next: {self.next_step}" if self.next_step else f"{text} · all done"

    @property
    def started(self) -> bool:
        return self.steps_done > 0 or self.checkins > 0


class LinkKind(StrEnum):
    FEEDBACK = "feedback"
    EVENT = "event"

    @property
    def label(self) -> str:
        return "Feedback" if self is LinkKind.FEEDBACK else "Event"


@dataclass(frozen=True, slots=True)
class GoalLink:
    """A feedback entry or an event that points at a goal."""

    kind: LinkKind
    id: str
    date: dt.date
    title: str
