"""Assessments: self-ratings of the derailer statements, reflections and others' ratings."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

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


class NameConsent(StrEnum):
    """Whether a rater was asked to be shown by name, and whether they agreed.

    A peer, direct report or other rater is anonymous in a group of three or more; in a
    smaller group (one the person formed themselves) their answers are withheld unless
    the person asked on the form and the rater ticked their agreement. A rater asked who
    sent the form back without ticking it declined (`returned_on` says they answered).
    """

    NOT_ASKED = ""
    ASKED = "asked"
    GIVEN = "given"


@dataclass(frozen=True, slots=True)
class Rater:
    """Somebody else's ratings of the same statements (for blind spots).

    A rater asked through a questionnaire has an `id` (unique within the assessment, and
    carried by the form), the day they were asked and the day their answers came back, and
    their own words as (factor id or "general", text) pairs. A statement the rater could
    not judge ("Can't say") is left out of `answers`. `consent` says whether they agreed
    to be shown by name in a group too small to be anonymous.
    """

    name: str
    relationship: Relationship = Relationship.OTHER
    answers: tuple[Answer, ...] = ()
    id: str = ""
    email: str = ""
    asked_on: date | None = None
    returned_on: date | None = None
    comments: tuple[tuple[str, str], ...] = ()
    consent: NameConsent = NameConsent.NOT_ASKED

    @property
    def named(self) -> bool:
        """They agreed, on their form, to be shown by name."""
        return self.consent is NameConsent.GIVEN


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
