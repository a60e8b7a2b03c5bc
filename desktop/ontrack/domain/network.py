"""The professional network: contacts, interactions with them, and events."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .enums import InteractionKind

# A keep-in-touch cadence longer than a century is a typing mistake, not a plan.
MAX_RECONNECT_DAYS = 36_500


@dataclass(frozen=True, slots=True)
class Interaction:
    id: str
    date: dt.date
    kind: InteractionKind = InteractionKind.OTHER
    event: str | None = None
    notes: str = ""
    follow_up_on: dt.date | None = None


@dataclass(frozen=True, slots=True)
class Contact:
    id: str
    name: str
    company: str = ""
    role: str = ""
    email: str = ""
    phone: str = ""
    linkedin_url: str = ""
    how_met: str = ""
    notes: str = ""
    met_on: dt.date | None = None
    tags: tuple[str, ...] = ()
    reconnect_every_days: int | None = None
    interactions: tuple[Interaction, ...] = ()


@dataclass(frozen=True, slots=True)
class Event:
    """A conference, meetup or other gathering."""

    id: str
    name: str
    date: dt.date
    location: str = ""
    notes: str = ""
    goal: str | None = None
