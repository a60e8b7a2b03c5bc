"""What needs attention now: the Overview's list, the start-up reminder's line, and the month.

An `AttentionItem` is one thing to act on (a goal overdue, a step due this week, a person to
reconnect with …), naming the tab and record it leads to. The storage layer finds them; this
module says how they are grouped, ordered, counted and put into words.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from .dates import MONTH_ABBREVIATIONS, WEEKDAYS

STEP_WINDOW_DAYS = 7  # action steps due in the next week
EVENT_WINDOW_DAYS = 30  # events in the next month
SHOWN_PER_KIND = 5  # the Overview lists this many of each kind, then "N more"


class AttentionKind(StrEnum):
    GOAL_OVERDUE = "goal_overdue"
    GOAL_AT_RISK = "goal_at_risk"
    STEP_DUE = "step_due"
    FOLLOW_UP_DUE = "follow_up_due"
    REQUEST_OPEN = "request_open"
    RECONNECT_DUE = "reconnect_due"
    INTERACTION_FOLLOW_UP = "interaction_follow_up"
    EVENT_SOON = "event_soon"

    @property
    def tab(self) -> str:
        """objectName of the tab that holds this kind's records."""
        return _TABS[self]

    @property
    def heading(self) -> str:
        return _HEADINGS[self]

    @property
    def is_due(self) -> bool:
        """Due now (the start-up reminder's business), rather than coming up."""
        return self not in (AttentionKind.EVENT_SOON, AttentionKind.REQUEST_OPEN)

    def phrase(self, n: int) -> str:
        """'2 goals overdue', '1 person to reconnect with' …"""
        one, many = _PHRASES[self]
        return f"{n:,} {one if n == 1 else many}"


_TABS = {
    AttentionKind.GOAL_OVERDUE: "goalsTab",
    AttentionKind.GOAL_AT_RISK: "goalsTab",
    AttentionKind.STEP_DUE: "goalsTab",
    AttentionKind.FOLLOW_UP_DUE: "journalTab",
    AttentionKind.REQUEST_OPEN: "journalTab",
    AttentionKind.RECONNECT_DUE: "networkTab",
    AttentionKind.INTERACTION_FOLLOW_UP: "networkTab",
    AttentionKind.EVENT_SOON: "networkTab",
}
_HEADINGS = {
    AttentionKind.GOAL_OVERDUE: "Overdue goals",
    AttentionKind.GOAL_AT_RISK: "Goals at risk",
    AttentionKind.STEP_DUE: "Action steps due",
    AttentionKind.FOLLOW_UP_DUE: "Feedback follow-ups due",
    AttentionKind.REQUEST_OPEN: "Feedback requests waiting",
    AttentionKind.RECONNECT_DUE: "People to reconnect with",
    AttentionKind.INTERACTION_FOLLOW_UP: "Conversations to follow up",
    AttentionKind.EVENT_SOON: "Events in the next 30 days",
}
_PHRASES = {
    AttentionKind.GOAL_OVERDUE: ("goal overdue", "goals overdue"),
    AttentionKind.GOAL_AT_RISK: ("goal at risk", "goals at risk"),
    AttentionKind.STEP_DUE: ("action step due", "action steps due"),
    AttentionKind.FOLLOW_UP_DUE: ("feedback follow-up due", "feedback follow-ups due"),
    AttentionKind.REQUEST_OPEN: ("feedback request waiting", "feedback requests waiting"),
    AttentionKind.RECONNECT_DUE: ("person to reconnect with", "people to reconnect with"),
    AttentionKind.INTERACTION_FOLLOW_UP: (
        "conversation to follow up",
        "conversations to follow up",
    ),
    AttentionKind.EVENT_SOON: ("event coming up", "events coming up"),
}


@dataclass(frozen=True, slots=True)
class AttentionItem:
    kind: AttentionKind
    record_id: str  # the goal, feedback entry, contact or event to open
    title: str  # user text: shown literally
    on: date | None  # the date that makes it due (deadline, due date, event day …)
    context: str = ""  # user text too: the goal a step belongs to, a contact's company …


@dataclass(frozen=True, slots=True)
class KindGroup:
    kind: AttentionKind
    total: int  # how many there are; `items` holds the first few, most urgent first
    items: tuple[AttentionItem, ...]


@dataclass(frozen=True, slots=True)
class Agenda:
    """Everything that needs attention, grouped by kind in a fixed order; empty kinds left out."""

    groups: tuple[KindGroup, ...] = ()

    @property
    def total(self) -> int:
        return sum(g.total for g in self.groups)

    def count(self, kind: AttentionKind) -> int:
        return next((g.total for g in self.groups if g.kind is kind), 0)

    def headline(self) -> str:
        """What is due now in one line ('2 goals overdue · 1 person to reconnect with'),
        empty when nothing is. Coming-up events and waiting requests are not 'due'."""
        return " · ".join(g.kind.phrase(g.total) for g in self.groups if g.kind.is_due)


def group(kind: AttentionKind, total: int, items: list[AttentionItem]) -> KindGroup:
    return KindGroup(kind, total, tuple(items[:SHOWN_PER_KIND]))


def agenda_of(groups: list[KindGroup]) -> Agenda:
    order = list(AttentionKind)
    kept = [g for g in groups if g.total]
    return Agenda(tuple(sorted(kept, key=lambda g: order.index(g.kind))))


def when_text(item: AttentionItem, today: date) -> str:
    """How the item's date reads beside it: 'Overdue since 3 Nov', 'Due tomorrow', 'In 12 days'."""
    on = item.on
    if on is None or on == date.min:
        return "Due now" if item.kind.is_due else ""
    if item.kind is AttentionKind.REQUEST_OPEN:
        return f"Asked {day_text(on, today)}"
    days = (on - today).days
    if days < 0:
        return f"Overdue since {day_text(on, today)}"
    if days == 0:
        return "Today"
    if days == 1:
        return "Tomorrow"
    if days < 7:
        return WEEKDAYS[on.weekday()]
    return f"In {days} days"


def day_text(on: date, today: date) -> str:
    text = f"{on.day} {MONTH_ABBREVIATIONS[on.month - 1]}"
    return text if on.year == today.year else f"{text} {on.year}"


@dataclass(frozen=True, slots=True)
class MonthSummary:
    """This calendar month so far: steps done, feedback recorded, people met."""

    first_day: date
    steps_done: int = 0
    feedback_recorded: int = 0
    people_met: int = 0


def month_start(today: date) -> date:
    return today.replace(day=1)


def step_window_end(today: date) -> date:
    return today + timedelta(days=STEP_WINDOW_DAYS)


def event_window_end(today: date) -> date:
    return today + timedelta(days=EVENT_WINDOW_DAYS)
