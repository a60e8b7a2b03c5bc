"""The profile (radar) chart geometry shared by the screen and the PDF."""

from __future__ import annotations

import math

import pytest

from ontrack.domain.enums import Factor
from ontrack.domain.profile_chart import (
    LABEL_RADIUS,
    RING_SCORES,
    HAlign,
    Point,
    VAlign,
    axes,
    clamp_score,
    polygon,
    rings,
)


def test_eight_spokes_clockwise_from_the_top() -> None:
    spokes = axes()
    assert [a.factor for a in spokes] == list(Factor)
    assert spokes[0].end == Point(0.0, 1.0)
    assert spokes[2].end == Point(1.0, 0.0)  # a quarter turn clockwise is to the right
    assert spokes[4].end == Point(0.0, -1.0)
    assert spokes[6].end == Point(-1.0, 0.0)
    for spoke in spokes:
        assert math.hypot(spoke.end.x, spoke.end.y) == pytest.approx(1.0)
        anchor = spoke.label_anchor
        assert math.hypot(anchor.x, anchor.y) == pytest.approx(LABEL_RADIUS)


def test_labels_are_aligned_away_from_the_chart() -> None:
    spokes = axes()
    assert (spokes[0].halign, spokes[0].valign) == (HAlign.CENTRE, VAlign.BOTTOM)
    assert (spokes[2].halign, spokes[2].valign) == (HAlign.LEFT, VAlign.MIDDLE)
    assert (spokes[4].halign, spokes[4].valign) == (HAlign.CENTRE, VAlign.TOP)
    assert (spokes[6].halign, spokes[6].valign) == (HAlign.RIGHT, VAlign.MIDDLE)
    assert spokes[1].halign is HAlign.LEFT
    assert spokes[7].halign is HAlign.RIGHT


def test_polygon_scales_scores_onto_their_spokes() -> None:
    scores: dict[Factor, float | None] = dict.fromkeys(Factor, 50.0)
    scores[Factor.PEOPLE] = 100.0
    scores[Factor.IMAGE] = None
    points = polygon(scores)
    assert points[0] == Point(0.0, 1.0)
    assert points[1].x == pytest.approx(0.5 * math.sin(math.pi / 4))
    assert points[2] == Point(0.0, 0.0)  # not rated: at the centre


def test_scores_are_clamped() -> None:
    assert clamp_score(None) == 0.0
    assert clamp_score(float("nan")) == 0.0
    assert clamp_score(-5) == 0.0
    assert clamp_score(150) == 100.0
    assert polygon({Factor.PEOPLE: 250.0})[0] == Point(0.0, 1.0)


def test_rings_and_scaling() -> None:
    guide = rings()
    assert len(guide) == len(RING_SCORES)
    assert guide[-1][0] == Point(0.0, 1.0)
    assert guide[0][4] == Point(0.0, -0.25)
    assert Point(0.5, -0.5).scaled(100, 10, 20) == (60.0, -30.0)


def test_any_number_of_factors() -> None:
    three = axes((Factor.PEOPLE, Factor.TEAMWORK, Factor.IMAGE))
    assert [round(a.angle, 6) for a in three] == [
        0,
        round(2 * math.pi / 3, 6),
        round(4 * math.pi / 3, 6),
    ]
