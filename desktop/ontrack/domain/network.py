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
class NameParts:
    """A contact's structured name as an address book wrote it (vCard `N`), kept so that an
    export writes back what came in rather than guessing from the display name.

    `display` is the display name the parts belong to: once the person renames the contact,
    the parts no longer describe it and are left unused (`Contact.parts`)."""

    family: str = ""
    given: str = ""
    middle: str = ""
    prefix: str = ""
    suffix: str = ""
    display: str = ""

    def as_list(self) -> list[str]:
        return [self.family, self.given, self.middle, self.prefix, self.suffix, self.display]

    @classmethod
    def from_list(cls, values: list[str]) -> NameParts:
        return cls(*(str(v) for v in values[:6]))


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
    # Not in the JSON interchange format (a public contract without it): vCard only.
    name_parts: NameParts | None = None

    @property
    def parts(self) -> NameParts | None:
        """The structured name, while it still belongs to the display name."""
        if self.name_parts is not None and self.name_parts.display == self.name:
            return self.name_parts
        return None


@dataclass(frozen=True, slots=True)
class Event:
    """A conference, meetup or other gathering."""

    id: str
    name: str
    date: dt.date
    location: str = ""
    notes: str = ""
    goal: str | None = None
