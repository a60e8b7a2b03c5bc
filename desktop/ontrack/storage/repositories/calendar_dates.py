"""The calendar export's reads: every dated item, in one consistent snapshot.

Plain SQL over the columns each kind needs; the rules and the words are
`domain.calendar`'s. Reconnect dates come from `contact.last_interaction_on` (kept by
triggers), so the 50,000 interactions of ten years are looked at only on each contact's
latest day, through the (contact, date) index, for the follow-up still owed.
"""

from __future__ import annotations

from datetime import date

from ...domain.calendar import (
    CalendarItem,
    feedback_item,
    goal_deadline_item,
    interaction_follow_up_item,
    reconnect_item,
    sort_items,
    step_due_item,
)
from ...domain.enums import FeedbackKind
from ...domain.journal import Feedback
from ..connection import DataFile

_OPEN_GOAL = "g.status NOT IN ('done', 'dropped')"

_GOALS = (
    "SELECT g.id, g.title, g.deadline, g.why FROM goal g "
    f"WHERE g.deadline IS NOT NULL AND {_OPEN_GOAL}"
)
# A closed goal's steps are not owed any more, done or not.
_STEPS = (
    "SELECT s.goal_id, s.uid, s.text, s.due, g.title FROM step s JOIN goal g ON g.id = s.goal_id "
    f"WHERE s.done = 0 AND s.due IS NOT NULL AND {_OPEN_GOAL}"
)
_FEEDBACK = (
    "SELECT id, date, kind, source_name, text, situation, behavior, impact, reflection, "
    "action_plan, follow_up_on FROM feedback "
    "WHERE follow_up_on IS NOT NULL AND followed_up_on IS NULL"
)
_CONTACTS = (
    "SELECT id, name, reconnect_every_days, last_interaction_on, met_on, company FROM contact "
    "WHERE reconnect_every_days IS NOT NULL"
)
# The follow-up owed belongs to the latest interaction day (domain.keep_in_touch): the
# earliest follow-up date there, among equal dates the interaction listed first.
_FOLLOW_UPS = (
    "SELECT c.id, c.name, i.uid, i.follow_up_on, i.notes FROM contact c "
    "JOIN interaction i INDEXED BY interaction_contact_date "
    "ON i.contact_id = c.id AND i.date = c.last_interaction_on "
    "WHERE c.last_interaction_on IS NOT NULL AND i.follow_up_on IS NOT NULL "
    "ORDER BY c.id, i.follow_up_on, i.position"
)


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def calendar_items(data: DataFile, today: date) -> list[CalendarItem]:
    """Every calendar item in the file, in date order. `today` places a reconnect that has
    no date to count from (never met, never spoken to): it is due now."""
    items: list[CalendarItem] = []
    with data.snapshot():
        for goal_id, title, deadline, why in data.execute(_GOALS):
            items.append(goal_deadline_item(goal_id, title, date.fromisoformat(deadline), why))
        for goal_id, step_id, text, due, goal_title in data.execute(_STEPS):
            items.append(step_due_item(goal_id, step_id, text, date.fromisoformat(due), goal_title))
        for row in data.execute(_FEEDBACK):
            item = feedback_item(_feedback(row))
            if item is not None:
                items.append(item)
        for contact_id, name, every, last, met_on, company in data.execute(_CONTACTS):
            reconnect = reconnect_item(
                contact_id, name, every, _day(last), _day(met_on), today, company
            )
            if reconnect is not None:
                items.append(reconnect)
        previous = None
        for contact_id, name, interaction_id, follow_up_on, notes in data.execute(_FOLLOW_UPS):
            if contact_id == previous:
                continue  # rows come earliest first: the first one per contact is owed
            previous = contact_id
            items.append(
                interaction_follow_up_item(
                    contact_id, interaction_id, name, date.fromisoformat(follow_up_on), notes
                )
            )
    return sort_items(items)


def _feedback(row: tuple[str, ...]) -> Feedback:
    # Only the fields the calendar item reads; the rest keep their defaults.
    return Feedback(
        id=row[0],
        date=date.fromisoformat(row[1]),
        kind=FeedbackKind(row[2]),
        source_name=row[3],
        text=row[4],
        situation=row[5],
        behavior=row[6],
        impact=row[7],
        reflection=row[8],
        action_plan=row[9],
        follow_up_on=date.fromisoformat(row[10]),
    )
