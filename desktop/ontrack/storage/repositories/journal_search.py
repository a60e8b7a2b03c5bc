"""The Journal list's query: full-text search (FTS5 through `FeedbackSearchRow.match`, see
migration_v3) and filters that combine with it, newest first, read a page at a time."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from peewee import fn

from ...domain.enums import FeedbackKind
from ...domain.journal_query import JournalListEntry, JournalQuery, excerpt, fts_match
from ..connection import DataFile
from ..orm import Prepared, run
from ..schema import (
    FeedbackFactorRow,
    FeedbackRow,
    FeedbackSearchKeyRow,
    FeedbackSearchRow,
    FeedbackTagRow,
)
from ._paging import RowsById

_F = FeedbackRow
# The first line is cut in SQL so that a 1 MB entry never travels to a list row whole.
_FIRST_TEXT = fn.substr(
    fn.coalesce(
        *(
            fn.nullif(field, "")
            for field in (_F.text, _F.situation, _F.behavior, _F.impact, _F.reflection)
        ),
        _F.action_plan,
    ),
    1,
    400,
)
_COLUMNS = (
    _F.id,
    _F.date,
    _F.kind,
    _F.source_name,
    _FIRST_TEXT,
    _F.follow_up_on,
    _F.followed_up_on,
)
# Where the excerpt may come from, in the order it is looked for (cut: a match further
# into a 1 MB entry than this shows the first line instead).
_EXCERPT_FIELDS = tuple(
    fn.substr(field, 1, 20000)
    for field in (
        _F.text, _F.situation, _F.behavior, _F.impact, _F.reflection, _F.action_plan,
        _F.follow_up_note, _F.source_name,
    )
)  # fmt: skip


_Shape = tuple[bool, ...]


def _filters(query: JournalQuery, today: date) -> tuple[_Shape, list[Any]]:
    """Which filters are on (the shape of the WHERE), and their values in that order."""
    wanted: list[tuple[bool, Any]] = [
        (bool(query.terms), fts_match(query.terms) if query.terms else None),
        (query.kind is not None, query.kind.value if query.kind else None),
        (query.factor is not None, query.factor.value if query.factor else None),
        (bool(query.tag), query.tag),
        (query.since is not None, query.since.isoformat() if query.since else None),
        (query.until is not None, query.until.isoformat() if query.until else None),
        (query.needs_follow_up, today.isoformat()),
    ]
    return tuple(on for on, _ in wanted), [value for on, value in wanted if on]


def _where(shape: _Shape, slots: Sequence[Any]) -> list[Any]:
    terms, kind, factor, tag, since, until, needs_follow_up = shape
    values = iter(slots)
    clauses: list[Any] = []
    if terms:
        clauses.append(FeedbackSearchRow.match(next(values)))
    if kind:
        clauses.append(_F.kind == next(values))
    if factor:
        x = FeedbackFactorRow
        factored = x.select(x.pk).where(x.feedback == _F.id, x.factor == next(values))
        clauses.append(fn.EXISTS(factored))
    if tag:
        t = FeedbackTagRow
        tagged = t.select(t.pk).where(t.feedback == _F.id, t.tag.collate("NOCASE") == next(values))
        clauses.append(fn.EXISTS(tagged))
    if since:
        clauses.append(_F.date >= next(values))
    if until:
        clauses.append(_F.date <= next(values))
    if needs_follow_up:
        overdue = _F.followed_up_on.is_null() & (_F.follow_up_on <= next(values))
        clauses.append((_F.kind == FeedbackKind.REQUEST.value) | overdue)
    return clauses


def _matching(shape: _Shape, *slots: Any) -> Any:
    if shape[0]:
        # Searching starts from the index and joins to the entries (several times faster
        # than `f.id IN (SELECT … MATCH …)` when a word matches most of 10,000 entries).
        s, k = FeedbackSearchRow, FeedbackSearchKeyRow
        found = s.select(_F.id).join(k, on=k.key == s.rowid).join(_F, on=_F.id == k.feedback_id)
    else:
        found = _F.select(_F.id)
    clauses = _where(shape, slots)
    if clauses:
        found = found.where(*clauses)
    return found.order_by(_F.date.desc(), _F.seq.desc())


_MATCHING = Prepared(_matching)


def matching_ids(data: DataFile, query: JournalQuery, today: date) -> list[str]:
    """Every entry that matches, newest first (ids only: 10,000 of them read in a few ms)."""
    shape, values = _filters(query, today)
    return [r[0] for r in run(data, _MATCHING(*values, shape=shape))]


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
        return _ENTRIES(data, ids)
    terms = query.terms

    def build(row: Sequence[Any]) -> JournalListEntry:
        return replace(_entry(row[:7]), excerpt=excerpt(tuple(row[7:]), terms))

    return _ENTRIES_WITH_TEXT(data, ids, build)


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


_ENTRIES = RowsById(lambda: _F.select(*_COLUMNS), _F.id, _entry)
_ENTRIES_WITH_TEXT = RowsById(lambda: _F.select(*_COLUMNS, *_EXCERPT_FIELDS), _F.id, _entry)
