"""Which backups to keep: the newest of each of the last 7 days, 4 weeks and 12 months.

A backup is kept if it is the newest one of its day among the 7 most recent days that have
backups, or the newest of its ISO week among the 4 most recent such weeks, or the newest of
its month among the 12 most recent such months. Everything else may be deleted. Counting
days "that have backups" (not calendar days) means a laptop left shut for a month still
keeps a full week of history when it is opened again.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from datetime import datetime

DAILY = 7
WEEKLY = 4
MONTHLY = 12


def backups_to_keep(made_at: Iterable[datetime]) -> set[datetime]:
    newest_first = sorted(set(made_at), reverse=True)
    keep: set[datetime] = set()
    keep |= _newest_per(newest_first, lambda m: m.date(), DAILY)
    keep |= _newest_per(newest_first, lambda m: m.isocalendar()[:2], WEEKLY)
    keep |= _newest_per(newest_first, lambda m: (m.year, m.month), MONTHLY)
    return keep


def _newest_per(
    newest_first: list[datetime], period: Callable[[datetime], Hashable], count: int
) -> set[datetime]:
    chosen: dict[Hashable, datetime] = {}
    for moment in newest_first:
        key = period(moment)
        if key not in chosen:
            if len(chosen) == count:
                break
            chosen[key] = moment
    return set(chosen.values())
