"""Seeded randomness for the demo data: record ids, days, picks and exact splits of totals."""

from __future__ import annotations

import random
import uuid
from collections.abc import Sequence
from datetime import date, timedelta
from typing import TypeVar

T = TypeVar("T")


class Dice(random.Random):
    """A `random.Random` with the few helpers the demo builders share; same seed, same data."""

    def new_id(self) -> str:
        """A UUID drawn from this generator (never from the system's entropy)."""
        return str(uuid.UUID(int=self.getrandbits(128), version=4))

    def chance(self, probability: float) -> bool:
        return self.random() < probability

    def day(self, first: date, last: date) -> date:
        """A day in `first`..`last`, both included; `first` when `last` is not later."""
        span = (last - first).days
        if span <= 0:
            return first
        return first + timedelta(days=self.randint(0, span))

    def days(self, first: date, last: date, count: int) -> list[date]:
        """`count` days in `first`..`last`, in order (repeats allowed)."""
        return sorted(self.day(first, last) for _ in range(count))

    def weighted(self, items: Sequence[T], weights: Sequence[float]) -> T:
        return self.choices(items, weights)[0]

    def split(self, total: int, parts: int, low: int, high: int) -> list[int]:
        """Exactly `total` shared out among `parts` counts, each within `low`..`high`."""
        if parts <= 0 or not low * parts <= total <= high * parts:
            raise ValueError(f"cannot split {total} into {parts} parts of {low}..{high}")
        counts = [self.randint(low, high) for _ in range(parts)]
        missing = total - sum(counts)
        while missing:
            index = self.randrange(parts)
            if missing > 0 and counts[index] < high:
                counts[index] += 1
                missing -= 1
            elif missing < 0 and counts[index] > low:
                counts[index] -= 1
                missing += 1
        return counts
