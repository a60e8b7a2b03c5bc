"""The report's content as plain data: what each section says, already chosen, counted,
sorted and capped, with no ReportLab in sight.

The `gather*` modules fill these in from a Dataset; the `sections` package lays them
out. Keeping the two apart means the choices a coach cares about (what counts as "in
the period", what comes first, where a list is cut) are unit-tested without a PDF.
Text here is still the user's raw text (clipped where long); escaping happens at layout.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Generic, TypeVar

from ..domain.enums import Factor
from ..domain.report_options import Section

T = TypeVar("T")
S = TypeVar("S")


@dataclass(frozen=True, slots=True)
class Capped(Generic[T]):
    """The first items of a longer list, and how many there were in all."""

    items: tuple[T, ...]
    total: int

    @property
    def more(self) -> int:
        """How many were left out ("… and 1,234 more")."""
        return self.total - len(self.items)

    def __bool__(self) -> bool:
        return self.total > 0


def cap(items: Sequence[T], limit: int) -> Capped[T]:
    return Capped(tuple(items[:limit]), len(items))


def cap_map(items: Sequence[S], limit: int, make: Callable[[S], T]) -> Capped[T]:
    """Like `cap`, building the report rows for the items kept only."""
    return Capped(tuple(make(item) for item in items[:limit]), len(items))


@dataclass(frozen=True, slots=True)
class Cover:
    name: str
    current_role: str
    target_role: str
    period_label: str
    made_on: dt.date


@dataclass(frozen=True, slots=True)
class Glance:
    goals_done: int
    goals_on_track: int
    goals_at_risk: int
    feedback_received: int
    feedback_followed_up: int
    people_met: int
    people_reconnected: int
    events_attended: int
    assessed_on: dt.date | None
    top_strength: str | None
    top_opportunity: str | None


# --- Assessment ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FactorLine:
    factor: Factor
    label: str
    score: int | None
    previous: int | None
    change: str
    band: str


@dataclass(frozen=True, slots=True)
class Insight:
    """A strength or an opportunity: the factor, its score and what good looks like."""

    label: str
    score: int
    text: str
    tip: str = ""


@dataclass(frozen=True, slots=True)
class PerceptionLine:
    label: str
    own: int
    others: int
    gap: str


@dataclass(frozen=True, slots=True)
class RaterGroupLine:
    """A manager or a group of raters as the anonymity rules show them: a withheld group
    has its reason and no comments; a shown group's comments are shuffled, unattributed."""

    title: str
    withheld: str
    comments: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class Reflection:
    prompt: str
    answer: str


@dataclass(frozen=True, slots=True)
class AssessmentPart:
    taken_on: dt.date
    previous_on: dt.date | None
    transition: str
    scores: dict[Factor, float | None]
    previous_scores: dict[Factor, float | None] | None
    rows: tuple[FactorLine, ...]
    strengths: tuple[Insight, ...]
    opportunities: tuple[Insight, ...]
    raters: int
    perception: tuple[PerceptionLine, ...]
    blind_spots: tuple[str, ...]
    hidden_strengths: tuple[str, ...]
    reflections: tuple[Reflection, ...]
    groups: tuple[RaterGroupLine, ...] = ()


# --- Goals ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class GoalLine:
    title: str
    factor: str
    steps: str
    deadline: dt.date | None
    progress: int
    status: str
    overdue: bool
    at_risk: bool


@dataclass(frozen=True, slots=True)
class DoneGoal:
    title: str
    completed_on: dt.date
    factor: str


@dataclass(frozen=True, slots=True)
class CheckInLine:
    date: dt.date
    goal: str
    note: str
    progress: int | None


@dataclass(frozen=True, slots=True)
class GoalsPart:
    open_goals: Capped[GoalLine]
    completed: Capped[DoneGoal]
    at_risk: Capped[GoalLine]
    checkins: Capped[CheckInLine]
    deadlines: DueList
    steps: DueList


# --- Feedback -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FeedbackItem:
    date: dt.date
    kind: str
    source: str
    said: str
    action_plan: str


@dataclass(frozen=True, slots=True)
class FactorGroup:
    """Feedback filed under one factor (its first), or under none (`factor` None)."""

    factor: Factor | None
    label: str
    praise: int
    constructive: int
    with_plan: int
    items: Capped[FeedbackItem]


@dataclass(frozen=True, slots=True)
class FollowUpLine:
    date: dt.date
    source: str
    said: str
    note: str


@dataclass(frozen=True, slots=True)
class FeedbackPart:
    received: int
    groups: tuple[FactorGroup, ...]
    followed_up: Capped[FollowUpLine]
    still_due: DueList
    requests: DueList
    requests_waiting: int


# --- Network --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Bin:
    label: str
    count: int


@dataclass(frozen=True, slots=True)
class ContactLine:
    name: str
    detail: str
    date: dt.date | None
    note: str = ""


