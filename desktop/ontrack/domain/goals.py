"""SMART goals with their action steps and check-ins."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .enums import Factor, GoalStatus

MAX_TITLE_LENGTH = 200


@dataclass(frozen=True, slots=True)
class Step:
    """One action step of a goal, in the goal's order."""

    id: str
    text: str
    done: bool = False
    due: date | None = None
    done_on: date | None = None


@dataclass(frozen=True, slots=True)
class CheckIn:
    """A dated progress note, with an optional progress figure (0..100)."""

    id: str
    date: date
    note: str = ""
    progress: int | None = None


@dataclass(frozen=True, slots=True)
class Goal:
    id: str
    title: str
    why: str = ""
    measure: str = ""
    deadline: date | None = None
    status: GoalStatus = GoalStatus.NOT_STARTED
    progress: int = 0
    factor: Factor | None = None
    created_on: date | None = None
    completed_on: date | None = None
    steps: tuple[Step, ...] = ()
    checkins: tuple[CheckIn, ...] = ()

    @property
    def steps_done(self) -> int:
        return sum(1 for step in self.steps if step.done)

    @property
    def next_step(self) -> Step | None:
        return next((step for step in self.steps if not step.done), None)
