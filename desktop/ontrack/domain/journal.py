"""The feedback journal: feedback received or asked for, reflection, action and follow-up."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .enums import Factor, FeedbackKind, Relationship


@dataclass(frozen=True, slots=True)
class Feedback:
    id: str
    date: dt.date
    kind: FeedbackKind = FeedbackKind.CONSTRUCTIVE
    source_name: str = ""
    relationship: Relationship = Relationship.OTHER
    contact: str | None = None
    situation: str = ""
    behavior: str = ""
    impact: str = ""
    text: str = ""
    reflection: str = ""
    action_plan: str = ""
    follow_up_on: dt.date | None = None
    followed_up_on: dt.date | None = None
    follow_up_note: str = ""
    factors: tuple[Factor, ...] = ()
    goal: str | None = None
    tags: tuple[str, ...] = ()

    @property
    def first_line(self) -> str:
        """The first non-empty line of what was said, for lists."""
        for text in (self.text, self.situation, self.behavior, self.impact, self.reflection):
            for line in text.splitlines():
                if line.strip():
                    return line.strip()
        return ""
