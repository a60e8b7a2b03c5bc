"""Keep-in-touch rules: the next reconnect date is the last interaction plus the cadence."""

from __future__ import annotations

from datetime import date, timedelta


def next_reconnect(
    last_interaction: date | None, met_on: date | None, every_days: int | None
) -> date | None:
    """When to reconnect next; None when there is no cadence. Without any interaction yet,
    the clock starts when the person was met (or is due now if that is unknown, `date.min`)."""
    if not every_days:
        return None
    start = last_interaction or met_on
    if start is None:
        return date.min
    try:
        return start + timedelta(days=every_days)
    except OverflowError:
        return date.max
