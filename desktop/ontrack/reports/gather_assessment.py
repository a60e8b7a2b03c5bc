"""The Assessment part of the report: the latest completed assessment up to the period's
end, compared with the one before it, with strengths, opportunities, others' view and
the person's reflections. Pure: Dataset and Content in, model out."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from ..domain.assessment import GENERAL_COMMENT, Assessment
from ..domain.content import Content
from ..domain.enums import AssessmentStatus, Factor
from ..domain.rater_groups import comparable_scores, group_views, shown_raters
from ..domain.scoring import (
    assessment_scores,
    band,
    blind_spots,
    compare,
    format_change,
    hidden_strengths,
    perception_gaps,
    rounded,
    top_opportunities,
    top_strengths,
)
from .model import (
    AssessmentPart,
    FactorLine,
    Insight,
    PerceptionLine,
    RaterGroupLine,
    Reflection,
)
from .text import clip, prose

REFLECTION_LIMIT = 1_500
"""Characters of each reflection printed; a report is read, not archived."""
COMMENT_LIMIT = 3_000
"""Characters of a rater's comment printed. A comment may be a megabyte (kept whole in
OnTrack); ReportLab took 6.6 s of CPU to lay out 100,000 characters, and a megabyte would
be some 300 pages, so a longer one prints its beginning and says how long it is."""
INSIGHTS = 3


def completed_up_to(assessments: Sequence[Assessment], end: dt.date) -> list[Assessment]:
    """Completed assessments taken on or before `end`, oldest first (ties by id, stable)."""
    done = [a for a in assessments if a.status is AssessmentStatus.COMPLETE and a.taken_on <= end]
    done.sort(key=lambda a: (a.taken_on, a.id))
    return done


def drafts_up_to(assessments: Sequence[Assessment], end: dt.date) -> int:
    return sum(1 for a in assessments if a.status is AssessmentStatus.DRAFT and a.taken_on <= end)


def _transition(assessment: Assessment) -> str:
    now, then = assessment.current_role.strip(), assessment.target_role.strip()
    if now and then:
        return f"{now} → {then}"
    return then or now


def _label(content: Content, factor: Factor) -> str:
    try:
        return content.factor(factor).name
    except KeyError:
        return factor.label


def _text(content: Content, factor: Factor, *, desired: bool) -> tuple[str, str]:
    try:
        fc = content.factor(factor)
    except KeyError:
        return "", ""
    text = " ".join(prose(fc.desired_behaviour if desired else fc.summary))
    return text, (fc.tips[0] if desired and fc.tips else "")


def gather_assessment(
    content: Content, assessments: Sequence[Assessment], end: dt.date
) -> AssessmentPart | None:
    """None when no assessment was completed by the end of the period."""
    done = completed_up_to(assessments, end)
    if not done:
        return None
    latest = done[-1]
    previous = done[-2] if len(done) > 1 else None
    scores = assessment_scores(content, latest)
    previous_scores = assessment_scores(content, previous) if previous else None
    deltas = compare(previous_scores or {}, scores)
    rows = tuple(
        FactorLine(
            factor=d.factor,
            label=_label(content, d.factor),
            score=d.after,
            previous=d.before,
            change=format_change(d.change) if previous else "",
            band=band(d.after).label if d.after is not None else "Not rated",
        )
        for d in deltas
    )
    strengths = []
    for factor in top_strengths(scores, INSIGHTS):
        text, _ = _text(content, factor, desired=False)
        strengths.append(Insight(_label(content, factor), _score(scores, factor), text))
    opportunities = []
    for factor in top_opportunities(scores, INSIGHTS):
        text, tip = _text(content, factor, desired=True)
        opportunities.append(Insight(_label(content, factor), _score(scores, factor), text, tip))
    perception: tuple[PerceptionLine, ...] = ()
    blind: tuple[str, ...] = ()
    hidden: tuple[str, ...] = ()
    groups: tuple[RaterGroupLine, ...] = ()
    shown = len(shown_raters(latest.raters))
    if latest.raters:
        groups = tuple(
            RaterGroupLine(
                v.title, v.reason, tuple(_comment(_topic(content, t), w) for t, w in v.comments)
            )
            for v in group_views(content, latest.raters, seed=latest.id)
        )
    if shown:
        others = comparable_scores(content, latest.raters)
        gaps = perception_gaps(scores, others)
        perception = tuple(
            PerceptionLine(
                _label(content, f),
                _score(scores, f),
                _score(others, f),
                format_change(gap),
            )
            for f, gap in gaps.items()
        )
        blind = tuple(_label(content, f) for f in blind_spots(scores, others))
        hidden = tuple(_label(content, f) for f in hidden_strengths(scores, others))
    return AssessmentPart(
        taken_on=latest.taken_on,
        previous_on=previous.taken_on if previous else None,
        transition=_transition(latest),
        scores=scores,
        previous_scores=previous_scores,
        rows=rows,
        strengths=tuple(strengths),
        opportunities=tuple(opportunities),
        raters=shown,
        perception=perception,
        blind_spots=blind,
        hidden_strengths=hidden,
        reflections=_reflections(content, latest),
        groups=groups,
    )


def _score(scores: dict[Factor, float | None], factor: Factor) -> int:
    score = scores.get(factor)
    return rounded(score) if score is not None else 0


def _reflections(content: Content, assessment: Assessment) -> tuple[Reflection, ...]:
    found = []
    for question in content.questions:
        answer = getattr(assessment.reflections, question.id, "")
        if isinstance(answer, str) and answer.strip():
            found.append(Reflection(question.prompt, clip(answer, REFLECTION_LIMIT)))
    return tuple(found)


def _comment(topic: str, words: str) -> tuple[str, str]:
    """(what it is about, the comment); a long one is its beginning, and what it is about
    says how long it is and that the whole of it is in OnTrack (outside the quotes: those
    are not the rater's words)."""
    if len(words) <= COMMENT_LIMIT:
        return topic, words
    cut = clip(words, COMMENT_LIMIT).removesuffix(" (continued in OnTrack)")
    return f"{topic}; {len(words):,} characters in all, the whole comment is in OnTrack", cut


def _topic(content: Content, topic: str) -> str:
    """What a comment is about, in words: a factor's name, or "General"."""
    if topic == GENERAL_COMMENT:
        return "General"
    return _label(content, Factor(topic))
