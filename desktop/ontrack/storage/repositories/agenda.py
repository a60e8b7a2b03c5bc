"""The Overview's queries: what needs attention (each kind counted, its first few listed,
most urgent first), this month's summary, and whether the file holds anything yet.

Plain SQL on the indexes the tabs already use, so the Overview stays quick on years of data.
Texts are cut to their first 200 characters: a line in a list shows no more, and a 1 MB
note should not be read to show its first words.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from ...domain.agenda import (
    SHOWN_PER_KIND,
    AttentionItem,
    AttentionKind,
    KindGroup,
    MonthSummary,
    event_window_end,
    group,
    month_start,
    step_window_end,
)
from ...domain.cadence import next_reconnect
from ..connection import DataFile
from .contact_due import FOLLOW_UP_OPEN, HAS_CADENCE, NEXT_RECONNECT

Row = Sequence[Any]
_OPEN_GOAL = "g.status NOT IN ('done', 'dropped')"


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _kind_group(
    data: DataFile,
    kind: AttentionKind,
    source: str,
    columns: str,
    order: str,
    parameters: Sequence[object],
    item: Callable[[Row], AttentionItem],
) -> KindGroup:
    total = int(data.execute(f"SELECT count(*) FROM {source}", parameters).fetchone()[0])
    if not total:
        return group(kind, 0, [])
    rows = data.execute(
        f"SELECT {columns} FROM {source} ORDER BY {order} LIMIT {SHOWN_PER_KIND}", parameters
    ).fetchall()
    return group(kind, total, [item(r) for r in rows])


def attention_groups(data: DataFile, today: date) -> list[KindGroup]:
    """Every kind of attention item, in one consistent read (call inside a snapshot).

    Order: what comes due soonest, then what slipped most recently. Years of data can hold
    hundreds of overdue items; the ones that just slipped are the ones still worth acting
    on, and the rest are a click away ("N more")."""
    day = today.isoformat()
    K = AttentionKind  # noqa: N806 (short, to keep each query readable)
    return [
        _kind_group(
            data,
            K.GOAL_OVERDUE,
            f"goal g WHERE {_OPEN_GOAL} AND g.deadline < ?",
            "g.id, substr(g.title, 1, 200), g.deadline",
            "g.deadline DESC, g.seq",
            (day,),
            lambda r: AttentionItem(K.GOAL_OVERDUE, r[0], r[1], _day(r[2])),
        ),
        # At risk but not overdue: an overdue goal is listed once, under overdue.
        _kind_group(
            data,
            K.GOAL_AT_RISK,
            "goal g WHERE g.status = 'at_risk' AND (g.deadline IS NULL OR g.deadline >= ?)",
            "g.id, substr(g.title, 1, 200), g.deadline",
            "g.deadline IS NULL, g.deadline, g.seq",
            (day,),
            lambda r: AttentionItem(K.GOAL_AT_RISK, r[0], r[1], _day(r[2])),
        ),
        # Steps due within the week, and any still undone past their date, of open goals.
        _kind_group(
            data,
            K.STEP_DUE,
            f"step s JOIN goal g ON g.id = s.goal_id WHERE s.done = 0 AND s.due <= ? "
            f"AND {_OPEN_GOAL}",
            "g.id, substr(s.text, 1, 200), s.due, substr(g.title, 1, 200)",
            f"s.due >= '{day}' DESC, CASE WHEN s.due >= '{day}' THEN s.due END, s.due DESC, "
            "g.seq, s.position",
            (step_window_end(today).isoformat(),),
            lambda r: AttentionItem(K.STEP_DUE, r[0], r[1], _day(r[2]), r[3]),
        ),
        _kind_group(
            data,
            K.FOLLOW_UP_DUE,
            "feedback f WHERE f.followed_up_on IS NULL AND f.follow_up_on <= ? "
            "AND f.kind != 'request'",
            "f.id, substr(f.source_name, 1, 200), f.follow_up_on, substr(f.text, 1, 200)",
            "f.follow_up_on DESC, f.seq",
            (day,),
            lambda r: AttentionItem(K.FOLLOW_UP_DUE, r[0], r[1], _day(r[2]), r[3]),
        ),
        _kind_group(
            data,
            K.REQUEST_OPEN,
            "feedback f WHERE f.kind = 'request'",
            "f.id, substr(f.source_name, 1, 200), f.date, substr(f.text, 1, 200)",
            "f.date, f.seq",
            (),
            lambda r: AttentionItem(K.REQUEST_OPEN, r[0], r[1], _day(r[2]), r[3]),
        ),
        _kind_group(
            data,
            K.RECONNECT_DUE,
            f"contact c WHERE {HAS_CADENCE} AND {NEXT_RECONNECT} <= ?",
            "c.id, substr(c.name, 1, 200), c.last_interaction_on, c.met_on, "
            "c.reconnect_every_days, substr(c.company, 1, 200)",
            f"{NEXT_RECONNECT} DESC, c.name COLLATE NOCASE",
            (day,),
            lambda r: AttentionItem(
                K.RECONNECT_DUE, r[0], r[1], next_reconnect(_day(r[2]), _day(r[3]), r[4]), r[5]
            ),
        ),
        _kind_group(
            data,
            K.INTERACTION_FOLLOW_UP,
            f"contact c WHERE {FOLLOW_UP_OPEN}",
            "c.id, substr(c.name, 1, 200), substr(c.company, 1, 200), c.open_follow_up_on AS due",
            "due DESC, c.name COLLATE NOCASE",
            (day,),
            lambda r: AttentionItem(K.INTERACTION_FOLLOW_UP, r[0], r[1], _day(r[3]), r[2]),
        ),
        _kind_group(
            data,
            K.EVENT_SOON,
            "event e WHERE e.date >= ? AND e.date <= ?",
            "e.id, substr(e.name, 1, 200), e.date, substr(e.location, 1, 200)",
            "e.date, e.seq",
            (day, event_window_end(today).isoformat()),
            lambda r: AttentionItem(K.EVENT_SOON, r[0], r[1], _day(r[2]), r[3]),
        ),
    ]


def month_summary(data: DataFile, today: date) -> MonthSummary:
    first = month_start(today)
    span = (first.isoformat(), today.isoformat())
    steps = data.execute(
        "SELECT count(*) FROM step WHERE done = 1 AND done_on BETWEEN ? AND ?", span
    ).fetchone()[0]
    feedback = data.execute(
        "SELECT count(*) FROM feedback WHERE kind != 'request' AND date BETWEEN ? AND ?", span
    ).fetchone()[0]
    people = data.execute(
        "SELECT count(DISTINCT contact_id) FROM interaction WHERE date BETWEEN ? AND ?", span
    ).fetchone()[0]
    return MonthSummary(first, int(steps), int(feedback), int(people))


def is_empty(data: DataFile) -> bool:
    """Nothing recorded yet (a profile alone does not count): the first-run welcome shows."""
    row = data.execute(
        "SELECT EXISTS (SELECT 1 FROM goal) OR EXISTS (SELECT 1 FROM feedback) "
        "OR EXISTS (SELECT 1 FROM contact) OR EXISTS (SELECT 1 FROM event) "
        "OR EXISTS (SELECT 1 FROM assessment)"
    ).fetchone()
    return not row[0]
