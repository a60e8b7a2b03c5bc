"""The rules of a goal: progress from its steps, the status its dates and progress suggest,
what its SMART description still lacks, and when ticking a step completes it.

Every rule that depends on "today" takes it as an argument (from the injected clock).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Protocol

from .enums import GoalStatus
from .goals import Goal, Step

# "Clearly behind pace": this many percentage points behind the share of time gone,
# once at least a quarter of the time is gone (early on, a slow start says little).
BEHIND_PACE_MARGIN = 25
PACE_GRACE = 0.25


class Dated(Protocol):
    """What the time rules read: a Goal, or a row of the goals table (`GoalItem`)."""

    @property
    def deadline(self) -> dt.date | None: ...
    @property
    def created_on(self) -> dt.date | None: ...
    @property
    def progress(self) -> int: ...
    @property
    def status(self) -> GoalStatus: ...


def progress_from_steps(steps: tuple[Step, ...]) -> int | None:
    """The share of steps done, 0..100; None when there are no steps (progress is by hand)."""
    if not steps:
        return None
    return round(100 * sum(1 for s in steps if s.done) / len(steps))


def time_gone(goal: Dated, today: dt.date) -> float | None:
    """The share of the goal's time gone (0..1, more when overdue); None without dates."""
    if goal.deadline is None or goal.created_on is None or goal.deadline <= goal.created_on:
        return None
    span = (goal.deadline - goal.created_on).days
    return max(0.0, (today - goal.created_on).days / span)


def is_overdue(goal: Dated, today: dt.date) -> bool:
    return goal.deadline is not None and goal.deadline < today and not goal.status.is_closed


def status_words(goal: Dated, today: dt.date) -> str:
    """A goal's status as people read it everywhere: "Overdue" for an open goal past its
    deadline (whatever status it has), else the status's own label ("At risk")."""
    return "Overdue" if is_overdue(goal, today) else goal.status.label


def behind_pace(goal: Dated, today: dt.date) -> bool:
    gone = time_gone(goal, today)
    if gone is None or gone < PACE_GRACE:
        return False
    return goal.progress + BEHIND_PACE_MARGIN < min(gone, 1.0) * 100


def suggest_status(goal: Goal, today: dt.date) -> GoalStatus:
    """The status the goal's deadline, time gone and progress suggest (never "dropped")."""
    started = goal.progress > 0 or goal.steps_done > 0 or bool(goal.checkins)
    return suggest(goal, started, today)


def suggest(goal: Dated, started: bool, today: dt.date) -> GoalStatus:
    """`suggest_status` for a goal whose steps and check-ins are not loaded: `started` says
    whether any step is done or any check-in written."""
    if goal.progress >= 100:
        return GoalStatus.DONE
    if (goal.deadline is not None and goal.deadline < today) or behind_pace(goal, today):
        return GoalStatus.AT_RISK
    if not started and goal.progress == 0:
        return GoalStatus.NOT_STARTED
    gone = time_gone(goal, today)
    if gone is not None and goal.progress >= gone * 100 - 10:
        return GoalStatus.ON_TRACK
    return GoalStatus.IN_PROGRESS


def attention(goal: Dated, today: dt.date) -> str | None:
    """A short reason an open goal needs attention ("Overdue by 3 days"), or None."""
    if goal.status.is_closed:
        return None
    if goal.deadline is not None and goal.deadline < today:
        days = (today - goal.deadline).days
        return f"Overdue by {days} day{'s' if days != 1 else ''}"
    if goal.status is GoalStatus.AT_RISK or behind_pace(goal, today):
        gone = time_gone(goal, today)
        if gone is not None:
            share = round(min(gone, 1) * 100)
            return f"Behind pace: {goal.progress} % done, {share} % of the time gone"
        return "At risk"
    return None


def settle(goal: Goal, today: dt.date, status_by_hand: bool) -> Goal:
    """The goal with its derived values in place: progress from its steps (if any), the
    suggested status unless the person chose one, and the day it was completed."""
    derived = progress_from_steps(goal.steps)
    progress = max(0, min(100, goal.progress if derived is None else derived))
    goal = replace(goal, progress=progress)
    status = goal.status if status_by_hand else suggest_status(goal, today)
    completed_on = None
    if status is GoalStatus.DONE:
        completed_on = goal.completed_on or today
    return replace(goal, status=status, completed_on=completed_on)


def tick(goal: Goal, step_id: str, done: bool, today: dt.date) -> Goal:
    """Tick (or untick) one step; a ticked step records the day."""
    steps = tuple(
        replace(s, done=done, done_on=today if done else None) if s.id == step_id else s
        for s in goal.steps
    )
    return replace(goal, steps=steps)


def completes(before: Goal, after: Goal) -> bool:
    """True when this change ticked the goal's last open step: time to offer "done"."""
    return bool(after.steps) and before.steps_done < len(before.steps) == after.steps_done


def smart_gaps(goal: Goal) -> tuple[str, ...]:
    """What the goal's SMART description still lacks, as gentle reminders."""
    gaps = []
    if len(goal.title.split()) < 3:
        gaps.append("Make the title specific: what exactly will you do?")
    if not goal.why.strip():
        gaps.append("Why does it matter to you?")
    if not goal.measure.strip():
        gaps.append("How will you know it is done?")
    if goal.deadline is None:
        gaps.append("No deadline yet.")
    if goal.factor is None:
        gaps.append("Which derailer does it work on?")
    if not goal.steps:
        gaps.append("No action steps yet: what is the first one?")
    return tuple(gaps)


@dataclass(frozen=True, slots=True)
class StatusChoice:
    """A goal's status and whether the person set it by hand (an override)."""

    status: GoalStatus
    by_hand: bool
