"""The weekly review's queries: open goals with their latest check-in, follow-ups due
(feedback and conversations), and the contacts most overdue to reconnect.

Plain SQL on the indexes the tabs already use (check-ins by goal, the open follow-up index,
interactions by contact and date, the next-reconnect index). Which open goals are quiet is
the domain's rule (`domain.weekly_review.needs_check_in`), applied to what this reads.
Texts are cut to a few hundred characters: the review shows a line or two of each.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from ...domain.cadence import next_reconnect
from ...domain.enums import GoalStatus
from ...domain.weekly_review import (
    FollowUp,
    FollowUpKind,
    QuietGoal,
    ReachOut,
    needs_check_in,
    quiet_since,
)
from ..connection import DataFile
from . import contact_records, network
from .contact_due import FOLLOW_UP_OPEN, HAS_CADENCE, NEXT_RECONNECT

Row = Sequence[Any]
SHOWN_TEXT = 300


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


# -- goals -----------------------------------------------------------------------------------
_OPEN_GOALS = (
    "SELECT g.id, substr(g.title, 1, 200), g.deadline, g.status, g.progress, g.created_on, "
    "g.steps_total, g.steps_done, "
    "(SELECT max(c.date) FROM checkin c WHERE c.goal_id = g.id) "
    "FROM goal g WHERE g.status NOT IN ('done', 'dropped') ORDER BY g.seq"
)
_LAST_NOTE = (
    f"SELECT substr(note, 1, {SHOWN_TEXT}) FROM checkin "
    "WHERE goal_id = ? AND date = ? ORDER BY position DESC LIMIT 1"
)


def quiet_goals(data: DataFile, today: date, limit: int) -> tuple[list[QuietGoal], int]:
    """The quietest `limit` open goals without a check-in for a week (quietest first, then
    in the goals' own order), and how many there are in all."""
    quiet: list[QuietGoal] = []
    for row in data.execute(_OPEN_GOALS):
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
    row = data.execute(_LAST_NOTE, (goal.id, goal.last_check_in.isoformat())).fetchone()
    if row is None:
        return goal
    return QuietGoal(
        goal.id, goal.title, goal.deadline, goal.status, goal.progress, goal.created_on,
        goal.steps_total, goal.steps_done, goal.last_check_in, row[0],
    )  # fmt: skip


# -- follow-ups ------------------------------------------------------------------------------
# Requests for feedback are left out, as on the Overview: their date is when to chase the
# answer, and the Journal's "Record answer" settles them.
_FEEDBACK_DUE = (
    "FROM feedback f WHERE f.followed_up_on IS NULL AND f.follow_up_on <= ? AND f.kind != 'request'"
)
_FEEDBACK_ROWS = (
    f"SELECT f.id, substr(f.source_name, 1, 200), f.follow_up_on, "
    f"substr(f.text, 1, {SHOWN_TEXT}), substr(f.situation, 1, {SHOWN_TEXT}), "
    f"substr(f.behavior, 1, {SHOWN_TEXT}), substr(f.impact, 1, {SHOWN_TEXT}), "
    f"substr(f.action_plan, 1, {SHOWN_TEXT}) {_FEEDBACK_DUE} "
    "ORDER BY f.follow_up_on, f.seq LIMIT ?"
)
# The conversation to follow up is the latest one (logging anything later settles it).
_CONVERSATION_ROWS = (
    "SELECT c.id, substr(c.name, 1, 200), substr(c.company, 1, 200), "
    "c.open_follow_up_on AS due, "
    f"(SELECT substr(i.notes, 1, {SHOWN_TEXT}) FROM interaction i WHERE i.contact_id = c.id "
    " AND i.date = c.last_interaction_on AND i.follow_up_on IS NOT NULL "
    " ORDER BY i.follow_up_on, i.position LIMIT 1) "
    f"FROM contact c WHERE {FOLLOW_UP_OPEN} ORDER BY due, c.name COLLATE NOCASE LIMIT ?"
)


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
    feedback_total = int(data.execute(f"SELECT count(*) {_FEEDBACK_DUE}", (day,)).fetchone()[0])
    conversations_total = contact_records.follow_ups_due(data, today)
    items = [
        FollowUp(FollowUpKind.FEEDBACK, r[0], r[1], date.fromisoformat(r[2]),
                 _first_line(r[3], r[4], r[5], r[6]), _first_line(r[7]))
        for r in data.execute(_FEEDBACK_ROWS, (day, limit))
    ]  # fmt: skip
    items += [
        FollowUp(FollowUpKind.CONVERSATION, r[0], r[1], date.fromisoformat(r[3]),
                 _first_line(r[4] or ""), "", r[2])
        for r in data.execute(_CONVERSATION_ROWS, (day, limit))
    ]  # fmt: skip
    items.sort(key=lambda f: (f.due, f.who.casefold()))
    return items[:limit], feedback_total + conversations_total


# -- reaching out ----------------------------------------------------------------------------
_DUE_CONTACTS = (
    "SELECT c.id, substr(c.name, 1, 200), substr(c.company, 1, 200), substr(c.role, 1, 200), "
    "c.last_interaction_on, c.met_on, c.reconnect_every_days "
    f"FROM contact c WHERE {HAS_CADENCE} AND {NEXT_RECONNECT} <= ? "
    f"ORDER BY {NEXT_RECONNECT}, c.name COLLATE NOCASE, c.seq LIMIT ?"
)


def contacts_to_reach(data: DataFile, today: date, limit: int) -> tuple[list[ReachOut], int]:
    """The `limit` contacts most overdue to reconnect (ties by name), and how many are due."""
    rows = data.execute(_DUE_CONTACTS, (today.isoformat(), limit)).fetchall()
    contacts = []
    for r in rows:
        last, met_on = _day(r[4]), _day(r[5])
        due = next_reconnect(last, met_on, r[6]) or date.min
        contacts.append(ReachOut(r[0], r[1], r[2], r[3], last, due))
    return contacts, network.reconnects_due(data, today)
