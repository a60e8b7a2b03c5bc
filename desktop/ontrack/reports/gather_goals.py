"""The Goals part of the report, and the goal counts of the At a glance part.

Goals carry their *current* status (there is no status history), so the table shows
the goals open today that existed by the end of the period, most pressing first:
at risk, then overdue, then by deadline. "Completed in the period" uses the completion
date; check-ins use their own dates.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from ..domain import goal_rules
from ..domain.enums import GoalStatus
from ..domain.goals import CheckIn, Goal
from ..domain.plain_text import without_markup
from ..domain.report_period import Period
from .model import CheckInLine, DoneGoal, Due, DueKind, GoalLine, GoalsPart, cap_map
from .text import one_line

TABLE_LIMIT = 25
COMPLETED_LIMIT = 15
AT_RISK_LIMIT = 15
CHECKIN_LIMIT = 10
STEP_TEXT_LIMIT = 90
NOTE_LIMIT = 280


def existed_by(goal: Goal, end: dt.date) -> bool:
    return goal.created_on is None or goal.created_on <= end


def open_goals(goals: Sequence[Goal], period: Period) -> list[Goal]:
    """Goals open today that existed by the end of the period."""
    return [g for g in goals if not g.status.is_closed and existed_by(g, period.end)]


def completed_in(goals: Sequence[Goal], period: Period) -> list[Goal]:
    """Goals marked done whose completion date falls in the period, newest first."""
    done = [g for g in goals if g.status is GoalStatus.DONE and period.contains(g.completed_on)]
    done.sort(key=lambda g: (g.completed_on or dt.date.min, g.title), reverse=True)
    return done


def is_overdue(goal: Goal, today: dt.date) -> bool:
    return not goal.status.is_closed and goal.deadline is not None and goal.deadline < today


def steps_text(goal: Goal) -> str:
    if not goal.steps:
        return "No steps yet"
    done = f"{goal.steps_done} of {len(goal.steps)} done"
    step = goal.next_step
    if step is None:
        return done
    return f"{done}\nNext: {one_line(step.text, STEP_TEXT_LIMIT)}"


def _row(goal: Goal, today: dt.date) -> GoalLine:
    return GoalLine(
        title=goal.title,
        factor=goal.factor.label if goal.factor else "",
        steps=steps_text(goal),
        deadline=goal.deadline,
        progress=min(max(goal.progress, 0), 100),
        status=goal_rules.status_words(goal, today),  # 'Overdue', as the window says it
        overdue=is_overdue(goal, today),
        at_risk=goal.status is GoalStatus.AT_RISK,
    )


def _urgency(goal: Goal, today: dt.date) -> tuple[int, dt.date, str, str]:
    rank = 0 if goal.status is GoalStatus.AT_RISK else 1 if is_overdue(goal, today) else 2
    return rank, goal.deadline or dt.date.max, goal.title, goal.id


def gather_goals(goals: Sequence[Goal], period: Period, due: Due) -> GoalsPart:
    """`due` is the report's one due window; "overdue" means past its first day (the
    period's last), as everywhere in the report."""
    today = due.start
    current = sorted(open_goals(goals, period), key=lambda g: _urgency(g, today))
    at_risk = [g for g in current if g.status is GoalStatus.AT_RISK]
    done = completed_in(goals, period)
    checkins = [(c, g.title) for g in goals for c in g.checkins if period.contains(c.date)]
    checkins.sort(key=lambda item: (item[0].date, item[1], item[0].id), reverse=True)
    return GoalsPart(
        open_goals=cap_map(current, TABLE_LIMIT, lambda g: _row(g, today)),
        completed=cap_map(done, COMPLETED_LIMIT, lambda g: _done(g, period)),
        at_risk=cap_map(at_risk, AT_RISK_LIMIT, lambda g: _row(g, today)),
        checkins=cap_map(checkins, CHECKIN_LIMIT, _checkin),
        deadlines=due.of(DueKind.GOAL),
        steps=due.of(DueKind.STEP),
    )


def _done(goal: Goal, period: Period) -> DoneGoal:
    factor = goal.factor.label if goal.factor else ""
    return DoneGoal(goal.title, goal.completed_on or period.end, factor)


def _checkin(item: tuple[CheckIn, str]) -> CheckInLine:
    checkin, title = item
    note = one_line(without_markup(checkin.note), NOTE_LIMIT)
    return CheckInLine(checkin.date, title, note, checkin.progress)
