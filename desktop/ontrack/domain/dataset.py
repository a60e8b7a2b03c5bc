"""The whole of one person's data as plain values: what export writes and import reads."""

from __future__ import annotations

from dataclasses import dataclass, field

from .assessment import Assessment
from .goals import Goal
from .journal import Feedback
from .network import Contact, Event
from .profile import Profile

__all__ = ["Dataset", "Profile"]


@dataclass(frozen=True, slots=True)
class Dataset:
    profile: Profile = field(default_factory=Profile)
    assessments: tuple[Assessment, ...] = ()
    goals: tuple[Goal, ...] = ()
    feedback: tuple[Feedback, ...] = ()
    contacts: tuple[Contact, ...] = ()
    events: tuple[Event, ...] = ()

    @property
    def is_empty(self) -> bool:
        return (
            not (self.assessments or self.goals or self.feedback or self.contacts or self.events)
            and self.profile == Profile()
        )
