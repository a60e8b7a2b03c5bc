"""Editing an assessment one answer at a time, and where a draft resumes."""

from __future__ import annotations

from datetime import date

import pytest

from ontrack.domain.assessment import Answer, Assessment
from ontrack.domain.assessment_drafts import (
    first_unrated_factor,
    ratings,
    with_rater,
    with_rating,
)
from ontrack.domain.content import load_content
from ontrack.domain.enums import Factor, Relationship
from ontrack.files.resources import resource_path

CONTENT = load_content(resource_path("content"))
EMPTY = Assessment("a", date(2026, 11, 24))


def test_rating_again_replaces_in_place() -> None:
    a = with_rating(with_rating(EMPTY, "people.1", 2), "people.2", 3)
    a = with_rating(a, "people.1", 5)
    assert a.answers == (Answer("people.1", 5), Answer("people.2", 3))


@pytest.mark.parametrize("rating", [0, 6, True])
def test_ratings_outside_the_scale_are_refused(rating: int) -> None:
    with pytest.raises(ValueError, match="outside"):
        with_rating(EMPTY, "people.1", rating)


def test_raters_have_their_own_ratings() -> None:
    a = with_rater(EMPTY, "  Ana  ", Relationship.PEER)
    a = with_rating(a, "image.2", 4, rater=0)
    assert a.raters[0].name == "Ana"
    assert ratings(a, 0) == {"image.2": 4}
    assert ratings(a) == {}
    with pytest.raises(IndexError):
        with_rating(a, "image.2", 4, rater=1)
    with pytest.raises(ValueError, match="name"):
        with_rater(a, "   ", Relationship.PEER)


def test_first_unrated_factor_follows_the_canonical_order() -> None:
    assert first_unrated_factor(CONTENT, EMPTY) is Factor.PEOPLE
    a = EMPTY
    for s in CONTENT.factor(Factor.PEOPLE).statements:
        a = with_rating(a, s.id, 3)
    assert first_unrated_factor(CONTENT, a) is Factor.TEAMWORK
    for s in CONTENT.statements:
        a = with_rating(a, s.id, 3)
    assert first_unrated_factor(CONTENT, a) is None
