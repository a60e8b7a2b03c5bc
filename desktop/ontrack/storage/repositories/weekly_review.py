"""The weekly review's queries: open goals with their latest check-in, follow-ups due
(feedback and conversations), and the contacts most overdue to reconnect.

Peewee queries on the indexes the tabs already use (check-ins by goal, the open follow-up index,
interactions by contact and date, the next-reconnect index). Which open goals are quiet is
the domain's rule (`domain.weekly_review.needs_check_in`), applied to what this reads.
Texts are cut to a few hundred characters: the review shows a line or two of each.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from peewee import fn

from ...domain.cadence import next_reconnect
from ...domain.enums import FeedbackKind, GoalStatus
from ...domain.weekly_review import (
    FollowUp,
    FollowUpKind,
    QuietGoal,
    ReachOut,
    needs_check_in,
    quiet_since,
)
from ..connection import DataFile
from ..orm import Prepared, run, value
from ..schema import CheckInRow, ContactRow, FeedbackRow, GoalRow, InteractionRow
from . import contact_records, network
from .contact_due import follow_up_open, has_cadence, next_reconnect_on
from .open_goals import CLOSED_STATUSES

Values = Sequence[Any]
SHOWN_TEXT = 300


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


# -- goals -----------------------------------------------------------------------------------
def _open_goals() -> Any:
    g, c = GoalRow, CheckInRow
    last_check_in = c.select(fn.max(c.date)).where(c.goal == g.id)
    return (
        g.select(
            g.id, fn.substr(g.title, 1, 200), g.deadline, g.status, g.progress, g.created_on,
            g.steps_total, g.steps_done, last_check_in,
        )
        .where(g.status.not_in(CLOSED_STATUSES))
        .order_by(g.seq)
    )  # fmt: skip


def _last_note(goal_id: Any, on: Any) -> Any:
    c = CheckInRow
    return (
        c.select(fn.substr(c.note, 1, SHOWN_TEXT))
        .where(c.goal == goal_id, c.date == on)
        .order_by(c.position.desc())
        .limit(1)
    )


_OPEN_GOALS = Prepared(_open_goals)
_LAST_NOTE = Prepared(_last_note)


def quiet_goals(data: DataFile, today: date, limit: int) -> tuple[list[QuietGoal], int]:
    """The quietest `limit` open goals without a check-in for a week (quietest first, then
    in the goals' own order), and how many there are in all."""
    quiet: list[QuietGoal] = []
    for row in run(data, _OPEN_GOALS()):
        status = GoalStatus(row[3])
        created_on, last = _day(row[5]), _day(row[8])
        if needs_check_in(status, created_on, last, today):
            quiet.append(
                QuietGoal(row[0], row[1], _day(row[2]), status, row[4], created_on, row[6],
                          row[7], last)
            )  # fmt: skip
    # sorted() is stable: goals quiet since the same day keep the goals' own order.
    quiet.sort(key=lambda g: quiet_since(g.created_on, g.last_check_in))
    shown = [_with_last_note(data, goal) for goal in quiet[:limit]]
    return shown, len(quiet)


def _with_last_note(data: DataFile, goal: QuietGoal) -> QuietGoal:
    if goal.last_check_in is None:
        return goal
    row = run(data, _LAST_NOTE(goal.id, goal.last_check_in.isoformat())).fetchone()
    if row is None:
        return goal
    return QuietGoal(
        goal.id, goal.title, goal.deadline, goal.status, goal.progress, goal.created_on,
        goal.steps_total, goal.steps_done, goal.last_check_in, row[0],
    )  # fmt: skip


# -- follow-ups ------------------------------------------------------------------------------
# Requests for feedback are left out, as on the Overview: their date is when to chase the
# answer, and the Journal's "Record answer" settles them.
def _feedback_due(query: Any, day: Any) -> Any:
    f = FeedbackRow
    return query.where(
        f.followed_up_on.is_null(),
        f.follow_up_on <= day,
        f.kind != FeedbackKind.REQUEST.value,
    )


def _feedback_rows(day: Any, limit: Any) -> Any:
    f = FeedbackRow
    shown = (f.text, f.situation, f.behavior, f.impact, f.action_plan)
    columns = (f.id, fn.substr(f.source_name, 1, 200), f.follow_up_on)
    query = f.select(*columns, *(fn.substr(x, 1, SHOWN_TEXT) for x in shown))
    return _feedback_due(query, day).order_by(f.follow_up_on, f.seq).limit(limit)


def _conversation_rows(day: Any, limit: Any) -> Any:
    """The conversation to follow up is the latest one (logging anything later settles it)."""
    c, i = ContactRow, InteractionRow
    note = (
        i.select(fn.substr(i.notes, 1, SHOWN_TEXT))
        .where(i.contact == c.id, i.date == c.last_interaction_on, i.follow_up_on.is_null(False))
        .order_by(i.follow_up_on, i.position)
        .limit(1)
    )
    return (
        c.select(
            c.id, fn.substr(c.name, 1, 200), fn.substr(c.company, 1, 200), c.open_follow_up_on,
            note,
        )
        .where(follow_up_open(day))
        .order_by(c.open_follow_up_on, c.name.collate("NOCASE"))
        .limit(limit)
    )  # fmt: skip


_FEEDBACK_DUE = Prepared(lambda day: _feedback_due(FeedbackRow.select(fn.count()), day))
_FEEDBACK_ROWS = Prepared(_feedback_rows)
_CONVERSATION_ROWS = Prepared(_conversation_rows)


def _first_line(*texts: str) -> str:
    for text in texts:
        for line in text.splitlines():
            if line.strip():
                return line.strip()
    return ""


def follow_ups_due(data: DataFile, today: date, limit: int) -> tuple[list[FollowUp], int]:
    """The `limit` oldest follow-ups due by `today` (feedback and conversations together,
    by due date, then by name), and how many are due in all."""
    day = today.isoformat()
    feedback_total = int(value(data, _FEEDBACK_DUE(day)))
    conversations_total = contact_records.follow_ups_due(data, today)
    items = [
        FollowUp(FollowUpKind.FEEDBACK, r[0], r[1], date.fromisoformat(r[2]),
                 _first_line(r[3], r[4], r[5], r[6]), _first_line(r[7]))
        for r in run(data, _FEEDBACK_ROWS(day, limit))
    ]  # fmt: skip
    items += [
        FollowUp(FollowUpKind.CONVERSATION, r[0], r[1], date.fromisoformat(r[3]),
                 _first_line(r[4] or ""), "", r[2])
        for r in run(data, _CONVERSATION_ROWS(day, limit))
    ]  # fmt: skip
    items.sort(key=lambda f: (f.due, f.who.casefold()))
    return items[:limit], feedback_total + conversations_total


# -- reaching out ----------------------------------------------------------------------------
def _due_contacts(day: Any, limit: Any) -> Any:
    c = ContactRow
    return (
        c.select(
            c.id, fn.substr(c.name, 1, 200), fn.substr(c.company, 1, 200),
            fn.substr(c.role, 1, 200), c.last_interaction_on, c.met_on, c.reconnect_every_days,
        )
        .where(has_cadence, next_reconnect_on <= day)
        .order_by(next_reconnect_on, c.name.collate("NOCASE"), c.seq)
        .limit(limit)
    )  # fmt: skip


_DUE_CONTACTS = Prepared(_due_contacts)


def contacts_to_reach(data: DataFile, today: date, limit: int) -> tuple[list[ReachOut], int]:
    """The `limit` contacts most overdue to reconnect (ties by name), and how many are due."""
    rows = run(data, _DUE_CONTACTS(today.isoformat(), limit)).fetchall()
    contacts = []
    for r in rows:
        last, met_on = _day(r[4]), _day(r[5])
        due = next_reconnect(last, met_on, r[6]) or date.min
        contacts.append(ReachOut(r[0], r[1], r[2], r[3], last, due))
    return contacts, network.reconnects_due(data, today)
