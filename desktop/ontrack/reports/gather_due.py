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
from collections.abc import Iterable

from ..domain.calendar import open_follow_up_interaction
from ..domain.dataset import Dataset
from ..domain.enums import FeedbackKind
from ..domain.journal import Feedback
from ..domain.keep_in_touch import last_interaction, next_reconnect_of
from ..domain.network import Contact
from ..domain.plain_text import without_markup
from .model import Capped, Due, DueItem, DueKind, DueList
from .period import format_day
from .text import one_line

AHEAD_DAYS = 30
STALE_DAYS = 90
DUE_LIMIT = 12
TEXT_LIMIT = 160
CONTEXT_LIMIT = 120


def gather_due(dataset: Dataset, start: dt.date) -> Due:
    """Every kind's due list for the window that opens on `start` (the report's last day)."""
    until = start + dt.timedelta(days=AHEAD_DAYS)
    found: dict[DueKind, list[DueItem]] = {kind: [] for kind in DueKind}
    for item in _items(dataset, start):
        found[item.kind].append(item)
    lists = tuple(_list(kind, found[kind], start, until) for kind in DueKind)
    return Due(start, until, lists)


def _list(kind: DueKind, items: list[DueItem], start: dt.date, until: dt.date) -> DueList:
    oldest = start - dt.timedelta(days=STALE_DAYS)
    upcoming = [i for i in items if i.due is None or start <= i.due <= until]
    overdue = [i for i in items if i.due is not None and oldest <= i.due < start]
    stale = sum(1 for i in items if i.due is not None and i.due < oldest)
    upcoming.sort(key=lambda i: (i.due or dt.date.min, i.text, i.key))
    overdue.sort(key=lambda i: (dt.date.max - (i.due or dt.date.min), i.text, i.key))
    listed = upcoming + overdue
    return DueList(kind, Capped(tuple(listed[:DUE_LIMIT]), len(listed)), start, until, stale)


def _items(dataset: Dataset, start: dt.date) -> Iterable[DueItem]:
    def item(kind: DueKind, key: str, due: dt.date | None, text: str, context: str) -> DueItem:
        late = due is not None and due < start
        return DueItem(
            kind, key, due, one_line(text, TEXT_LIMIT), one_line(context, CONTEXT_LIMIT), late
        )

    for goal in dataset.goals:
        if goal.status.is_closed:
            continue
        if goal.deadline is not None:
            context = f"{goal.progress}% · {goal.status.label}"
            yield item(DueKind.GOAL, goal.id, goal.deadline, goal.title, context)
        for step in goal.steps:
            if not step.done and step.due is not None:
                key = f"{goal.id}/{step.id}"
                yield item(DueKind.STEP, key, step.due, step.text, f"Goal: {goal.title}")
    for entry in dataset.feedback:
        if entry.follow_up_on is None or entry.followed_up_on is not None:
            continue
        if entry.kind is FeedbackKind.REQUEST:
            text = f"Ask {_who(entry)} again"
            context = without_markup(entry.first_line)
            yield item(DueKind.REQUEST, entry.id, entry.follow_up_on, text, context)
        else:
            text = without_markup(entry.action_plan or entry.first_line) or "Follow up"
            context = f"Feedback from {_who(entry)} ({entry.relationship.label.lower()})"
            yield item(DueKind.FOLLOW_UP, entry.id, entry.follow_up_on, text, context)
    for contact in dataset.contacts:
        owed = open_follow_up_interaction(contact)
        if owed is not None and owed.follow_up_on is not None:
            note = without_markup(owed.notes)
            yield item(DueKind.CONTACT_FOLLOW_UP, contact.id, owed.follow_up_on, contact.name, note)
        reconnect = next_reconnect_of(contact)
        if reconnect is not None:
            due = None if reconnect == dt.date.min else reconnect
            context = _reconnect_context(contact)
            yield item(DueKind.RECONNECT, contact.id, due, contact.name, context)


def _reconnect_context(contact: Contact) -> str:
    parts = [p for p in (contact.role.strip(), contact.company.strip()) if p]
    last = last_interaction(contact)
    words = ", ".join(parts)
    if last is not None:
        words += f"{' · ' if words else ''}last in touch {format_day(last)}"
    return words


def _who(entry: Feedback) -> str:
    return entry.source_name.strip() or "someone"
