"""Scoring an assessment: statement and factor scores, bands, strengths and opportunities,
change between two assessments, and how others' ratings differ from one's own.

Pure functions over `Content` and `Answer`s. Every score is on a 0..100 scale where
higher is better, whichever way a statement is keyed:

- a statement keyed `strength` rated r scores (r - 1) / 4 * 100, one keyed `warning`
  scores (5 - r) / 4 * 100, so "somewhat like me" (3) is always 50;
- a factor's score is the mean over its *answered* statements (None if none is);
  answers to statement ids the content does not know are ignored, and when a statement
  is answered twice the last answer counts.

Whatever is compared or shown is the score rounded to a whole number, halves up
(`rounded`), so that a band, a rank or a difference always agrees with the numbers the
person reads on screen.

Thresholds (on rounded scores; a rating step on one statement moves a five-statement
factor by 5 points):

- `Band.STRENGTH` from 70: the answers lean clearly to the good side, for example
  one step short of the best answer on four statements (75) and neutral on the fifth.
- `Band.RISK` below 45: the answers lean to the wrong side of neutral (50) by more
  than a single rating step; with every statement answered that means 40 or less.
- `Band.WATCH` in between, neutral answers included: worth a look, not an alarm.
- A blind spot (or hidden strength) is a factor where one's own score is more than a
  third of the scale (100 / 3 points, so at least 34 on rounded scores) above (or below)
  others' mean: more than a whole rating step and a third on every statement of the
  factor, well beyond the usual difference in how two people use a rating scale.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from math import floor

from .assessment import MAX_RATING, MIN_RATING, Answer, Assessment, Rater
from .content import Content, Keyed, Statement
from .enums import Factor

STRENGTH_FROM = 70
"""A factor whose rounded score is at least this is a strength."""
RISK_BELOW = 45
"""A factor whose rounded score is below this is a risk."""
PERCEPTION_GAP = 34
"""Points between self and others' rounded scores that make a blind spot or hidden strength."""

Scores = dict[Factor, float | None]
"""A score (0..100) or None for every factor, in canonical order."""


class Band(StrEnum):
    """Where a factor's score falls; see the thresholds above."""

    STRENGTH = "strength"
    WATCH = "watch"
    RISK = "risk"

    @property
    def label(self) -> str:
        return _BAND_LABELS[self]


_BAND_LABELS = {
    Band.STRENGTH: "Strength",
    Band.WATCH: "Worth watching",
    Band.RISK: "Needs attention",
}


def rounded(score: float) -> int:
    """A score as a whole number, halves rounded up (62.5 → 63), as shown to people."""
    return floor(score + 0.5)


def _points(statement: Statement, rating: int) -> int:
    """0..4 rating steps on the good side of the statement."""
    if isinstance(rating, bool) or not MIN_RATING <= rating <= MAX_RATING:
        raise ValueError(f"{statement.id}: rating {rating!r} is outside 1..5")
    if statement.keyed is Keyed.STRENGTH:
        return rating - MIN_RATING
    return MAX_RATING - rating


def statement_score(statement: Statement, rating: int) -> float:
    """0..100 for one rating; ValueError if the rating is outside 1..5."""
    return _points(statement, rating) * 100 / (MAX_RATING - MIN_RATING)


def _latest_ratings(content: Content, answers: Iterable[Answer]) -> dict[str, int]:
    """Rating by known statement id; the last answer to a statement wins."""
    return {a.statement: a.rating for a in answers if content.has_statement(a.statement)}


def factor_scores(content: Content, answers: Iterable[Answer]) -> Scores:
    """Every factor's score: the mean over its answered statements, None if none is."""
    ratings = _latest_ratings(content, answers)
    points: dict[Factor, list[int]] = {factor: [] for factor in Factor}
    for statement_id, rating in ratings.items():
        statement = content.statement(statement_id)
        points[statement.factor].append(_points(statement, rating))
    steps = MAX_RATING - MIN_RATING
    # One division per factor keeps halves exact (62.5, not 62.49999…).
    return {f: (100 * sum(p) / (steps * len(p)) if p else None) for f, p in points.items()}


def assessment_scores(content: Content, assessment: Assessment) -> Scores:
    """The factor scores of an assessment's own answers."""
    return factor_scores(content, assessment.answers)


def overall_score(scores: Mapping[Factor, float | None]) -> float | None:
    """The mean of the factor scores present, None if there is none."""
    present = [score for score in scores.values() if score is not None]
    return sum(present) / len(present) if present else None


def band(score: float) -> Band:
    """The band of a score, judged on the rounded score (see the module's thresholds)."""
    whole = rounded(score)
    if whole >= STRENGTH_FROM:
        return Band.STRENGTH
    if whole < RISK_BELOW:
        return Band.RISK
    return Band.WATCH


