"""What a deletion took away, kept by its undo command so that undo puts everything back
where it was: the record, its place in the canonical order, and what pointed at it."""

from __future__ import annotations

from dataclasses import dataclass

from .goals import Goal
from .journal import Feedback
from .network import Contact, Event


@dataclass(frozen=True, slots=True)
class RemovedGoal:
    """A deleted goal and what pointed at it, so that undo can put everything back."""

    goal: Goal
    position: int
    feedback_ids: tuple[str, ...]
    event_ids: tuple[str, ...]
    status_by_hand: bool = False


@dataclass(frozen=True, slots=True)
class RemovedFeedback:
    """A deleted entry and its place in the canonical order, so that undo puts it back."""

    feedback: Feedback
    position: int


@dataclass(frozen=True, slots=True)
class RemovedContact:
    """A deleted contact and the feedback that named it, so that undo puts both back."""

    contact: Contact
    position: int
    feedback_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class RemovedEvent:
    """A deleted event and the interactions that happened there, for undo."""

    event: Event
    position: int
    interaction_pks: tuple[int, ...]
