"""Editing an assessment one answer at a time, as the wizard does, and where to resume.

Pure functions that return a changed copy of an `Assessment`; the service saves each one
as soon as it is made, so a draft never loses an answer.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from .assessment import MAX_RATING, MIN_RATING, Answer, Assessment, Rater
from .enums import Factor, Relationship

if TYPE_CHECKING:  # named only: the content loads when an assessment is shown (#19)
    from .content import Content


def _rated(answers: tuple[Answer, ...], statement: str, rating: int) -> tuple[Answer, ...]:
    if isinstance(rating, bool) or not MIN_RATING <= rating <= MAX_RATING:
        raise ValueError(f"{statement}: rating {rating!r} is outside 1..5")
    if any(a.statement == statement for a in answers):
        return tuple(Answer(statement, rating) if a.statement == statement else a for a in answers)
    return (*answers, Answer(statement, rating))


def with_rating(
    assessment: Assessment, statement: str, rating: int, rater: int | None = None
) -> Assessment:
    """The assessment with `statement` rated `rating`, by the person (rater None) or by
    the rater at that index; a statement answered again keeps its place."""
    if rater is None:
        return replace(assessment, answers=_rated(assessment.answers, statement, rating))
    raters = list(assessment.raters)
    if not 0 <= rater < len(raters):
        raise IndexError(f"no rater {rater}")
    raters[rater] = replace(raters[rater], answers=_rated(raters[rater].answers, statement, rating))
    return replace(assessment, raters=tuple(raters))


def with_rater(assessment: Assessment, name: str, relationship: Relationship) -> Assessment:
    """The assessment with one more rater (no ratings yet); the name is required."""
    name = name.strip()
    if not name:
        raise ValueError("The rater needs a name.")
    return replace(assessment, raters=(*assessment.raters, Rater(name, relationship)))


def ratings(assessment: Assessment, rater: int | None = None) -> dict[str, int]:
    """Rating by statement id, of the person or of one rater."""
    answers = assessment.answers if rater is None else assessment.raters[rater].answers
    return {a.statement: a.rating for a in answers}


def first_unrated_factor(
    content: Content, assessment: Assessment, rater: int | None = None
) -> Factor | None:
    """The first factor (in canonical order) with a statement not rated yet, if any."""
    rated = ratings(assessment, rater)
    for factor_content in content.factors:
        if any(s.id not in rated for s in factor_content.statements):
            return factor_content.factor
    return None
