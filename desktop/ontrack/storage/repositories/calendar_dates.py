"""The calendar export's reads: every dated item, in one consistent snapshot.

Peewee queries over the columns each kind needs; the rules and the words are
`domain.calendar`'s. Reconnect dates come from `contact.last_interaction_on` (kept by
triggers), so the 50,000 interactions of ten years are looked at only on each contact's
latest day, through the (contact, date) index, for the follow-up still owed.
"""

from __future__ import annotations

from datetime import date
from typing import Any

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
from ..orm import run
from ..schema import ContactRow, FeedbackRow, GoalRow, StepRow
from .open_goals import CLOSED_STATUSES

_G, _S, _F, _C = GoalRow, StepRow, FeedbackRow, ContactRow
_OPEN_GOAL = _G.status.not_in(CLOSED_STATUSES)


def _goals() -> Any:
    return _G.select(_G.id, _G.title, _G.deadline, _G.why).where(
        _G.deadline.is_null(False), _OPEN_GOAL
    )


def _steps() -> Any:
    """A closed goal's steps are not owed any more, done or not."""
    return (
        _S.select(_S.goal, _S.uid, _S.text, _S.due, _G.title)
        .join(_G, on=_G.id == _S.goal)
        .where(_S.done == 0, _S.due.is_null(False), _OPEN_GOAL)
    )


def _feedback_rows() -> Any:
    return _F.select(
        _F.id, _F.date, _F.kind, _F.source_name, _F.text, _F.situation, _F.behavior, _F.impact,
        _F.reflection, _F.action_plan, _F.follow_up_on,
    ).where(_F.follow_up_on.is_null(False), _F.followed_up_on.is_null())  # fmt: skip


def _contacts() -> Any:
    return _C.select(
        _C.id, _C.name, _C.reconnect_every_days, _C.last_interaction_on, _C.met_on, _C.company
    ).where(_C.reconnect_every_days.is_null(False))


# The follow-up owed belongs to the latest interaction day (domain.keep_in_touch): the
# earliest follow-up date there, among equal dates the interaction listed first.
# Raw SQL, one of the few: Peewee cannot write INDEXED BY, which pins this join to the
# (contact_id, date) index so that only each contact's latest day is looked at.
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
        for goal_id, title, deadline, why in run(data, _goals()):
            items.append(goal_deadline_item(goal_id, title, date.fromisoformat(deadline), why))
        for goal_id, step_id, text, due, goal_title in run(data, _steps()):
            items.append(step_due_item(goal_id, step_id, text, date.fromisoformat(due), goal_title))
        for row in run(data, _feedback_rows()):
            item = feedback_item(_feedback(row))
            if item is not None:
                items.append(item)
        for contact_id, name, every, last, met_on, company in run(data, _contacts()):
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
