"""The geometry of the assessment profile (radar) chart, shared by the screen and the PDF.

Pure numbers, no drawing: the axis of every factor, the polygon of a set of scores, the
guide rings and where each axis label goes. The Qt widget draws it with QPainter, the
report with ReportLab; both scale the unit coordinates to their own size, so the two
pictures are the same shape.

Coordinates are *unit* coordinates: the centre is (0, 0), a score of 100 lies on the
unit circle, x grows to the right and y grows **upwards** (as in PDF). A painter whose y
grows downwards (Qt) draws (x, -y). The first factor points straight up and the others
follow clockwise, in canonical order.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from .enums import Factor

MAX_SCORE = 100.0
RING_SCORES = (25, 50, 75, 100)
"""Scores at which guide rings are drawn."""
LABEL_RADIUS = 1.1
"""Label anchors sit this far out, just beyond the 100 ring."""
# Within this distance of the vertical axis a label is centred rather than set to one side.
_CENTRE_BAND = 0.15


@dataclass(frozen=True, slots=True)
class Point:
    x: float
    y: float

    def scaled(self, radius: float, cx: float = 0.0, cy: float = 0.0) -> tuple[float, float]:
        """This point in a drawing's own units: centre (cx, cy), unit circle of `radius`."""
        return cx + self.x * radius, cy + self.y * radius


class HAlign(StrEnum):
    """Which side of its anchor a label's text extends to."""

    LEFT = "left"  # text starts at the anchor (labels on the right of the chart)
    CENTRE = "centre"
    RIGHT = "right"  # text ends at the anchor (labels on the left of the chart)


class VAlign(StrEnum):
    """Where a label's block of lines sits against its anchor."""

    BOTTOM = "bottom"  # the block sits above the anchor (label at the top of the chart)
    MIDDLE = "middle"
    TOP = "top"  # the block hangs below the anchor (label at the bottom)


@dataclass(frozen=True, slots=True)
class Axis:
    """One factor's spoke: its angle (radians clockwise from straight up), the spoke's
    end on the unit circle, and the anchor and alignment of its label."""

    factor: Factor
    angle: float
    end: Point
    label_anchor: Point
    halign: HAlign
    valign: VAlign


def _on_circle(angle: float, radius: float) -> Point:
    # Clockwise from "up": x = sin, y = cos. Rounded so that 0 prints as 0, not 6e-17.
    return Point(round(math.sin(angle) * radius, 12), round(math.cos(angle) * radius, 12))


def axes(factors: Sequence[Factor] = tuple(Factor)) -> tuple[Axis, ...]:
    """The spokes of the chart, one per factor, evenly spaced clockwise from the top."""
    count = len(factors)
    result = []
    for index, factor in enumerate(factors):
        angle = 2 * math.pi * index / count
        anchor = _on_circle(angle, LABEL_RADIUS)
        if abs(anchor.x) < _CENTRE_BAND:
            halign = HAlign.CENTRE
        else:
            halign = HAlign.LEFT if anchor.x > 0 else HAlign.RIGHT
        if anchor.y > LABEL_RADIUS - _CENTRE_BAND:
            valign = VAlign.BOTTOM
        elif anchor.y < -(LABEL_RADIUS - _CENTRE_BAND):
            valign = VAlign.TOP
        else:
            valign = VAlign.MIDDLE
        result.append(Axis(factor, angle, _on_circle(angle, 1.0), anchor, halign, valign))
    return tuple(result)


def clamp_score(score: float | None) -> float:
    """A score limited to 0..100; a missing score (None) counts as 0, the centre."""
    if score is None or math.isnan(score):
        return 0.0
    return min(max(score, 0.0), MAX_SCORE)


def polygon(
    scores: Mapping[Factor, float | None], factors: Sequence[Factor] = tuple(Factor)
) -> tuple[Point, ...]:
    """The vertices of the profile for `scores`, one per factor in `factors` order.

    A factor without a score sits at the centre, so the shape stays closed and every
    vertex stays on its own spoke.
    """
    return tuple(
        _on_circle(axis.angle, clamp_score(scores.get(axis.factor)) / MAX_SCORE)
        for axis in axes(factors)
    )


def ring(score: float, factors: Sequence[Factor] = tuple(Factor)) -> tuple[Point, ...]:
    """A guide ring: the polygon where every factor has `score` (drawn as a web)."""
    return polygon(dict.fromkeys(factors, score), factors)


def rings(factors: Sequence[Factor] = tuple(Factor)) -> tuple[tuple[Point, ...], ...]:
    """The guide rings at RING_SCORES, innermost first."""
    return tuple(ring(score, factors) for score in RING_SCORES)
