"""Shared by the small and large plans: placeholder words and the final, ordered Dataset."""

from __future__ import annotations

from datetime import date

from ..domain.assessment import Assessment
from ..domain.dataset import Dataset, Profile
from ..domain.goals import Goal
from ..domain.journal import Feedback
from ..domain.network import Contact, Event
from .dice import Dice
from .vocabulary import people


def words(dice: Dice) -> dict[str, str]:
    """Fresh words for the `{placeholders}` of one goal or one piece of feedback."""
    return {
        "project": dice.choice(people.PROJECTS),
        "team": dice.choice(people.TEAMS),
        "topic": dice.choice(people.TOPICS),
        "client": dice.choice(people.CLIENTS),
    }


def contact_order(contact: Contact) -> tuple[date, str]:
    """Contacts go by the day we met (unknown first), then by name."""
    return contact.met_on or date.min, contact.name


def dataset(
    profile: Profile,
    assessments: list[Assessment],
    goals: list[Goal],
    feedback: list[Feedback],
    contacts: list[Contact],
    events: list[Event],
) -> Dataset:
    """The lists in chronological order (stable, so equal days keep their build order)."""
    return Dataset(
        profile=profile,
        assessments=tuple(sorted(assessments, key=lambda a: a.taken_on)),
        goals=tuple(sorted(goals, key=lambda g: g.created_on or date.min)),
        feedback=tuple(sorted(feedback, key=lambda f: f.date)),
        contacts=tuple(sorted(contacts, key=contact_order)),
        events=tuple(sorted(events, key=lambda e: e.date)),
    )
