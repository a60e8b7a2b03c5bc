"""SMART goals with their action steps and check-ins."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .enums import Factor, GoalStatus

MAX_TITLE_LENGTH = 200


@dataclass(frozen=True, slots=True)
class Step:
    """One action step of a goal, in the goal's order."""

    id: str
    text: str
    done: bool = False
    due: dt.date | None = None
    done_on: dt.date | None = None


@dataclass(frozen=True, slots=True)
class CheckIn:
    """A dated progress note, with an optional progress figure (0..100)."""

    id: str
    date: dt.date
    note: str = ""
    progress: int | None = None


@dataclass(frozen=True, slots=True)
class Goal:
    id: str
    title: str
    why: str = ""
    measure: str = ""
    deadline: dt.date | None = None
    status: GoalStatus = GoalStatus.NOT_STARTED
    progress: int = 0
    factor: Factor | None = None
    created_on: dt.date | None = None
    completed_on: dt.date | None = None
    steps: tuple[Step, ...] = ()
    checkins: tuple[CheckIn, ...] = ()

    @property
    def steps_done(self) -> int:
        return sum(1 for step in self.steps if step.done)

    @property
    def next_step(self) -> Step | None:
        return next((step for step in self.steps if not step.done), None)
