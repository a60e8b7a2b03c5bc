"""Assemble the whole report's data from a Dataset: the cover and At a glance here; the
other sections in their own `gather_*` modules, every due list from `gather_due` (one
window, computed once, handed to each section that lists due items).

Pure Python and no ReportLab: `gather(dataset, content, options, today)` is what the
report prints, as plain values, and is what the model tests check.
"""

from __future__ import annotations

import datetime as dt

from ..domain.content import Content
from ..domain.dataset import Dataset
from ..domain.enums import Factor, GoalStatus
from ..domain.report_options import ReportOptions, Section
from ..domain.report_period import Period
from .gather_assessment import drafts_up_to, gather_assessment
from .gather_due import gather_due
from .gather_goals import completed_in, gather_goals, open_goals
from .gather_journal import followed_up_in, gather_feedback, received_in
from .gather_network import first_met, gather_network, interactions_in
from .model import Cover, Glance, NextPart, ReportData


def factor_labels(content: Content) -> dict[Factor, str]:
    labels = {f: f.label for f in Factor}
    for fc in content.factors:
        labels[fc.factor] = fc.name
    return labels


def gather(
    dataset: Dataset, content: Content, options: ReportOptions, today: dt.date
) -> ReportData:
    period = options.period_for(today)
    cover = gather_cover(dataset, period, today)
    sections = tuple(s for s in Section if options.includes(s))
    wanted = set(sections)
    labels = factor_labels(content)
    assessment = (
        gather_assessment(content, dataset.assessments, period.end)
        if wanted & {Section.ASSESSMENT, Section.GLANCE}
        else None
    )
    due = gather_due(dataset, period.end)
    return ReportData(
        cover=cover,
        sections=sections,
        glance=gather_glance(dataset, content, period, today) if Section.GLANCE in wanted else None,
        assessment=assessment if Section.ASSESSMENT in wanted else None,
        assessment_drafts=drafts_up_to(dataset.assessments, period.end),
        goals=gather_goals(dataset.goals, period, due) if Section.GOALS in wanted else None,
        feedback=gather_feedback(dataset.feedback, period, labels, due)
        if Section.FEEDBACK in wanted
        else None,
        network=gather_network(dataset.contacts, dataset.events, period, today, due)
        if Section.NETWORK in wanted
        else None,
        next_30_days=NextPart(due) if Section.NEXT_30_DAYS in wanted else None,
    )


def gather_cover(dataset: Dataset, period: Period, today: dt.date) -> Cover:
    profile = dataset.profile
    return Cover(
        name=profile.name.strip(),
        current_role=profile.current_role.strip(),
        target_role=profile.target_role.strip(),
        period_label=period.label,
        made_on=today,
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
