"""Builds assessments: self-ratings around a per-factor level, reflections and raters."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from ..domain.assessment import MAX_RATING, MIN_RATING, Answer, Assessment, Rater, Reflections
from ..domain.enums import AssessmentStatus, Factor, Relationship
from .dice import Dice
from .vocabulary import reflections

STATEMENTS_PER_FACTOR = 5
STATEMENTS = tuple(f"{f.value}.{n}" for f in Factor for n in range(1, STATEMENTS_PER_FACTOR + 1))


def drift(dice: Dice, levels: Mapping[Factor, float], step: float) -> dict[Factor, float]:
    """Levels a little later: each factor moves by up to `step`, within the rating scale."""
    return {
        factor: min(4.6, max(1.4, level + dice.uniform(-step, step)))
        for factor, level in levels.items()
    }


def first_levels(dice: Dice) -> dict[Factor, float]:
    return {factor: dice.uniform(1.8, 4.2) for factor in Factor}


def _answers(
    dice: Dice, levels: Mapping[Factor, float], count: int, spread: float
) -> tuple[Answer, ...]:
    answers = []
    for statement in STATEMENTS[:count]:
        level = levels[Factor(statement.partition(".")[0])]
        rating = round(level + dice.gauss(0.0, spread))
        answers.append(Answer(statement, min(MAX_RATING, max(MIN_RATING, rating))))
    return tuple(answers)


def build_assessment(
    dice: Dice,
    taken_on: date,
    roles: tuple[str, str],
    levels: Mapping[Factor, float],
    *,
    draft: bool = False,
    raters: Sequence[tuple[str, Relationship]] = (),
) -> Assessment:
    """A complete assessment rates every statement; a draft stops part-way through."""
    count = dice.randint(8, len(STATEMENTS) - 8) if draft else len(STATEMENTS)
    if draft:
        notes = Reflections(skills_enjoyed=dice.choice(reflections.SKILLS_ENJOYED))
    else:
        notes = Reflections(
            skills_enjoyed=dice.choice(reflections.SKILLS_ENJOYED),
            feedback_received=dice.choice(reflections.FEEDBACK_RECEIVED),
            learning_to_pursue=dice.choice(reflections.LEARNING_TO_PURSUE),
            notes=dice.choice(reflections.NOTES),
        )
    others = []
    for name, relationship in raters:
        # Others see some factors differently: that gap is the blind spot the app shows.
        seen = {
            f: level + dice.choice((-1.0, -0.5, 0.0, 0.0, 0.5, 1.0)) for f, level in levels.items()
        }
        others.append(Rater(name, relationship, _answers(dice, seen, len(STATEMENTS), 0.6)))
    return Assessment(
        id=dice.new_id(),
        taken_on=taken_on,
        status=AssessmentStatus.DRAFT if draft else AssessmentStatus.COMPLETE,
        current_role=roles[0],
        target_role=roles[1],
        answers=_answers(dice, levels, count, 0.7),
        reflections=notes,
        raters=tuple(others),
    )
