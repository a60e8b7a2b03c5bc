"""Keep-in-touch cadences as the person chooses them, and what is due.

The rule itself (next reconnect = last interaction + cadence) is `cadence.next_reconnect`;
this module names the usual cadences and says when a contact or a follow-up is due.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .cadence import next_reconnect
from .network import MAX_RECONNECT_DAYS, Contact


@dataclass(frozen=True, slots=True)
class Cadence:
    label: str
    days: int | None  # None: no reminders


# "Custom" is any other number of days; the chooser offers it beside these.
CADENCES: tuple[Cadence, ...] = (
    Cadence("None", None),
    Cadence("Every 2 weeks", 14),
    Cadence("Monthly", 30),
    Cadence("Quarterly", 91),
    Cadence("Twice a year", 182),
)


def cadence_label(days: int | None) -> str:
    for cadence in CADENCES:
        if cadence.days == days:
            return cadence.label
    return f"Every {days} days"


def valid_cadence(days: int | None) -> int | None:
    """The cadence to store: None for no reminders; otherwise 1 .. MAX_RECONNECT_DAYS."""
    if days is None or days <= 0:
        return None
    return min(days, MAX_RECONNECT_DAYS)


def last_interaction(contact: Contact) -> date | None:
    return max((x.date for x in contact.interactions), default=None)


def next_reconnect_of(contact: Contact) -> date | None:
    return next_reconnect(last_interaction(contact), contact.met_on, contact.reconnect_every_days)


def is_due(next_date: date | None, today: date) -> bool:
    return next_date is not None and next_date <= today


def open_follow_up(contact: Contact, today: date) -> date | None:
    """The follow-up date still owed to this contact, if due by `today`.

    A follow-up belongs to the latest interaction: logging anything later settles it, so
    no separate "done" flag is needed (nor stored: the interchange format has none).
    """
    if not contact.interactions:
        return None
    latest = max(contact.interactions, key=lambda x: x.date)
    later_dates = [x for x in contact.interactions if x.date == latest.date and x.follow_up_on]
    due = min((x.follow_up_on for x in later_dates if x.follow_up_on), default=None)
    return due if due is not None and due <= today else None
