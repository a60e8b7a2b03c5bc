"""Read models for the Network tab: an event as listed, a person met at an event, and the
keep-in-touch counts the Overview shows."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class EventSummary:
    id: str
    name: str
    date: dt.date
    location: str
    goal_id: str | None
    goal_title: str
    people: int  # how many contacts have an interaction at this event


@dataclass(frozen=True, slots=True)
class PersonMet:
    contact_id: str
    name: str
    company: str
    interaction_id: str


@dataclass(frozen=True, slots=True)
class KeepInTouchCounts:
    reconnects_due: int  # contacts due or overdue to reconnect
    follow_ups_due: int  # contacts whose latest interaction has a follow-up due

    @property
    def total(self) -> int:
        return self.reconnects_due + self.follow_ups_due
