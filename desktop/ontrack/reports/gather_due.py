"""What is due: the one place every section's due lists and Next 30 days come from.

The window is one definition for the whole report: from the report's last day (`start`)
to AHEAD_DAYS later, plus what fell due before `start` and is still open (overdue), back
to STALE_DAYS; older overdue items are counted, not listed (ten years of undone steps
are not a plan for next month). Each kind is listed upcoming first (soonest first), then
overdue (the latest first, the oldest last), cut at the same DUE_LIMIT everywhere, so a
section and Next 30 days always list the same items.

What counts as open follows the app's own rules (`domain.calendar`): open goals' deadlines
and their undone steps, feedback follow-ups not yet done, the follow-up owed after a
contact's latest interaction, and reconnect dates from the keep-in-touch cadence.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial

from ..domain.cadence import next_reconnect
from ..domain.dataset import Dataset
from ..domain.enums import FeedbackKind
from ..domain.goals import Goal, Step
from ..domain.journal import Feedback
from ..domain.network import Contact, Interaction
from ..domain.plain_text import without_markup
from ..domain.report_period import format_day
from .model import Capped, Due, DueItem, DueKind, DueList
from .text import one_line

AHEAD_DAYS = 30
STALE_DAYS = 90
DUE_LIMIT = 8
TEXT_LIMIT = 160
CONTEXT_LIMIT = 120


Words = Callable[[], tuple[str, str]]
"""An item's text and context, made only for the items listed (there are thousands)."""
Found = tuple[DueKind, str, dt.date | None, Words]


class _Window:
    """Collects what falls in the window, and counts what is overdue for too long. Nothing
    is kept of the rest: on ten years of data that is most of it, and every object kept
    makes Python's garbage collector walk the whole data set more often."""

    def __init__(self, start: dt.date) -> None:
        self.start = start
        self.until = start + dt.timedelta(days=AHEAD_DAYS)
        self.oldest = start - dt.timedelta(days=STALE_DAYS)
        self.found: dict[DueKind, list[Found]] = {kind: [] for kind in DueKind}
        self.stale = dict.fromkeys(DueKind, 0)

    def add(self, kind: DueKind, key: str, due: dt.date | None, words: Words) -> None:
        if due is not None and due > self.until:
            return
        if due is not None and due < self.oldest:
            self.stale[kind] += 1
            return
        self.found[kind].append((kind, key, due, words))

    def listed(self, kind: DueKind) -> DueList:
        found = self.found[kind]
        upcoming = [f for f in found if f[2] is None or f[2] >= self.start]
        overdue = [f for f in found if f[2] is not None and f[2] < self.start]
        upcoming.sort(key=lambda f: (f[2] or dt.date.min, f[1]))
        overdue.sort(key=lambda f: (dt.date.max - (f[2] or dt.date.min), f[1]))
        listed = upcoming + overdue
        items = tuple(_item(f, self.start) for f in listed[:DUE_LIMIT])
        capped = Capped(items, len(listed))
        return DueList(kind, capped, self.start, self.until, self.stale[kind])


def gather_due(dataset: Dataset, start: dt.date) -> Due:
    """Every kind's due list for the window that opens on `start` (the report's last day)."""
    window = _Window(start)
    _collect(dataset, window)
    return Due(start, window.until, tuple(window.listed(kind) for kind in DueKind))


def _item(found: Found, start: dt.date) -> DueItem:
    kind, key, due, words = found
    text, context = words()
    late = due is not None and due < start
    return DueItem(
        kind, key, due, one_line(text, TEXT_LIMIT), one_line(context, CONTEXT_LIMIT), late
    )


def _collect(dataset: Dataset, window: _Window) -> None:
    add = window.add
    for goal in dataset.goals:
        if goal.status.is_closed:
            continue
        if goal.deadline is not None:
            add(DueKind.GOAL, goal.id, goal.deadline, partial(_goal_words, goal))
        for step in goal.steps:
            if not step.done and step.due is not None:
                words = partial(_step_words, goal, step)
                add(DueKind.STEP, f"{goal.id}/{step.id}", step.due, words)
    for entry in dataset.feedback:
        if entry.follow_up_on is None or entry.followed_up_on is not None:
            continue
        kind = DueKind.REQUEST if entry.kind is FeedbackKind.REQUEST else DueKind.FOLLOW_UP
        add(kind, entry.id, entry.follow_up_on, partial(_feedback_words, entry))
    for contact in dataset.contacts:
        if not contact.interactions and not contact.reconnect_every_days:
            continue
        last, owed = _latest(contact)
        if owed is not None and owed.follow_up_on is not None:
            words = partial(_follow_up_words, contact, owed.notes)
            add(DueKind.CONTACT_FOLLOW_UP, contact.id, owed.follow_up_on, words)
        reconnect = next_reconnect(last, contact.met_on, contact.reconnect_every_days)
        if reconnect is not None:
            due = None if reconnect == dt.date.min else reconnect
            add(DueKind.RECONNECT, contact.id, due, partial(_reconnect_words, contact, last))


def _latest(contact: Contact) -> tuple[dt.date | None, Interaction | None]:
    """The last interaction's day, and the follow-up still owed: the rule of
    `domain.calendar.open_follow_up_interaction` (the earliest follow-up of the latest
    day, the first listed among equals) in one pass, as ten thousand contacts are many."""
    latest: dt.date | None = None
    owed: Interaction | None = None
    for interaction in contact.interactions:
        if latest is None or interaction.date > latest:
            latest, owed = interaction.date, None
        follow_up = interaction.follow_up_on
        if (
            interaction.date == latest
            and follow_up is not None
            and (owed is None or follow_up < (owed.follow_up_on or dt.date.max))
        ):
            owed = interaction
    return latest, owed


def _goal_words(goal: Goal) -> tuple[str, str]:
    return goal.title, f"{goal.progress}% · {goal.status.label}"


def _step_words(goal: Goal, step: Step) -> tuple[str, str]:
    return step.text, f"Goal: {goal.title}"


def _feedback_words(entry: Feedback) -> tuple[str, str]:
    who = entry.source_name.strip() or "someone"
    if entry.kind is FeedbackKind.REQUEST:
        return f"Ask {who} again", without_markup(entry.first_line)
    text = without_markup(entry.action_plan or entry.first_line) or "Follow up"
    return text, f"Feedback from {who} ({entry.relationship.label.lower()})"


def _follow_up_words(contact: Contact, notes: str) -> tuple[str, str]:
    return contact.name, without_markup(notes)


def _reconnect_words(contact: Contact, last: dt.date | None) -> tuple[str, str]:
    words = ", ".join(p for p in (contact.role.strip(), contact.company.strip()) if p)
    if last is not None:
        words += f"{' · ' if words else ''}last in touch {format_day(last)}"
    return contact.name, words
