"""The dated items a calendar export holds, their stable UIDs and their words.

Five kinds: deadlines of open goals, due dates of open action steps (of open goals),
feedback follow-ups not yet done, reconnect dates of contacts with a cadence, and the
follow-up still owed after a contact's latest interaction.

The storage layer reads the few columns it needs and calls the `…_item` builders below;
`calendar_items(dataset, today)` applies the same rules to a whole `Dataset` (for tests and
for anything that already holds one).

UIDs are the point of this module. A calendar application that imports an .ics file a
second time matches events by UID: the same UID updates the event it imported before, a new
one adds a duplicate. So each UID is made only of the ids of the records the item belongs
to, which never change and survive an interchange export→import round trip, plus a fixed
domain; never of a date, a title or a position. A reconnect event keeps its UID while its
date moves with each logged interaction: one reconnect event per contact, ever.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from urllib.parse import quote

from .cadence import next_reconnect
from .dataset import Dataset
from .enums import FeedbackKind
from .goals import Goal, Step
from .journal import Feedback
from .keep_in_touch import last_interaction
from .network import Contact, Interaction

UID_DOMAIN = "ontrack.local"
SUMMARY_LENGTH = 120  # a calendar cell shows a line; the description holds the whole text


class CalendarKind(StrEnum):
    GOAL_DEADLINE = "goal_deadline"
    STEP_DUE = "step_due"
    FEEDBACK_FOLLOW_UP = "feedback_follow_up"
    RECONNECT = "reconnect"
    INTERACTION_FOLLOW_UP = "interaction_follow_up"

    @property
    def label(self) -> str:
        """A category name calendars can filter on."""
        return _LABELS[self]


_LABELS = {
    CalendarKind.GOAL_DEADLINE: "Goal deadline",
    CalendarKind.STEP_DUE: "Action step",
    CalendarKind.FEEDBACK_FOLLOW_UP: "Feedback follow-up",
    CalendarKind.RECONNECT: "Reconnect",
    CalendarKind.INTERACTION_FOLLOW_UP: "Conversation follow-up",
}


@dataclass(frozen=True, slots=True)
class CalendarItem:
    """One all-day calendar entry. `record_id` is the goal, feedback entry or contact it
    belongs to (a step's goal, an interaction's contact). Summary and description are user
    text: plain, any Unicode, possibly long."""

    kind: CalendarKind
    uid: str
    summary: str
    description: str
    day: date
    record_id: str


def make_uid(kind: CalendarKind, *ids: str) -> str:
    """'goal/<id>@ontrack.local', 'step/<goal id>/<step id>@ontrack.local' …

    Ids are any text (the interchange format allows up to 100 characters of anything), so
    each is percent-encoded: '/' and '@' inside an id cannot make two records share a UID.
    """
    return "/".join((_UID_PREFIX[kind], *(quote(i, safe="") for i in ids))) + "@" + UID_DOMAIN


_UID_PREFIX = {
    CalendarKind.GOAL_DEADLINE: "goal",
    CalendarKind.STEP_DUE: "step",
    CalendarKind.FEEDBACK_FOLLOW_UP: "feedback",
    CalendarKind.RECONNECT: "reconnect",
    CalendarKind.INTERACTION_FOLLOW_UP: "interaction",
}


def one_line(text: str, limit: int = SUMMARY_LENGTH) -> str:
    """The first non-blank line of `text`, shortened to `limit` characters with '…'."""
    line = next((part.strip() for part in text.splitlines() if part.strip()), "")
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def _paragraphs(*parts: str) -> str:
    return "\n\n".join(part for part in parts if part.strip())


# -- the builders: one per kind, from the columns storage reads ------------------------------


def goal_deadline_item(goal_id: str, title: str, deadline: date, why: str = "") -> CalendarItem:
    return CalendarItem(
        CalendarKind.GOAL_DEADLINE,
        make_uid(CalendarKind.GOAL_DEADLINE, goal_id),
        f"Goal deadline: {one_line(title)}",
        _paragraphs(title, why),
        deadline,
        goal_id,
    )


def step_due_item(
    goal_id: str, step_id: str, text: str, due: date, goal_title: str
) -> CalendarItem:
    return CalendarItem(
        CalendarKind.STEP_DUE,
        make_uid(CalendarKind.STEP_DUE, goal_id, step_id),
        f"Step due: {one_line(text, 80)} (goal {one_line(goal_title, 60)})",
        _paragraphs(text, f"Action step of the goal: {goal_title}"),
        due,
        goal_id,
    )


def feedback_follow_up_item(
    feedback_id: str,
    source_name: str,
    kind: FeedbackKind,
    follow_up_on: date,
    said: str = "",
    action_plan: str = "",
) -> CalendarItem:
    who = one_line(source_name, 80)
    if kind is FeedbackKind.REQUEST:
        summary = f"Follow up on feedback asked of {who}" if who else "Follow up on feedback asked"
    else:
        summary = f"Follow up on feedback from {who}" if who else "Follow up on feedback"
    plan = f"What I will do: {action_plan}" if action_plan.strip() else ""
    return CalendarItem(
        CalendarKind.FEEDBACK_FOLLOW_UP,
        make_uid(CalendarKind.FEEDBACK_FOLLOW_UP, feedback_id),
        summary,
        _paragraphs(said, plan),
        follow_up_on,
        feedback_id,
    )


def reconnect_item(
    contact_id: str,
    name: str,
    every_days: int | None,
    last_interaction_on: date | None,
    met_on: date | None,
    today: date,
    company: str = "",
) -> CalendarItem | None:
    """None without a cadence. A contact never met nor spoken to is due now: `today`."""
    day = next_reconnect(last_interaction_on, met_on, every_days)
    if day is None:
        return None
    if day == date.min:
        day = today
    last = f"Last in touch on {last_interaction_on.isoformat()}." if last_interaction_on else ""
    return CalendarItem(
        CalendarKind.RECONNECT,
        make_uid(CalendarKind.RECONNECT, contact_id),
        f"Reconnect with {one_line(name, 100)}",
        _paragraphs(name, company, f"Keep in touch every {every_days} days. {last}".strip()),
        day,
        contact_id,
    )


def interaction_follow_up_item(
    contact_id: str, interaction_id: str, name: str, follow_up_on: date, notes: str = ""
) -> CalendarItem:
    return CalendarItem(
        CalendarKind.INTERACTION_FOLLOW_UP,
        make_uid(CalendarKind.INTERACTION_FOLLOW_UP, contact_id, interaction_id),
        f"Follow up with {one_line(name, 100)}",
        _paragraphs(name, notes),
        follow_up_on,
        contact_id,
    )


def sort_items(items: Iterable[CalendarItem]) -> list[CalendarItem]:
    """Date order; the kind order and the UID make it the same every time."""
    order = {kind: n for n, kind in enumerate(CalendarKind)}
    return sorted(items, key=lambda item: (item.day, order[item.kind], item.uid))


# -- the same rules over whole domain objects ------------------------------------------------


def open_follow_up_interaction(contact: Contact) -> Interaction | None:
    """The interaction whose follow-up is still owed, whatever its date.

    The rule of `keep_in_touch.open_follow_up` without its "due by today" cut: a follow-up
    belongs to the latest interaction day; the earliest follow-up date there wins, and among
    equal dates the interaction listed first.
    """
    latest = last_interaction(contact)
    owed = [x for x in contact.interactions if x.date == latest and x.follow_up_on is not None]
    return min(owed, key=lambda x: x.follow_up_on or date.max, default=None)


def goal_items(goal: Goal) -> list[CalendarItem]:
    if goal.status.is_closed:
        return []
    items: list[CalendarItem] = []
    if goal.deadline is not None:
        items.append(goal_deadline_item(goal.id, goal.title, goal.deadline, goal.why))
    items += [_step_item(goal, step) for step in goal.steps if not step.done and step.due]
    return items


def _step_item(goal: Goal, step: Step) -> CalendarItem:
    assert step.due is not None
    return step_due_item(goal.id, step.id, step.text, step.due, goal.title)


def feedback_item(feedback: Feedback) -> CalendarItem | None:
    if feedback.follow_up_on is None or feedback.followed_up_on is not None:
        return None
    return feedback_follow_up_item(
        feedback.id,
        feedback.source_name,
        feedback.kind,
        feedback.follow_up_on,
        feedback.first_line,
        feedback.action_plan,
    )


def contact_items(contact: Contact, today: date) -> list[CalendarItem]:
    items: list[CalendarItem] = []
    reconnect = reconnect_item(
        contact.id,
        contact.name,
        contact.reconnect_every_days,
        last_interaction(contact),
        contact.met_on,
        today,
        contact.company,
    )
    if reconnect is not None:
        items.append(reconnect)
    owed = open_follow_up_interaction(contact)
    if owed is not None and owed.follow_up_on is not None:
        items.append(
            interaction_follow_up_item(
                contact.id, owed.id, contact.name, owed.follow_up_on, owed.notes
            )
        )
    return items


def calendar_items(dataset: Dataset, today: date) -> list[CalendarItem]:
    """Every calendar item in `dataset`, in date order."""
    items: list[CalendarItem] = []
    for goal in dataset.goals:
        items += goal_items(goal)
    items += [x for x in map(feedback_item, dataset.feedback) if x is not None]
    for contact in dataset.contacts:
        items += contact_items(contact, today)
    return sort_items(items)
