"""Ordering and paging shared by the list queries.

A page is read in two steps: first the ids of the page, ordered by the sort key alone, then
the rows' display columns for just those ids. Expensive columns (first lines of long text,
step counts, last interactions) are then computed for 200 rows, not for all 10,000.
Sort keys are whitelisted SQL expressions, never input.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from ..connection import DataFile

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
    """How one list can be ordered: an SQL expression over the list's table alias.

    `nullable` keys put rows without a value last whichever way the list is sorted.
    """

    expression: str
    nullable: bool = False


def page_ids(
    data: DataFile,
    source: str,
    orders: Mapping[str, SortKey],
    tiebreak: str,
    page: Page,
    parameters: Sequence[object] = (),
) -> list[str]:
    """The ids on `page` of `SELECT id FROM source`, in the page's order."""
    try:
        key = orders[page.order]
    except KeyError:
        raise ValueError(f"unknown sort order {page.order!r}") from None
    direction = "DESC" if page.descending else "ASC"
    terms = [f"{key.expression} {direction}", f"{tiebreak} {direction}"]
    if key.nullable:
        terms.insert(0, f"({key.expression}) IS NULL")
    sql = (
        f"SELECT id FROM {source} ORDER BY {', '.join(terms)} "
        f"LIMIT {int(page.limit)} OFFSET {int(page.offset)}"
    )
    return [row[0] for row in data.execute(sql, parameters)]


def rows_in_order(
    data: DataFile, select: str, ids: list[str], build: Callable[[Sequence[Any]], T]
) -> list[T]:
    """Run `select` (ending in `WHERE <alias>.id IN`) for `ids`; results keep the ids' order."""
    if not ids:
        return []
    marks = ", ".join("?" for _ in ids)
    by_id = {row[0]: build(row) for row in data.execute(f"{select} ({marks})", ids)}
    return [by_id[record_id] for record_id in ids if record_id in by_id]
