"""The Journal list's query: full-text search (FTS5 through `FeedbackSearchRow.match`, see
migration_v3) and filters that combine with it, newest first, read a page at a time."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from peewee import SQL, fn

from ...domain.enums import FeedbackKind
from ...domain.journal_query import JournalListEntry, JournalQuery, excerpt, fts_match
from ..connection import DataFile
from ..orm import Prepared, run, value
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


def _key(shape: _Shape) -> tuple[Any, Any, Any]:
    """Where the id and the sort key (date, seq) of a match are read: a search reads them
    beside the index's rowid (migration 9), never from the entry's row, its text a page
    or more, unless another filter needs that row anyway."""
    if shape[0]:
        k = FeedbackSearchKeyRow
        return k.feedback_id, k.date, k.seq
    return _F.id, _F.date, _F.seq


def _found(shape: _Shape, slots: Sequence[Any], *columns: Any) -> Any:
    """The matching entries (`columns` of them), in no order."""
    if shape[0]:
        # Searching starts from the index (several times faster than
        # `f.id IN (SELECT … MATCH …)` when a word matches most of 10,000 entries).
        s, k = FeedbackSearchRow, FeedbackSearchKeyRow
        found = s.select(*columns).join(k, on=k.key == s.rowid)
        if any(shape[1:]):
            found = found.join(_F, on=_F.id == k.feedback_id)
    else:
        found = _F.select(*columns)
    clauses = _where(shape, slots)
    return found.where(*clauses) if clauses else found


def _total(shape: _Shape, slots: Sequence[Any]) -> Any:
    """How many entries match. Words alone are counted in the full-text index, which holds
    one row per entry, without a join (0.5 ms, not 10, for 7,000 matches)."""
    if shape[0] and not any(shape[1:]):
        s = FeedbackSearchRow
        return s.select(fn.COUNT(SQL("*"))).where(s.match(slots[0]))
    return _found(shape, slots, fn.COUNT(SQL("*")))


def _newest_first(shape: _Shape) -> tuple[Any, Any]:
    _, day, seq = _key(shape)
    return day.desc(), seq.desc()


def _page(shape: tuple[_Shape, bool], *slots: Any) -> Any:
    """A page of the matches' ids, newest first (`slots` end with its limit and offset);
    counted, each row also says how many match in all: one query for the first page."""
    filters, counted = shape
    values = slots[:-2]
    columns = [_key(filters)[0]]
    if counted:
        columns.append(_total(filters, values))
    ordered = _found(filters, values, *columns).order_by(*_newest_first(filters))
    return ordered.limit(slots[-2]).offset(slots[-1])


def _member(shape: _Shape, *slots: Any) -> Any:
    """The entry (the last slot) if it matches, with its sort key."""
    *values, feedback_id = slots
    key_id, day, seq = _key(shape)
    found = _found(shape, values, day, seq).where(key_id == feedback_id)
    if shape[0]:  # the index looks at the one entry (its rowid), not at every match
        k = FeedbackSearchKeyRow
        key = k.select(k.key).where(k.feedback_id == feedback_id)
        found = found.where(FeedbackSearchRow.rowid == key)
    return found


def _before(shape: _Shape, *slots: Any) -> Any:
    """How many matches come before an entry of this date and seq (the last two slots)."""
    *values, when, after = slots
    _, day, seq = _key(shape)
    newer = (day > when) | ((day == when) & (seq > after))
    return _found(shape, values, fn.COUNT(SQL("*"))).where(newer)


_PAGE = Prepared(_page)
_MEMBER = Prepared(_member)
_BEFORE = Prepared(_before)
_COUNT = Prepared(lambda shape, *slots: _total(shape, slots))


def count(data: DataFile, query: JournalQuery, today: date) -> int:
    shape, values = _filters(query, today)
    return int(value(data, _COUNT(*values, shape=shape)))


def page_ids(
    data: DataFile, query: JournalQuery, today: date, offset: int, limit: int
) -> list[str]:
    shape, values = _filters(query, today)
    bound = _PAGE(*values, int(limit), int(offset), shape=(shape, False))
    return [r[0] for r in run(data, bound)]


def first_ids(
    data: DataFile, query: JournalQuery, today: date, limit: int
) -> tuple[list[str], int]:
    """The first `limit` matches' ids and how many match in all, in one query (the list's
    first page: no match beyond it is read for more than its sort key)."""
    shape, values = _filters(query, today)
    rows = run(data, _PAGE(*values, int(limit), 0, shape=(shape, True))).fetchall()
    if rows:
        return [row[0] for row in rows], int(rows[0][1])
    return [], 0


def rows(data: DataFile, ids: list[str]) -> list[JournalListEntry]:
    """The list rows for `ids`, in that order, without excerpts."""
    return _ENTRIES(data, ids)


def excerpts(data: DataFile, terms: tuple[str, ...], ids: list[str]) -> dict[str, str]:
    """The words around the first match of `terms` in each entry of `ids` (found in Python,
    for the rows a list shows, never by the index for every match)."""
    return {row[0]: excerpt(tuple(row[1:]), terms) for row in _TEXTS(data, ids)}


def entries(data: DataFile, query: JournalQuery, ids: list[str]) -> list[JournalListEntry]:
    """The list rows for `ids`, in that order, with their excerpts when searching."""
    found = rows(data, ids)
    if not query.terms:
        return found
    around = excerpts(data, query.terms, ids)
    return [replace(entry, excerpt=around.get(entry.id, "")) for entry in found]


def page(
    data: DataFile, query: JournalQuery, today: date, offset: int, limit: int
) -> list[JournalListEntry]:
    with data.snapshot():
        return entries(data, query, page_ids(data, query, today, offset, limit))


def position(data: DataFile, query: JournalQuery, today: date, feedback_id: str) -> int | None:
    """Where the entry is in the list for `query` (None if the query leaves it out),
    counted without reading the matches' ids."""
    shape, values = _filters(query, today)
    with data.snapshot():
        key = run(data, _MEMBER(*values, feedback_id, shape=shape)).fetchone()
        if key is None:
            return None
        return int(value(data, _BEFORE(*values, key[0], key[1], shape=shape)))


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
_TEXTS = RowsById(lambda: _F.select(_F.id, *_EXCERPT_FIELDS), _F.id, tuple)
