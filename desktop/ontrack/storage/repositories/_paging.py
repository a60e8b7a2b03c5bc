"""Ordering and paging shared by the list queries; sort keys are whitelisted SQL, never input."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Page:
    """Which slice of a list to read, in which order (`order` names a key of the query)."""

    order: str
    descending: bool = False
    offset: int = 0
    limit: int = 200


def order_clause(page: Page, orders: Mapping[str, str], tiebreak: str) -> str:
    try:
        expression = orders[page.order]
    except KeyError:
        raise ValueError(f"unknown sort order {page.order!r}") from None
    direction = "DESC" if page.descending else "ASC"
    # NULLs (no deadline, never met) go last whichever way the list is sorted.
    return (
        f"ORDER BY ({expression}) IS NULL, {expression} {direction}, {tiebreak} {direction} "
        f"LIMIT {int(page.limit)} OFFSET {int(page.offset)}"
    )
