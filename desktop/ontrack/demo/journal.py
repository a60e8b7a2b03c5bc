"""Builds feedback journal entries from the stories in the vocabulary."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date, timedelta

from ..domain.enums import FeedbackKind, Relationship
from ..domain.journal import Feedback
from .dice import Dice
from .vocabulary import fill
from .vocabulary.requests import CONTEXT_TAGS
from .vocabulary.stories import Story

CLOSINGS = (
    "Happy to talk it through.",
    "Let me know if examples would help.",
    "Thanks for asking for this.",
)


def _said(dice: Dice, story: Story, words: Mapping[str, str]) -> str:
    """One to four sentences of what was said."""
    sentences = [fill(s, words) for s in story.said[: dice.randint(1, len(story.said))]]
    if len(sentences) < 4 and dice.chance(0.15):
        sentences.append(dice.choice(CLOSINGS))
    return " ".join(sentences)


def build_feedback(
    dice: Dice,
    today: date,
    day: date,
    story: Story,
    *,
    source: str,
    relationship: Relationship,
    words: Mapping[str, str],
    contact: str | None = None,
    goal: str | None = None,
    followed_share: float = 0.6,
) -> Feedback:
    """One entry received (or asked for) on `day`; `followed_share` of due follow-ups are done."""
    tags = story.tags
    if dice.chance(0.3):
        extra = dice.choice(CONTEXT_TAGS)
        tags = tags if extra in tags else (*tags, extra)
    common = Feedback(
        id=dice.new_id(),
        date=day,
        kind=story.kind,
        source_name=source,
        relationship=relationship,
        contact=contact,
        situation=fill(story.situation, words),
        factors=story.factors,
        goal=goal,
        tags=tags,
    )
    if story.kind is FeedbackKind.REQUEST:
        return replace(
            common,
            text=fill(story.said[0], words),
            action_plan=story.action,
            follow_up_on=day + timedelta(days=dice.randint(7, 21)),
        )
    fresh = (today - day).days < 10 and dice.chance(0.5)  # not reflected on yet
    wants_follow_up = dice.chance(0.8 if story.kind is FeedbackKind.CONSTRUCTIVE else 0.25)
    follow_up = day + timedelta(days=dice.randint(14, 60)) if wants_follow_up else None
    followed = None
    if follow_up is not None and follow_up <= today and dice.chance(followed_share):
        earliest = max(day, follow_up - timedelta(days=5))
        followed = dice.day(earliest, min(today, follow_up + timedelta(days=10)))
    return replace(
        common,
        behavior=fill(story.behavior, words),
        impact=fill(story.impact, words),
        text=_said(dice, story, words),
        reflection="" if fresh else fill(story.reflection, words),
        action_plan="" if fresh else fill(story.action, words),
        follow_up_on=follow_up,
        followed_up_on=followed,
        follow_up_note=fill(story.follow_up, words) if followed else "",
    )