def bands(scores: Mapping[Factor, float | None]) -> dict[Factor, Band]:
    """The band of every scored factor, in canonical order."""
    return {f: band(score) for f in Factor if (score := scores.get(f)) is not None}


def _present(scores: Mapping[Factor, float | None]) -> list[tuple[Factor, int]]:
    return [(f, rounded(score)) for f in Factor if (score := scores.get(f)) is not None]


def top_strengths(scores: Mapping[Factor, float | None], n: int = 3) -> list[Factor]:
    """Up to `n` strength-band factors, highest rounded score first.

    Equal rounded scores keep the canonical factor order.
    """
    found = [(f, s) for f, s in _present(scores) if band(s) is Band.STRENGTH]
    found.sort(key=lambda item: -item[1])  # stable: ties stay in canonical order
    return [f for f, _ in found[: max(n, 0)]]


def top_opportunities(scores: Mapping[Factor, float | None], n: int = 3) -> list[Factor]:
    """Up to `n` factors in the risk or watch band, lowest rounded score first.

    A strength-band factor is never an opportunity, so fewer than `n` (or none) may
    come back. Equal rounded scores keep the canonical factor order.
    """
    found = [(f, s) for f, s in _present(scores) if band(s) is not Band.STRENGTH]
    found.sort(key=lambda item: item[1])
    return [f for f, _ in found[: max(n, 0)]]


def format_change(change: int | None) -> str:
    """A change in whole points as text: "+12", "-3", "±0", or "n/a" if there is none."""
    if change is None:
        return "n/a"
    return "±0" if change == 0 else f"{change:+d}"


@dataclass(frozen=True, slots=True)
class FactorDelta:
    """One factor's rounded score before and after, and the change between them."""

    factor: Factor
    before: int | None
    after: int | None

    @property
    def change(self) -> int | None:
        """after - before, in whole points; None unless both were scored."""
        if self.before is None or self.after is None:
            return None
        return self.after - self.before

    def __str__(self) -> str:
        return f"{self.factor.value} {format_change(self.change)}"


def compare(
    before: Mapping[Factor, float | None], after: Mapping[Factor, float | None]
) -> tuple[FactorDelta, ...]:
    """Every factor's change from `before` to `after`, in canonical order.

    The change is the difference of the rounded scores, so it always matches the two
    numbers shown side by side.
    """
    return tuple(
        FactorDelta(f, _maybe_rounded(before.get(f)), _maybe_rounded(after.get(f))) for f in Factor
    )


def compare_assessments(
    content: Content, before: Assessment, after: Assessment
) -> tuple[FactorDelta, ...]:
    """The change in every factor between two assessments' own answers."""
    return compare(assessment_scores(content, before), assessment_scores(content, after))


def _maybe_rounded(score: float | None) -> int | None:
    return None if score is None else rounded(score)


def others_scores(content: Content, raters: Iterable[Rater]) -> Scores:
    """Every factor's mean of the raters' factor scores (raters who left it blank skipped)."""
    collected: dict[Factor, list[float]] = {factor: [] for factor in Factor}
    for rater in raters:
        for f, score in factor_scores(content, rater.answers).items():
            if score is not None:
                collected[f].append(score)
    return {f: (sum(s) / len(s) if s else None) for f, s in collected.items()}


def perception_gaps(
    own: Mapping[Factor, float | None], others: Mapping[Factor, float | None]
) -> dict[Factor, int]:
    """Own rounded score minus others' rounded score, for each factor both have."""
    gaps: dict[Factor, int] = {}
    for f in Factor:
        mine, theirs = own.get(f), others.get(f)
        if mine is not None and theirs is not None:
            gaps[f] = rounded(mine) - rounded(theirs)
    return gaps


def blind_spots(
    own: Mapping[Factor, float | None],
    others: Mapping[Factor, float | None],
    threshold: int = PERCEPTION_GAP,
) -> list[Factor]:
    """Factors where I rate myself at least `threshold` points higher than others do.

    Widest gap first; equal gaps keep the canonical factor order.
    """
    gaps = [(f, gap) for f, gap in perception_gaps(own, others).items() if gap >= threshold]
    gaps.sort(key=lambda item: -item[1])
    return [f for f, _ in gaps]


def hidden_strengths(
    own: Mapping[Factor, float | None],
    others: Mapping[Factor, float | None],
    threshold: int = PERCEPTION_GAP,
) -> list[Factor]:
    """Factors where others rate me at least `threshold` points higher than I do.

    Widest gap first; equal gaps keep the canonical factor order.
    """
    gaps = [(f, gap) for f, gap in perception_gaps(own, others).items() if -gap >= threshold]
    gaps.sort(key=lambda item: item[1])
    return [f for f, _ in gaps]


def unanswered(content: Content, answers: Iterable[Answer]) -> list[str]:
    """The ids of the statements not yet rated, in content order."""
    answered = {answer.statement for answer in answers}
    return [s.id for s in content.statements if s.id not in answered]
