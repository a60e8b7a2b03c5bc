"""Assemble the whole report's data from a Dataset: the cover, At a glance, and the
Next 30 days checklist here; the other sections in their own `gather_*` modules.

Pure Python and no ReportLab: `gather(dataset, content, options, today)` is what the
report prints, as plain values, and is what the model tests check.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import TypeVar

from ..domain.content import Content
from ..domain.dataset import Dataset
from ..domain.enums import Factor, FeedbackKind, GoalStatus
from .gather_assessment import drafts_up_to, gather_assessment
from .gather_goals import completed_in, gather_goals, is_overdue, open_goals
from .gather_journal import followed_up_in, gather_feedback, received_in, source
from .gather_network import STALE_DAYS as STALE_DAYS
from .gather_network import first_met, gather_network, interactions_in
from .model import Capped, Cover, Glance, NextPart, ReportData, Todo, TodoGroup
from .options import ReportOptions, Section
from .period import Period
from .text import one_line

AHEAD_DAYS = 30
# STALE_DAYS (90, shared with the reconnect list): items overdue for longer are counted
# in the checklist, not listed; ten years of undone steps are not a plan for next month.
TODO_LIMIT = 12
TODO_TEXT_LIMIT = 160

T = TypeVar("T")


def factor_labels(content: Content) -> dict[Factor, str]:
    labels = {f: f.label for f in Factor}
    for fc in content.factors:
        labels[fc.factor] = fc.name
    return labels


def gather(
    dataset: Dataset, content: Content, options: ReportOptions, today: dt.date
) -> ReportData:
    period = options.period_for(today)
    profile = dataset.profile
    cover = Cover(
        name=profile.name.strip(),
        current_role=profile.current_role.strip(),
        target_role=profile.target_role.strip(),
        period_label=period.label,
        made_on=today,
    )
    sections = tuple(s for s in Section if options.includes(s))
    wanted = set(sections)
    labels = factor_labels(content)
    assessment = (
        gather_assessment(content, dataset.assessments, period.end)
        if wanted & {Section.ASSESSMENT, Section.GLANCE}
        else None
    )
    return ReportData(
        cover=cover,
        sections=sections,
        glance=gather_glance(dataset, content, period, today) if Section.GLANCE in wanted else None,
        assessment=assessment if Section.ASSESSMENT in wanted else None,
        assessment_drafts=drafts_up_to(dataset.assessments, period.end),
        goals=gather_goals(dataset.goals, period, today) if Section.GOALS in wanted else None,
        feedback=gather_feedback(dataset.feedback, period, today, labels)
        if Section.FEEDBACK in wanted
        else None,
        network=gather_network(dataset.contacts, dataset.events, period, today)
        if Section.NETWORK in wanted
        else None,
        next_30_days=gather_next(dataset, today) if Section.NEXT_30_DAYS in wanted else None,
    )


def gather_glance(dataset: Dataset, content: Content, period: Period, today: dt.date) -> Glance:
    current = open_goals(dataset.goals, period)
    met = {c.id for c in dataset.contacts if period.contains(first_met(c))}
    seen = {contact.id for _, contact in interactions_in(dataset.contacts, period)}
    assessment = gather_assessment(content, dataset.assessments, period.end)
    return Glance(
        goals_done=len(completed_in(dataset.goals, period)),
        goals_on_track=sum(1 for g in current if g.status is GoalStatus.ON_TRACK),
        goals_at_risk=sum(1 for g in current if g.status is GoalStatus.AT_RISK),
        feedback_received=len(received_in(dataset.feedback, period)),
        feedback_followed_up=len(followed_up_in(dataset.feedback, period)),
        people_met=len(met),
        people_reconnected=len(seen - met),
        events_attended=sum(
            1 for e in dataset.events if period.contains(e.date) and e.date <= today
        ),
        assessed_on=assessment.taken_on if assessment else None,
        top_strength=assessment.strengths[0].label if assessment and assessment.strengths else None,
        top_opportunity=assessment.opportunities[0].label
        if assessment and assessment.opportunities
        else None,
    )


def _group(
    title: str,
    items: Sequence[T],
    due: Callable[[T], dt.date | None],
    todo: Callable[[T], Todo],
    today: dt.date,
) -> TodoGroup:
    """Items due by today + AHEAD_DAYS, soonest first; those overdue by more than
    STALE_DAYS only counted."""
    horizon = today + dt.timedelta(days=AHEAD_DAYS)
    oldest = today - dt.timedelta(days=STALE_DAYS)
    dated = [(day, item) for item in items if (day := due(item)) is not None and day <= horizon]
    recent = [(day, item) for day, item in dated if day >= oldest]
    recent.sort(key=lambda pair: pair[0])
    todos = Capped(tuple(todo(item) for _, item in recent[:TODO_LIMIT]), len(recent))
    return TodoGroup(title, todos, stale=len(dated) - len(recent))


def gather_next(dataset: Dataset, today: dt.date) -> NextPart:
    """What to act on from today: action steps, goal deadlines, feedback follow-ups and
    contact follow-ups due within AHEAD_DAYS (or lately overdue). Reconnects are listed
    in the Network section."""
    live = [g for g in dataset.goals if not g.status.is_closed]
    steps = [(s, g) for g in live for s in g.steps if not s.done]
    follow_ups = [
        f for f in dataset.feedback if f.kind is not FeedbackKind.REQUEST and not f.followed_up_on
    ]
    # Interactions have no "done" flag for their follow-up, so only those not yet past.
    interaction_follow_ups = [
        (i, c)
        for c in dataset.contacts
        for i in c.interactions
        if i.follow_up_on is not None and i.follow_up_on >= today
    ]
    groups = (
        _group(
            "Action steps",
            steps,
            lambda p: p[0].due,
            lambda p: Todo(
                p[0].due,
                one_line(p[0].text, TODO_TEXT_LIMIT),
                one_line(p[1].title, 90),
                _late(p[0].due, today),
            ),
            today,
        ),
        _group(
            "Goal deadlines",
            live,
            lambda g: g.deadline,
            lambda g: Todo(
                g.deadline,
                one_line(g.title, TODO_TEXT_LIMIT),
                f"{g.progress}% · {g.status.label}",
                is_overdue(g, today),
            ),
            today,
        ),
        _group(
            "Feedback follow-ups",
            follow_ups,
            lambda f: f.follow_up_on,
            lambda f: Todo(
                f.follow_up_on,
                one_line(f.action_plan or f.first_line, TODO_TEXT_LIMIT),
                source(f),
                _late(f.follow_up_on, today),
            ),
            today,
        ),
        _group(
            "Contact follow-ups",
            interaction_follow_ups,
            lambda p: p[0].follow_up_on,
            lambda p: Todo(
                p[0].follow_up_on,
                f"Follow up with {one_line(p[1].name, 80)}",
                one_line(p[0].notes, 120),
                False,
            ),
            today,
        ),
    )
    return NextPart(today + dt.timedelta(days=AHEAD_DAYS), groups)


def _late(day: dt.date | None, today: dt.date) -> bool:
    return day is not None and day < today
