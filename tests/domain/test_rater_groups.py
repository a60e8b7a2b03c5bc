"""The anonymity rules of others' ratings, and reading a returned form's boxes."""

from __future__ import annotations

import pytest

from ontrack.domain.assessment import Answer, NameConsent, Rater
from ontrack.domain.content import Content, load_content
from ontrack.domain.enums import Factor, Relationship
from ontrack.domain.questionnaire import (
    CONSENT_FIELD,
    NotAQuestionnaireError,
    box_name,
    form_key,
    is_ticked,
    parse_form_key,
    read_boxes,
)
from ontrack.domain.rater_groups import (
    RaterGroup,
    comparable_scores,
    counted_answers,
    group_views,
    shown_raters,
    withheld_count,
)
from ontrack.files.resources import resource_path

CONTENT: Content = load_content(resource_path("content"))
PEER, MANAGER = Relationship.PEER, Relationship.MANAGER


def _all(rating: int, factor: str = "people", n: int = 5) -> tuple[Answer, ...]:
    return tuple(Answer(f"{factor}.{i}", rating) for i in range(1, n + 1))


def test_a_factor_counts_only_with_half_its_statements_answered() -> None:
    assert counted_answers(CONTENT, _all(3, n=2)) == ()
    assert len(counted_answers(CONTENT, _all(3, n=3))) == 3


def test_two_peers_are_withheld_and_three_are_shown_as_a_group() -> None:
    two = [Rater(f"P{n}", PEER, _all(3), comments=(("people", f"said {n}"),)) for n in range(2)]
    boss = Rater("Mo", MANAGER, _all(1))
    views = group_views(CONTENT, [*two, boss], seed="a")
    assert [(v.group, v.shown) for v in views] == [
        (RaterGroup.MANAGER, True),
        (RaterGroup.PEERS, False),
    ]
    assert views[1].comments == ()
    assert views[1].scores[Factor.PEOPLE] is None
    assert "withheld" in views[1].reason
    assert shown_raters([*two, boss]) == [boss]
    assert withheld_count([*two, boss]) == 2
    three = [*two, Rater("P2", PEER, _all(5), comments=(("general", "said 2"),))]
    views = group_views(CONTENT, three, seed="a")
    assert views[0].shown
    assert views[0].title == "Peers (3)"
    assert sorted(text for _, text in views[0].comments) == ["said 0", "said 1", "said 2"]
    assert all(name not in str(views[0]) for name in ("P0", "P1"))


def test_in_a_small_group_only_who_agreed_is_shown_by_name() -> None:
    agreed = Rater(
        "Ana", PEER, _all(1), comments=(("people", "I said it"),), consent=NameConsent.GIVEN
    )
    declined = Rater("Bo", PEER, _all(5), comments=(("people", "hush"),), consent=NameConsent.ASKED)
    views = group_views(CONTENT, [agreed, declined], seed="a")
    assert [(v.title, v.shown, v.named) for v in views] == [
        ("Ana (peer, shown by name with their consent)", True, True),
        ("Peers, the others (1)", False, False),
    ]
    assert views[0].comments == (("people", "I said it"),)
    assert views[0].scores[Factor.PEOPLE] == comparable_scores(CONTENT, [agreed])[Factor.PEOPLE]
    assert "2 of at least 3 needed" in views[1].reason
    assert "one did not agree to be shown by name" in views[1].reason
    assert "hush" not in str(views)
    assert shown_raters([agreed, declined]) == [agreed]
    assert withheld_count([agreed, declined]) == 1
    # Three or more: a group again, anonymous, whatever each agreed to.
    third = Rater("Cy", PEER, _all(3))
    views = group_views(CONTENT, [agreed, declined, third], seed="a")
    assert [(v.title, v.named) for v in views] == [("Peers (3)", False)]
    assert "Ana" not in str(views[0])


def test_the_comparison_ignores_withheld_raters_and_thin_factors() -> None:
    boss = Rater("Mo", MANAGER, (*_all(5), *_all(1, "vision", 2)))
    peers = [Rater("P", PEER, _all(1)), Rater("Q", PEER, _all(1))]
    scores = comparable_scores(CONTENT, [boss, *peers])
    assert scores[Factor.VISION] is None  # two of five: not enough
    assert scores[Factor.PEOPLE] == comparable_scores(CONTENT, [boss])[Factor.PEOPLE]


def test_the_form_key_round_trips_and_refuses_others() -> None:
    assert parse_form_key(form_key("a1", "r1")) == ("a1", "r1")
    for bad in ("", "hello", "ontrack-questionnaire/1;a1;", "ontrack-questionnaire/9;a;r"):
        with pytest.raises(NotAQuestionnaireError):
            parse_form_key(bad)


def test_boxes_read_tolerantly() -> None:
    assert all(is_ticked(v) for v in ("/Yes", "Yes", "On", "/On", "1", "x"))
    assert not any(is_ticked(v) for v in (None, "/Off", "Off", "", "0"))
    ticked = {box_name("people.1", 4), box_name("people.2", 0)}
    ticked |= {box_name("people.3", 2), box_name("people.3", 5)}
    result = read_boxes(CONTENT, ticked, {"comment-general": "  Kind.  ", "comment-vision": " "})
    assert result.answers == (Answer("people.1", 4),)
    assert result.cant_say == ("people.2",)
    assert result.unreadable == ("people.3",)
    assert result.comments == (("general", "  Kind.  "),)  # as written
    assert read_boxes(CONTENT, set(), {}).is_empty
    assert not result.consented
    assert read_boxes(CONTENT, {CONSENT_FIELD}, {}).consented
