"""The entry point: `generate(size, seed, today)` returns a whole demo Dataset.

Same arguments, same Dataset: every random choice and every id comes from one
`random.Random(seed)`; nothing reads the clock or the system's entropy.
"""

from __future__ import annotations

from datetime import date
from typing import Literal, get_args

from ..domain.dataset import Dataset
from . import large, small
from .dice import Dice

Size = Literal["small", "large"]
SIZES: tuple[Size, ...] = get_args(Size)


def generate(size: Size, seed: int, today: date) -> Dataset:
    """Demo data for one person: a realistic year ("small") or ten busy years ("large")."""
    dice = Dice(seed)
    if size == "small":
        return small.build(dice, today)
    if size == "large":
        return large.build(dice, today)
    raise ValueError(f"unknown demo size {size!r}; expected one of {', '.join(SIZES)}")
