"""Builds goals from templates: action steps, progress and check-ins that agree by date."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from ..domain.enums import GoalStatus
from ..domain.goals import MAX_TITLE_LENGTH, CheckIn, Goal, Step
from .dice import Dice
from .vocabulary import fill, progress
from .vocabulary.goals import GoalTemplate


@dataclass(frozen=True, slots=True)
class GoalPlan:
    """What to build: the template, its status and dates, and how many steps and check-ins."""

    template: GoalTemplate
    status: GoalStatus
    created_on: date
    deadline: date | None
    steps: int
    checkins: int
    done_steps: int | None = None  # None: chosen to suit the status
    due_share: float = 0.5  # the chance that a step has a due date


def _done_count(dice: Dice, plan: GoalPlan) -> int:
    n = plan.steps
    if plan.done_steps is not None:
        return min(plan.done_steps, n)
    if plan.status is GoalStatus.DONE:
        return n
    if plan.status is GoalStatus.NOT_STARTED or n < 2:
        return 0
    return dice.randint(0 if plan.status is GoalStatus.DROPPED else 1, n - 1)


def _free_progress(dice: Dice, status: GoalStatus) -> int:
    """Progress of a goal without steps, which the user sets by hand."""
    if status is GoalStatus.DONE:
        return 100
    if status is GoalStatus.NOT_STARTED:
        return 0
    if status is GoalStatus.AT_RISK or status is GoalStatus.DROPPED:
        return dice.randint(1, 8) * 5
    return dice.randint(2, 18) * 5


def _step_texts(dice: Dice, plan: GoalPlan, words: Mapping[str, str]) -> list[str]:
    texts = [fill(text, words) for text in plan.template.steps[: plan.steps]]
    if plan.steps > len(texts):
        texts += dice.sample(progress.EXTRA_STEPS, plan.steps - len(texts))
    return texts


def _note(dice: Dice, done: int, texts: list[str], pct: int) -> str:
    if pct == 0:
        return dice.choice(progress.STARTING_NOTES)
    if 0 < done < len(texts) and dice.chance(0.6):
        note = dice.choice(progress.STEP_NOTES)
        return note.format(step=texts[done - 1], next=texts[done])
    return dice.choice(progress.GENERAL_NOTES)


def _notes(dice: Dice, done_by: list[int], texts: list[str], figures: list[int]) -> list[str]:
    """A note per check-in, never the same note twice in a row."""
    notes: list[str] = []
    for done, pct in zip(done_by, figures, strict=True):
        note = _note(dice, done, texts, pct)
        for _ in range(3):
            if not notes or note != notes[-1]:
                break
            note = _note(dice, done, texts, pct)
        notes.append(note)
    return notes


def build_goal(dice: Dice, today: date, plan: GoalPlan, words: Mapping[str, str]) -> Goal:
    status, created, n = plan.status, plan.created_on, plan.steps
    horizon = plan.deadline or created + timedelta(days=120)
    if status is GoalStatus.DONE:
        end = dice.day(created, min(horizon + timedelta(days=30), today))
    elif status is GoalStatus.DROPPED:
        end = dice.day(created, min(horizon, today))
    else:
        end = today
    texts = _step_texts(dice, plan, words)
    done = _done_count(dice, plan)
    done_days = dice.days(created, end, done)
    if status is GoalStatus.DONE and done_days:
        done_days[-1] = end
    span = max((horizon - created).days, 7)
    steps = tuple(
        Step(
            id=dice.new_id(),
            text=text,
            done=i < done,
            due=created + timedelta(days=span * (i + 1) // n)
            if dice.chance(plan.due_share)
            else None,
            done_on=done_days[i] if i < done else None,
        )
        for i, text in enumerate(texts)
    )
    goal_progress = round(100 * done / n) if n else _free_progress(dice, status)
    count = 0 if status is GoalStatus.NOT_STARTED else plan.checkins
    days = dice.days(created, end, count)
    if n:
        done_by = [bisect_right(done_days, day) for day in days]
        figures = [round(100 * d / n) for d in done_by]
    else:
        done_by = [0] * count
        figures = sorted(dice.randint(0, goal_progress // 5) * 5 for _ in range(count))
    notes = _notes(dice, done_by, texts, figures)
    if count and status is GoalStatus.DONE:
        days[-1], figures[-1], notes[-1] = end, 100, dice.choice(progress.DONE_NOTES)
    elif count and status is GoalStatus.DROPPED:
        notes[-1] = dice.choice(progress.DROPPED_NOTES)
    checkins = tuple(
        CheckIn(dice.new_id(), day, note, pct)
        for day, note, pct in zip(days, notes, figures, strict=True)
    )
    return Goal(
        id=dice.new_id(),
        title=fill(plan.template.title, words)[:MAX_TITLE_LENGTH],
        why=fill(plan.template.why, words),
        measure=fill(plan.template.measure, words),
        deadline=plan.deadline,
        status=status,
        progress=goal_progress,
        factor=plan.template.factor,
        created_on=created,
        completed_on=end if status is GoalStatus.DONE else None,
        steps=steps,
        checkins=checkins,
    )
