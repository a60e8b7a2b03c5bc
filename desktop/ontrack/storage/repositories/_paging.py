"""Ordering and paging shared by the list queries.

A page is read in two steps: first the ids of the page, ordered by the sort key alone, then
the rows' display columns for just those ids. Expensive columns (first lines of long text,
step counts, last interactions) are then computed for 200 rows, not for all 10,000.
Sort keys are whitelisted Peewee expressions, never input.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from peewee import Field, Select

from ..connection import DataFile
from ..orm import run

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


def page_ids(
    data: DataFile, query: Select, orders: Mapping[str, SortKey], tiebreak: Field, page: Page
) -> list[str]:
    """The ids on `page` of `query` (which selects the ids), in the page's order."""
    try:
        key = orders[page.order]
    except KeyError:
        raise ValueError(f"unknown sort order {page.order!r}") from None
    if page.descending:
        terms = [key.expression.desc(), tiebreak.desc()]
    else:
        terms = [key.expression.asc(), tiebreak.asc()]
    if key.nullable:
        terms.insert(0, key.expression.is_null())
    paged = query.order_by(*terms).limit(int(page.limit)).offset(int(page.offset))
    return [row[0] for row in run(data, paged)]


def rows_in_order(
    data: DataFile, query: Select, key: Field, ids: list[str], build: Callable[[Sequence[Any]], T]
) -> list[T]:
    """Run `query` for the rows whose `key` is in `ids`; results keep the ids' order."""
    if not ids:
        return []
    by_id = {row[0]: build(row) for row in run(data, query.where(key.in_(ids)))}
    return [by_id[record_id] for record_id in ids if record_id in by_id]