@dataclass(frozen=True, slots=True)
class EventLine:
    date: dt.date
    name: str
    location: str
    people: int


@dataclass(frozen=True, slots=True)
class NetworkPart:
    interactions: int
    bin_unit: str
    bins: tuple[Bin, ...]
    by_kind: tuple[Bin, ...]
    new_contacts: Capped[ContactLine]
    events: Capped[EventLine]
    interviews: Capped[ContactLine]
    follow_ups: DueList
    reconnect: DueList


# --- What is due (every section's due lists, and Next 30 days) ----------------------------


class DueKind(StrEnum):
    """The kinds of dated things to act on, in the order Next 30 days lists them."""

    GOAL = "goal"
    STEP = "step"
    FOLLOW_UP = "follow_up"
    REQUEST = "request"
    CONTACT_FOLLOW_UP = "contact_follow_up"
    RECONNECT = "reconnect"

    @property
    def heading(self) -> str:
        return _DUE_TITLES[self]

    @property
    def label(self) -> str:
        """One item's kind in words: 'Goal deadline', 'Reconnect' …"""
        return _DUE_LABELS[self]

    @property
    def section(self) -> Section:
        """The section that lists this kind beside Next 30 days."""
        return _DUE_SECTIONS[self]


_DUE_TITLES = {
    DueKind.GOAL: "Goal deadlines",
    DueKind.STEP: "Action steps",
    DueKind.FOLLOW_UP: "Feedback follow-ups",
    DueKind.REQUEST: "Feedback requests to chase",
    DueKind.CONTACT_FOLLOW_UP: "Contact follow-ups",
    DueKind.RECONNECT: "Reconnects",
}
_DUE_LABELS = {
    DueKind.GOAL: "Goal deadline",
    DueKind.STEP: "Action step",
    DueKind.FOLLOW_UP: "Feedback follow-up",
    DueKind.REQUEST: "Feedback request",
    DueKind.CONTACT_FOLLOW_UP: "Contact follow-up",
    DueKind.RECONNECT: "Reconnect",
}
_DUE_SECTIONS = {
    DueKind.GOAL: Section.GOALS,
    DueKind.STEP: Section.GOALS,
    DueKind.FOLLOW_UP: Section.FEEDBACK,
    DueKind.REQUEST: Section.FEEDBACK,
    DueKind.CONTACT_FOLLOW_UP: Section.NETWORK,
    DueKind.RECONNECT: Section.NETWORK,
}


@dataclass(frozen=True, slots=True)
class DueItem:
    """One thing to act on by a date. `due` None means "now" (a reconnect with no known
    start). `text` is what is listed, the same words in its section and in Next 30 days;
    `context` is the muted line under it (the goal, who, the note)."""

    kind: DueKind
    key: str
    due: dt.date | None
    text: str
    context: str
    overdue: bool


@dataclass(frozen=True, slots=True)
class DueList:
    kind: DueKind
    items: Capped[DueItem]
    start: dt.date
    until: dt.date
    stale: int = 0
    """Overdue for so long that they are counted, not listed (see due.STALE_DAYS)."""

    @property
    def title(self) -> str:
        return self.kind.heading


@dataclass(frozen=True, slots=True)
class Due:
    """Everything due from `start` (the report's last day) to `until` (30 days later), and
    what is overdue by up to STALE_DAYS: one list per kind, the same in every section."""

    start: dt.date
    until: dt.date
    lists: tuple[DueList, ...]

    def of(self, kind: DueKind) -> DueList:
        return next(due for due in self.lists if due.kind is kind)

    @property
    def total(self) -> int:
        return sum(due.items.total for due in self.lists)

    @property
    def stale(self) -> int:
        return sum(due.stale for due in self.lists)


@dataclass(frozen=True, slots=True)
class NextPart:
    due: Due

    @property
    def until(self) -> dt.date:
        return self.due.until

    @property
    def groups(self) -> tuple[DueList, ...]:
        return self.due.lists

    @property
    def total(self) -> int:
        return self.due.total


@dataclass(frozen=True, slots=True)
class ReportData:
    """Everything one report says. Parts of sections left out are None."""

    cover: Cover
    sections: tuple[Section, ...]
    glance: Glance | None
    assessment: AssessmentPart | None
    assessment_drafts: int
    goals: GoalsPart | None
    feedback: FeedbackPart | None
    network: NetworkPart | None
    next_30_days: NextPart | None


@dataclass(frozen=True, slots=True)
class SummaryData:
    """What the one-page summary says: who, the profile with its top strength and
    opportunity, open goals with their progress, the period in numbers, and the five
    most pressing things due."""

    cover: Cover
    assessment: AssessmentPart | None
    glance: Glance
    interactions: int
    goals: Capped[GoalLine]
    top_due: tuple[DueItem, ...]
    due: Due
