"""The Journal list's query: full-text search (FTS5, see migration_v3) and filters that
combine with it, newest first, read a page at a time."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from ...domain.enums import FeedbackKind
from ...domain.journal_query import JournalListEntry, JournalQuery, fts_match
from ..connection import DataFile
from ._paging import rows_in_order

_ORDER = "ORDER BY f.date DESC, f.seq DESC"
_MATCHING = (
    "f.id IN (SELECT k.feedback_id FROM feedback_fts "
    "JOIN feedback_search_key k ON k.key = feedback_fts.rowid WHERE feedback_fts MATCH ?)"
)
# The first line is cut in SQL so that a 1 MB entry never travels to a list row whole.
_FIRST_TEXT = (
    "substr(coalesce(nullif(f.text, ''), nullif(f.situation, ''), nullif(f.behavior, ''), "
    "nullif(f.impact, ''), nullif(f.reflection, ''), f.action_plan), 1, 400)"
)
_COLUMNS = f"f.id, f.date, f.kind, f.source_name, {_FIRST_TEXT}, f.follow_up_on, f.followed_up_on"
_EXCERPT = (
    "(SELECT snippet(feedback_fts, -1, '', '', '…', 14) FROM feedback_fts "
    "WHERE feedback_fts MATCH ? AND feedback_fts.rowid = "
    "(SELECT key FROM feedback_search_key WHERE feedback_id = f.id))"
)


def _where(query: JournalQuery, today: date) -> tuple[str, list[object]]:
    clauses: list[str] = []
    parameters: list[object] = []
    if query.terms:
        clauses.append(_MATCHING)
        parameters.append(fts_match(query.terms))
    if query.kind is not None:
        clauses.append("f.kind = ?")
        parameters.append(query.kind.value)
    if query.factor is not None:
        clauses.append(
            "EXISTS (SELECT 1 FROM feedback_factor x WHERE x.feedback_id = f.id AND x.factor = ?)"
        )
        parameters.append(query.factor.value)
    if query.tag:
        clauses.append(
            "EXISTS (SELECT 1 FROM feedback_tag t WHERE t.feedback_id = f.id "
            "AND t.tag = ? COLLATE NOCASE)"
        )
        parameters.append(query.tag)
    if query.since is not None:
        clauses.append("f.date >= ?")
        parameters.append(query.since.isoformat())
    if query.until is not None:
        clauses.append("f.date <= ?")
        parameters.append(query.until.isoformat())
    if query.needs_follow_up:
        clauses.append("(f.kind = 'request' OR (f.followed_up_on IS NULL AND f.follow_up_on <= ?))")
        parameters.append(today.isoformat())
    where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
    return where, parameters


def count(data: DataFile, query: JournalQuery, today: date) -> int:
    where, parameters = _where(query, today)
    return int(data.execute(f"SELECT count(*) FROM feedback f {where}", parameters).fetchone()[0])


def page_ids(
    data: DataFile, query: JournalQuery, today: date, offset: int, limit: int
) -> list[str]:
    where, parameters = _where(query, today)
    sql = f"SELECT f.id FROM feedback f {where} {_ORDER} LIMIT ? OFFSET ?"
    return [r[0] for r in data.execute(sql, [*parameters, int(limit), int(offset)])]


def entries(data: DataFile, query: JournalQuery, ids: list[str]) -> list[JournalListEntry]:
    """The list rows for `ids`, in that order (with an excerpt around the match if searching)."""
    if not query.terms:
        return rows_in_order(data, f"SELECT {_COLUMNS} FROM feedback f WHERE f.id IN", ids, _entry)
    marks = ", ".join("?" for _ in ids)
    if not ids:
        return []
    sql = f"SELECT {_COLUMNS}, {_EXCERPT} FROM feedback f WHERE f.id IN ({marks})"
    by_id = {r[0]: _entry(r) for r in data.execute(sql, [fts_match(query.terms), *ids])}
    return [by_id[i] for i in ids if i in by_id]


def page(
    data: DataFile, query: JournalQuery, today: date, offset: int, limit: int
) -> list[JournalListEntry]:
    with data.snapshot():
        return entries(data, query, page_ids(data, query, today, offset, limit))


def position(data: DataFile, query: JournalQuery, today: date, feedback_id: str) -> int | None:
    """Where the entry is in the list for `query` (None if the query leaves it out)."""
    where, parameters = _where(query, today)
    row = data.execute(
        f"SELECT f.date, f.seq FROM feedback f {where} {'AND' if where else 'WHERE'} f.id = ?",
        [*parameters, feedback_id],
    ).fetchone()
    if row is None:
        return None
    before = "(f.date > ? OR (f.date = ? AND f.seq > ?))"
    sql = f"SELECT count(*) FROM feedback f {where} {'AND' if where else 'WHERE'} {before}"
    return int(data.execute(sql, [*parameters, row[0], row[0], row[1]]).fetchone()[0])


def _entry(row: Sequence[Any]) -> JournalListEntry:
    return JournalListEntry(
        id=row[0],
        date=date.fromisoformat(row[1]),
        kind=FeedbackKind(row[2]),
        source_name=row[3],
        first_line=next((s.strip() for s in (row[4] or "").splitlines() if s.strip()), ""),
        follow_up_on=date.fromisoformat(row[5]) if row[5] else None,
        followed_up_on=date.fromisoformat(row[6]) if row[6] else None,
        excerpt=" ".join((row[7] or "").split()) if len(row) > 7 else "",
    )
