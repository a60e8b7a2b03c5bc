"""The Feedback part of the report: what was received in the period, grouped by factor
with action plans, follow-ups done and still due, and requests still unanswered.

Feedback that names several factors is filed under the first one it names, so every
entry is counted once and the group totals add up to what was received.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..domain.enums import Factor, FeedbackKind
from ..domain.journal import Feedback
from ..domain.plain_text import without_markup
from ..domain.report_period import Period
from .model import Due, DueKind, FactorGroup, FeedbackItem, FeedbackPart, FollowUpLine, cap_map
from .text import one_line

ITEMS_PER_FACTOR = 3
FOLLOW_UP_LIMIT = 10
SAID_LIMIT = 320
PLAN_LIMIT = 240
NO_FACTOR = "Not linked to a factor"


def received_in(feedback: Sequence[Feedback], period: Period) -> list[Feedback]:
    """Praise and constructive feedback dated in the period (requests are not received)."""
    return [f for f in feedback if f.kind is not FeedbackKind.REQUEST and period.contains(f.date)]


def followed_up_in(feedback: Sequence[Feedback], period: Period) -> list[Feedback]:
    return [f for f in feedback if period.contains(f.followed_up_on)]


def said(entry: Feedback) -> str:
    """What was said, in one line: situation, behaviour and impact, then the free text."""
    parts = [entry.situation, entry.behavior, entry.impact, entry.text]
    text = " ".join(p.strip() for p in parts if p.strip())
    return one_line(without_markup(text), SAID_LIMIT)


def source(entry: Feedback) -> str:
    name = entry.source_name.strip() or "Someone"
    return f"{name} ({entry.relationship.label.lower()})"


def _item(entry: Feedback) -> FeedbackItem:
    return FeedbackItem(
        date=entry.date,
        kind=entry.kind.label,
        source=source(entry),
        said=said(entry),
        action_plan=one_line(without_markup(entry.action_plan), PLAN_LIMIT),
    )


def _newest_first(entries: list[Feedback]) -> list[Feedback]:
    return sorted(entries, key=lambda f: (f.date, f.id), reverse=True)


def _groups(received: list[Feedback], labels: dict[Factor, str]) -> tuple[FactorGroup, ...]:
    filed: dict[Factor | None, list[Feedback]] = {}
    for entry in received:
        filed.setdefault(entry.factors[0] if entry.factors else None, []).append(entry)
    groups = []
    for factor in [*Factor, None]:
        entries = filed.get(factor)
        if not entries:
            continue
        groups.append(
            FactorGroup(
                factor=factor,
                label=labels.get(factor, factor.label) if factor else NO_FACTOR,
                praise=sum(1 for f in entries if f.kind is FeedbackKind.PRAISE),
                constructive=sum(1 for f in entries if f.kind is FeedbackKind.CONSTRUCTIVE),
                with_plan=sum(1 for f in entries if f.action_plan.strip()),
                items=cap_map(_newest_first(entries), ITEMS_PER_FACTOR, _item),
            )
        )
    return tuple(groups)


def gather_feedback(
    feedback: Sequence[Feedback], period: Period, labels: dict[Factor, str], due: Due
) -> FeedbackPart:
    """`due` is the report's one due window: follow-ups and requests to chase come from it."""
    received = received_in(feedback, period)
    done = _newest_first(followed_up_in(feedback, period))
    return FeedbackPart(
        received=len(received),
        groups=_groups(received, labels),
        followed_up=cap_map(
            done,
            FOLLOW_UP_LIMIT,
            lambda f: FollowUpLine(
                f.followed_up_on or f.date,
                source(f),
                said(f),
                one_line(without_markup(f.follow_up_note), 240),
            ),
        ),
        still_due=due.of(DueKind.FOLLOW_UP),
        requests=due.of(DueKind.REQUEST),
        requests_waiting=sum(1 for f in feedback if f.kind is FeedbackKind.REQUEST),
    )
