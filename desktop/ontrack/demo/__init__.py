"""Deterministic demo data: `generate("small" | "large", seed, today)` gives a Dataset.

Pure Python (no Qt, no database): the caller stores or exports the Dataset. "small" is
one person's realistic year, for screenshots and trying the app; "large" is ten years of
heavy use with fixed counts, for load and speed tests.
"""

from __future__ import annotations

from .generator import SIZES, Size, generate

__all__ = ["SIZES", "Size", "generate"]
