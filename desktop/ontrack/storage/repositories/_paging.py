"""Ordering and paging shared by the list queries.

A page is read in two steps: first the ids of the page, ordered by the sort key alone, then
the rows' display columns for just those ids. Expensive columns (first lines of long text,
step counts, last interactions) are then computed for 200 rows, not for all 10,000.
Sort keys are whitelisted Peewee expressions, never input.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from peewee import SQL, Field, Select, fn

from ..connection import DataFile
from ..orm import Prepared, each_of, listed, run

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Page:
    """Which slice of a list to read, in which order (`order` names a key of the query)."""

    order: str
    descending: bool = False
    offset: int = 0
    limit: int = 200


@dataclass(frozen=True, slots=True)
class SortKey:
    """How one list can be ordered: a Peewee expression over the list's table.

    `nullable` keys put rows without a value last whichever way the list is sorted.
    """

    expression: Any
    nullable: bool = False


class PagedIds:
    """The ids of one page of a list: `select(filters, values)` gives the query of every
    id (the filters are the shape of its WHERE, the values fill it), ordered here by the
    page's key. The SQL is written once per order, direction and filter shape."""

    def __init__(
        self,
        select: Callable[[Hashable, Sequence[Any]], Select],
        orders: Mapping[str, SortKey],
        tiebreak: Field,
    ) -> None:
        self.orders = orders
        self._select = select
        self._tiebreak = tiebreak
        self._prepared = Prepared(self._build)

    def _build(self, shape: tuple[str, bool, Hashable, bool], *slots: Any) -> Select:
        order, descending, filters, counted = shape
        key = self.orders[order]
        if descending:
            terms = [key.expression.desc(), self._tiebreak.desc()]
        else:
            terms = [key.expression.asc(), self._tiebreak.asc()]
        if key.nullable:
            terms.insert(0, key.expression.is_null())
        query = self._select(filters, slots[:-2])
        if counted:  # every row's count beside the page's ids: one pass over the matches
            query = query.select_extend(fn.COUNT(SQL("*")).over())
        return query.order_by(*terms).limit(slots[-2]).offset(slots[-1])

    def __call__(
        self, data: DataFile, page: Page, *values: Any, filters: Hashable = None
    ) -> list[str]:
        return [row[0] for row in run(data, self._bound(page, values, filters, False))]

    def with_total(
        self, data: DataFile, page: Page, *values: Any, filters: Hashable = None
    ) -> tuple[list[str], int]:
        """The page's ids and how many rows the whole list has, in one query (a search
        that counted its matches apart read every row twice). An empty page says 0."""
        rows = run(data, self._bound(page, values, filters, True)).fetchall()
        return [row[0] for row in rows], (rows[0][1] if rows else 0)

    def _bound(self, page: Page, values: Sequence[Any], filters: Hashable, counted: bool) -> Any:
        if page.order not in self.orders:
            raise ValueError(f"unknown sort order {page.order!r}")
        shape = (page.order, page.descending, filters, counted)
        return self._prepared(*values, int(page.limit), int(page.offset), shape=shape)


class RowsById(Generic[T]):
    """`select()`'s rows for a list of ids, in the ids' order, built by `build`."""

    def __init__(
        self, select: Callable[[], Select], key: Field, build: Callable[[Sequence[Any]], T]
    ) -> None:
        self._prepared = Prepared(lambda ids: select().where(key.in_(each_of(ids))))
        self._build = build

    def __call__(
        self, data: DataFile, ids: list[str], build: Callable[[Sequence[Any]], T] | None = None
    ) -> list[T]:
        """The rows, each made by `build` (this call's) or else by the one given at first."""
        if not ids:
            return []
        build = build or self._build
        by_id = {row[0]: build(row) for row in run(data, self._prepared(listed(ids)))}
        return [by_id[record_id] for record_id in ids if record_id in by_id]
