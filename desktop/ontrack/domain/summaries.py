"""Read models: the one-line summaries that lists and tables show (never edited directly)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .enums import AssessmentStatus


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
class ContactSummary:
    id: str
    name: str
    company: str
    role: str
    tags: tuple[str, ...]
    last_interaction: dt.date | None
    next_reconnect: dt.date | None
