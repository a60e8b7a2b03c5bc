"""The Journal list's query: full-text search (FTS5, see migration_v3) and filters that
combine with it, newest first, read a page at a time."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from ...domain.enums import FeedbackKind
from ...domain.journal_query import JournalListEntry, JournalQuery, excerpt, fts_match
from ..connection import DataFile
from ._paging import rows_in_order

_ORDER = "ORDER BY f.date DESC, f.seq DESC"
# Searching starts from the index and joins to the entries (several times faster than
# `f.id IN (SELECT … MATCH …)` when a word matches most of 10,000 entries).
_SEARCHED = (
    "feedback_fts JOIN feedback_search_key k ON k.key = feedback_fts.rowid "
    "JOIN feedback f ON f.id = k.feedback_id"
)
# The first line is cut in SQL so that a 1 MB entry never travels to a list row whole.
_FIRST_TEXT = (
    "substr(coalesce(nullif(f.text, ''), nullif(f.situation, ''), nullif(f.behavior, ''), "
    "nullif(f.impact, ''), nullif(f.reflection, ''), f.action_plan), 1, 400)"
)
_COLUMNS = f"f.id, f.date, f.kind, f.source_name, {_FIRST_TEXT}, f.follow_up_on, f.followed_up_on"
# Where the excerpt may come from, in the order it is looked for (cut: a match further
# into a 1 MB entry than this shows the first line instead).
_EXCERPT_FIELDS = ", ".join(
    f"substr(f.{name}, 1, 20000)"
    for name in (
        "text", "situation", "behavior", "impact", "reflection", "action_plan",
        "follow_up_note", "source_name",
    )
)  # fmt: skip


def _where(query: JournalQuery, today: date) -> tuple[str, list[object]]:
    clauses: list[str] = []
    parameters: list[object] = []
    if query.terms:
        clauses.append("feedback_fts MATCH ?")
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


def matching_ids(data: DataFile, query: JournalQuery, today: date) -> list[str]:
    """Every entry that matches, newest first (ids only: 10,000 of them read in a few ms)."""
    where, parameters = _where(query, today)
    source = _SEARCHED if query.terms else "feedback f"
    return [r[0] for r in data.execute(f"SELECT f.id FROM {source} {where} {_ORDER}", parameters)]


def count(data: DataFile, query: JournalQuery, today: date) -> int:
    return len(matching_ids(data, query, today))


def page_ids(
    data: DataFile, query: JournalQuery, today: date, offset: int, limit: int
) -> list[str]:
    return matching_ids(data, query, today)[offset : offset + limit]


def entries(data: DataFile, query: JournalQuery, ids: list[str]) -> list[JournalListEntry]:
    """The list rows for `ids`, in that order (with the words around the first match when
    searching: found in Python over this page only, never by the index for every row)."""
    if not query.terms:
        return rows_in_order(data, f"SELECT {_COLUMNS} FROM feedback f WHERE f.id IN", ids, _entry)
    terms = query.terms

    def build(row: Sequence[Any]) -> JournalListEntry:
        return replace(_entry(row[:7]), excerpt=excerpt(tuple(row[7:]), terms))

    select = f"SELECT {_COLUMNS}, {_EXCERPT_FIELDS} FROM feedback f WHERE f.id IN"
    return rows_in_order(data, select, ids, build)


def page(
    data: DataFile, query: JournalQuery, today: date, offset: int, limit: int
) -> list[JournalListEntry]:
    with data.snapshot():
        return entries(data, query, page_ids(data, query, today, offset, limit))


def position(data: DataFile, query: JournalQuery, today: date, feedback_id: str) -> int | None:
    """Where the entry is in the list for `query` (None if the query leaves it out)."""
    ids = matching_ids(data, query, today)
    return ids.index(feedback_id) if feedback_id in ids else None


def _entry(row: Sequence[Any]) -> JournalListEntry:
    return JournalListEntry(
        id=row[0],
        date=date.fromisoformat(row[1]),
        kind=FeedbackKind(row[2]),
        source_name=row[3],
        first_line=next((s.strip() for s in (row[4] or "").splitlines() if s.strip()), ""),
        follow_up_on=date.fromisoformat(row[5]) if row[5] else None,
        followed_up_on=date.fromisoformat(row[6]) if row[6] else None,
    )
