"""Read models: the one-line summaries that lists and tables show (never edited directly)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .enums import AssessmentStatus, Factor, FeedbackKind, GoalStatus


@dataclass(frozen=True, slots=True)
class AssessmentSummary:
    id: str
    taken_on: dt.date
    status: AssessmentStatus
    current_role: str
    target_role: str
    answered: int
    raters: int

    @property
    def transition(self) -> str:
        if self.current_role and self.target_role:
            return f"{self.current_role} → {self.target_role}"
        return self.target_role or self.current_role


@dataclass(frozen=True, slots=True)
class GoalSummary:
    id: str
    title: str
    steps_total: int
    steps_done: int
    next_step: str | None
    deadline: dt.date | None
    progress: int
    status: GoalStatus
    factor: Factor | None

    @property
    def steps_text(self) -> str:
        if not self.steps_total:
            return "No steps yet"
        text = f"{self.steps_done} of {self.steps_total}"
        return f"{text} · next: {self.next_step}" if self.next_step else f"{text} · all done"


@dataclass(frozen=True, slots=True)
class FeedbackSummary:
    id: str
    date: dt.date
    kind: FeedbackKind
    source_name: str
    first_line: str
    follow_up_on: dt.date | None
    followed_up_on: dt.date | None

    def follow_up_due(self, today: dt.date) -> bool:
        return (
            self.follow_up_on is not None
            and self.followed_up_on is None
            and self.follow_up_on <= today
        )


@dataclass(frozen=True, slots=True)
class ContactSummary:
    id: str
    name: str
    company: str
    role: str
    tags: tuple[str, ...]
    last_interaction: dt.date | None
    next_reconnect: dt.date | None


@dataclass(frozen=True, slots=True)
class Counts:
    """What the Overview shows until it is built out: how much there is, and what is due."""

    assessments: int = 0
    goals_open: int = 0
    goals_overdue: int = 0
    goals_at_risk: int = 0
    feedback: int = 0
    follow_ups_due: int = 0
    requests_open: int = 0
    contacts: int = 0
    reconnects_due: int = 0
    events: int = 0
