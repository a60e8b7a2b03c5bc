"""The one-page summary's data: the same gathering as the full report's (cover, At a
glance, the assessment, the open goals, the due window), cut to what fits on one page.

The five items of "Next 30 days" are the most pressing of each kind in turn (a goal
deadline, an action step, a feedback follow-up, …, then the next of each), each kind's
nearest first, so that five steps never hide the one goal deadline that matters.
"""

from __future__ import annotations

import datetime as dt
from itertools import zip_longest

from ..domain.content import Content
from ..domain.dataset import Dataset
from ..domain.report_options import ReportOptions
from .gather import gather_cover, gather_glance
from .gather_assessment import gather_assessment
from .gather_due import gather_due
from .gather_goals import gather_goals
from .gather_network import interactions_in
from .model import Capped, Due, DueItem, SummaryData

GOALS_SHOWN = 8
TOP_DUE = 5


def gather_summary(
    dataset: Dataset, content: Content, options: ReportOptions, today: dt.date
) -> SummaryData:
    period = options.period_for(today)
    due = gather_due(dataset, period.end)
    goals = gather_goals(dataset.goals, period, due).open_goals
    return SummaryData(
        cover=gather_cover(dataset, period, today),
        assessment=gather_assessment(content, dataset.assessments, period.end),
        glance=gather_glance(dataset, content, period, today),
        interactions=len(interactions_in(dataset.contacts, period)),
        goals=Capped(goals.items[:GOALS_SHOWN], goals.total),
        top_due=most_pressing(due, TOP_DUE),
        due=due,
    )


def most_pressing(due: Due, count: int) -> tuple[DueItem, ...]:
    """`count` items, the nearest of each kind in turn (kinds in Next 30 days' order)."""

    def nearness(item: DueItem) -> tuple[int, bool]:
        if item.due is None:
            return 0, False
        return abs((item.due - due.start).days), item.overdue

    by_kind = [sorted(group.items.items, key=nearness) for group in due.lists]
    turns = (item for turn in zip_longest(*by_kind) for item in turn if item is not None)
    return tuple(item for _, item in zip(range(count), turns, strict=False))
