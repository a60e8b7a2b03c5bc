"""Assessments: self-ratings of the derailer statements, reflections and others' ratings."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .enums import AssessmentStatus, Relationship

MIN_RATING = 1
MAX_RATING = 5


@dataclass(frozen=True, slots=True)
class Answer:
    """One rating of one statement; `statement` is `<factor>.<n>`, rating 1..5."""

    statement: str
    rating: int


@dataclass(frozen=True, slots=True)
class Reflections:
    """The self-assessment questions, answered in the person's own words."""

    skills_enjoyed: str = ""
    feedback_received: str = ""
    learning_to_pursue: str = ""
    notes: str = ""


GENERAL_COMMENT = "general"
"""The key of a rater's closing comment; the other keys of `Rater.comments` are factor ids."""


@dataclass(frozen=True, slots=True)
class Rater:
    """Somebody else's ratings of the same statements (for blind spots).

    A rater asked through a questionnaire has an `id` (unique within the assessment, and
    carried by the form), the day they were asked and the day their answers came back, and
    their own words as (factor id or "general", text) pairs. A statement the rater could
    not judge ("Can't say") is left out of `answers`.
    """

    name: str
    relationship: Relationship = Relationship.OTHER
    answers: tuple[Answer, ...] = ()
    id: str = ""
    email: str = ""
    asked_on: date | None = None
    returned_on: date | None = None
    comments: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Assessment:
    id: str
    taken_on: date
    status: AssessmentStatus = AssessmentStatus.DRAFT
    current_role: str = ""
    target_role: str = ""
    answers: tuple[Answer, ...] = ()
    reflections: Reflections = field(default_factory=Reflections)
    raters: tuple[Rater, ...] = ()
