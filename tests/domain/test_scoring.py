"""Scoring: keying, partial and unknown answers, bands, rankings, changes, others' views."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ontrack.domain.assessment import Answer, Assessment, Rater
from ontrack.domain.content import Content, FactorContent, Keyed, Statement, load_content
from ontrack.domain.enums import Factor
from ontrack.domain.scoring import (
    PERCEPTION_GAP,
    RISK_BELOW,
    STRENGTH_FROM,
    Band,
    FactorDelta,
    band,
    bands,
    blind_spots,
    compare,
    compare_assessments,
    factor_scores,
    format_change,
    hidden_strengths,
    others_scores,
    overall_score,
    perception_gaps,
    rounded,
    statement_score,
    top_opportunities,
    top_strengths,
    unanswered,
)
from ontrack.files.resources import resource_path

# In the test content, statements 1-3 of every factor are strengths and 4-5 warnings.
KEYINGS = (Keyed.STRENGTH, Keyed.STRENGTH, Keyed.STRENGTH, Keyed.WARNING, Keyed.WARNING)
P, T, IM, EF, A, V, C, IS = Factor  # people, teamwork, image, impact, authority, vision, …


def make_content() -> Content:
    factors = tuple(
        FactorContent(
            factor=f,
            name=f.label,
            summary="",
            derailing="",
            desired_behaviour="",
            statements=tuple(
                Statement(f"{f.value}.{n}", f, f"I do {f.value} thing {n}.", keyed)
                for n, keyed in enumerate(KEYINGS, start=1)
            ),
            tips=(),
            goal_templates=(),
        )
        for f in Factor
    )
    return Content(factors, questions=(), scale_labels=(), transitions=())


CONTENT = make_content()


def rate(**ratings: int) -> list[Answer]:
    """rate(people_1=5) → [Answer("people.1", 5)]."""
    return [Answer(key.replace("_", "."), rating) for key, rating in ratings.items()]


def scores(**values: float | None) -> dict[Factor, float | None]:
    """Factor scores with every factor None except those given."""
    result: dict[Factor, float | None] = dict.fromkeys(Factor)
    result.update({Factor(k): v for k, v in values.items()})
    return result


# ── statements and factors ──────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("keyed", "rating", "expected"),
    [
        (Keyed.STRENGTH, 1, 0.0),
        (Keyed.STRENGTH, 2, 25.0),
        (Keyed.STRENGTH, 3, 50.0),
        (Keyed.STRENGTH, 5, 100.0),
        (Keyed.WARNING, 1, 100.0),
        (Keyed.WARNING, 2, 75.0),
        (Keyed.WARNING, 3, 50.0),
        (Keyed.WARNING, 5, 0.0),
    ],
)
def test_statement_score_follows_the_keying(keyed: Keyed, rating: int, expected: float) -> None:
    statement = Statement("people.1", Factor.PEOPLE, "I listen.", keyed)
    assert statement_score(statement, rating) == expected


@pytest.mark.parametrize("rating", [0, 6, -1, True])
def test_a_rating_outside_the_scale_is_refused(rating: int) -> None:
    with pytest.raises(ValueError, match=r"people\.1: rating .* is outside 1\.\.5"):
        statement_score(CONTENT.statement("people.1"), rating)
    with pytest.raises(ValueError, match="outside"):
        factor_scores(CONTENT, [Answer("people.1", rating)])


def test_agreeing_with_strengths_and_disagreeing_with_warnings_scores_100() -> None:
    result = factor_scores(
        CONTENT, rate(people_1=5, people_2=5, people_3=5, people_4=1, people_5=1)
    )
    assert result[P] == 100.0
    inverted = factor_scores(
        CONTENT, rate(people_1=1, people_2=1, people_3=1, people_4=5, people_5=5)
    )
    assert inverted[P] == 0.0


def test_agreeing_with_everything_does_not_look_like_a_strength() -> None:
    result = factor_scores(
        CONTENT, rate(teamwork_1=5, teamwork_2=5, teamwork_3=5, teamwork_4=5, teamwork_5=5)
    )
    assert result[T] == 60.0  # three strengths at 100, two warnings at 0
    assert band(60.0) is Band.WATCH


def test_a_factor_scores_its_answered_statements_only() -> None:
    result = factor_scores(CONTENT, rate(people_1=4, people_4=2))  # 75 and 75
    assert result[P] == 75.0
    assert [f for f, s in result.items() if s is not None] == [P]
    assert list(result) == list(Factor)


def test_no_answers_means_no_scores() -> None:
    assert factor_scores(CONTENT, []) == dict.fromkeys(Factor)
    assert overall_score(factor_scores(CONTENT, [])) is None


def test_answers_to_unknown_statements_are_ignored() -> None:
    answers = [
        *rate(vision_2=5),
        Answer("vision.6", 1),
        Answer("vision.0", 1),
        Answer("nonsense", 99),
        Answer("", 3),
    ]
    assert factor_scores(CONTENT, answers) == scores(vision=100.0)


def test_the_last_answer_to_a_statement_counts() -> None:
    answers = [Answer("image.1", 1), Answer("image.1", 5)]
    assert factor_scores(CONTENT, answers)[IM] == 100.0


def test_halves_stay_exact_and_round_up() -> None:
    result = factor_scores(CONTENT, rate(customer_1=5, customer_2=2))  # 100 and 25
    assert result[C] == 62.5
    assert rounded(62.5) == 63
    assert rounded(44.5) == 45
    assert rounded(69.49) == 69
    assert rounded(0.0) == 0
    assert rounded(100.0) == 100


def test_overall_is_the_mean_of_the_factors_present() -> None:
    assert overall_score(scores(people=100.0, image=50.0, vision=None)) == 75.0


# ── bands and rankings ──────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("score", "expected"),
    [
        (100.0, Band.STRENGTH),
        (70.0, Band.STRENGTH),
        (69.5, Band.STRENGTH),  # shown as 70
        (69.49, Band.WATCH),
        (50.0, Band.WATCH),
        (45.0, Band.WATCH),
        (44.5, Band.WATCH),  # shown as 45
        (44.49, Band.RISK),
        (40.0, Band.RISK),
        (0.0, Band.RISK),
    ],
)
def test_bands_at_their_boundaries(score: float, expected: Band) -> None:
    assert (STRENGTH_FROM, RISK_BELOW) == (70, 45)
    assert band(score) is expected


def test_bands_cover_the_scored_factors_only() -> None:
    result = bands(scores(people=80.0, vision=30.0, customer=50.0))
    assert result == {P: Band.STRENGTH, V: Band.RISK, C: Band.WATCH}
    assert {b.label for b in Band} == {"Strength", "Worth watching", "Needs attention"}


def test_top_strengths_are_highest_first_with_ties_in_canonical_order() -> None:
    given_scores = scores(
        isolation=90.0, customer=75.0, people=75.0, image=74.6, vision=69.0, teamwork=20.0
    )
    # 74.6 shows as 75, so image ties with people and customer and keeps its place.
    assert top_strengths(given_scores, 3) == [IS, P, IM]
    assert top_strengths(given_scores, 10) == [IS, P, IM, C]
    assert top_strengths(given_scores, 0) == []
    assert top_strengths(scores(vision=69.0)) == []


def test_top_opportunities_are_lowest_first_and_never_strengths() -> None:
    given_scores = scores(
        isolation=40.0, vision=40.0, authority=60.0, teamwork=20.0, people=95.0, image=None
    )
    # vision and isolation tie at 40 and keep the canonical order.
    assert top_opportunities(given_scores, 2) == [T, V]
    assert top_opportunities(given_scores) == [T, V, IS]
    assert top_opportunities(given_scores, 10) == [T, V, IS, A]
    assert top_opportunities(scores(people=70.0, image=99.0), 3) == []


# ── change over time ────────────────────────────────────────────────────────────────


def test_changes_are_differences_of_the_rounded_scores() -> None:
    before = scores(teamwork=62.5, people=50.0, vision=80.0, image=33.3)
    after = scores(teamwork=75.0, people=50.0, vision=72.5, customer=60.0, image=None)
    deltas = {d.factor: d for d in compare(before, after)}
    assert list(deltas) == list(Factor)
    assert deltas[T] == FactorDelta(T, 63, 75)
    assert deltas[T].change == 12
    assert str(deltas[T]) == "teamwork +12"
    assert str(deltas[V]) == "vision -7"  # 80 → 73
    assert str(deltas[P]) == "people ±0"
    assert deltas[C].change is None  # new this time
    assert deltas[IM].change is None  # not answered this time
    assert str(deltas[C]) == "customer n/a"


def test_format_change() -> None:
    assert [format_change(c) for c in (5, -5, 0, None)] == ["+5", "-5", "±0", "n/a"]


def test_compare_two_assessments() -> None:
    first = Assessment("a1", date(2026, 1, 5), answers=tuple(rate(people_1=3)))
    second = Assessment("a2", date(2026, 6, 5), answers=tuple(rate(people_1=4, image_4=1)))
    deltas = {d.factor: d for d in compare_assessments(CONTENT, first, second)}
    assert deltas[P].change == 25
    assert (deltas[IM].before, deltas[IM].after) == (None, 100)


# ── how others see it ───────────────────────────────────────────────────────────────


def test_others_scores_average_the_raters_who_answered() -> None:
    raters = [
        Rater("Ana", answers=tuple(rate(people_1=5, image_1=1))),  # people 100, image 0
        Rater("Ben", answers=tuple(rate(people_1=3))),  # people 50
        Rater("Cy", answers=tuple(rate(people_1=2, people_4=2))),  # people (25 + 75) / 2 = 50
        Rater("Dee"),
    ]
    result = others_scores(CONTENT, raters)
    assert result[P] == pytest.approx(200 / 3)
    assert result[IM] == 0.0
    assert result[V] is None
    assert others_scores(CONTENT, []) == dict.fromkeys(Factor)


def test_blind_spots_and_hidden_strengths_need_more_than_a_third_of_the_scale() -> None:
    assert PERCEPTION_GAP == 34  # more than 100 / 3 on whole-number scores
    own = scores(people=90.0, teamwork=80.0, image=30.0, impact=95.0, vision=40.0, customer=50.0)
    others = scores(
        people=56.0,  # +34: a blind spot, just
        teamwork=46.5,  # shown as 47: +33, not a blind spot
        image=70.0,  # -40: a hidden strength
        impact=55.0,  # +40: a blind spot
        vision=74.0,  # -34: a hidden strength, just
        authority=80.0,  # not rated by me
    )
    assert perception_gaps(own, others) == {P: 34, T: 33, IM: -40, EF: 40, V: -34}
    assert blind_spots(own, others) == [EF, P]  # widest gap first
    assert hidden_strengths(own, others) == [IM, V]
    assert blind_spots(own, others, threshold=10) == [EF, P, T]


def test_equal_gaps_keep_the_canonical_order() -> None:
    own = scores(isolation=90.0, people=90.0, image=10.0, teamwork=10.0)
    others = scores(isolation=50.0, people=50.0, image=50.0, teamwork=50.0)
    assert blind_spots(own, others) == [P, IS]
    assert hidden_strengths(own, others) == [T, IM]


def test_no_others_means_no_gaps() -> None:
    own = scores(people=90.0)
    assert blind_spots(own, dict.fromkeys(Factor)) == []
    assert hidden_strengths(own, {}) == []


# ── unanswered ──────────────────────────────────────────────────────────────────────


def test_unanswered_lists_the_unrated_statements_in_order() -> None:
    everything = [s.id for s in CONTENT.statements]
    assert unanswered(CONTENT, []) == everything
    answers = [*rate(people_2=3, vision_5=1), Answer("people.2", 4), Answer("people.9", 3)]
    remaining = unanswered(CONTENT, answers)
    assert remaining == [i for i in everything if i not in {"people.2", "vision.5"}]
    assert unanswered(CONTENT, [Answer(i, 3) for i in everything]) == []


def test_the_real_content_scores_100_for_the_best_answers() -> None:
    content = load_content(resource_path("content"))
    best = [Answer(s.id, 5 if s.keyed is Keyed.STRENGTH else 1) for s in content.statements]
    assert set(factor_scores(content, best).values()) == {100.0}
    assert unanswered(content, best) == []
    assert len(unanswered(content, best[:-3])) == 3


# ── properties ──────────────────────────────────────────────────────────────────────

STATEMENT_IDS = [s.id for s in CONTENT.statements]
answer_lists = st.lists(
    st.builds(
        Answer,
        statement=st.one_of(st.sampled_from(STATEMENT_IDS), st.text(max_size=12)),
        rating=st.integers(1, 5),
    ),
    max_size=60,
)
score_maps = st.dictionaries(
    st.sampled_from(list(Factor)),
    st.one_of(st.none(), st.floats(0, 100, allow_nan=False)),
)
quick = settings(max_examples=150)


@quick
@given(answer_lists)
def test_scores_stay_within_0_and_100(answers: list[Answer]) -> None:
    result = factor_scores(CONTENT, answers)
    known = {a.statement.partition(".")[0] for a in answers if CONTENT.has_statement(a.statement)}
    for factor, score in result.items():
        assert (score is not None) == (factor.value in known)
        if score is not None:
            assert 0 <= score <= 100
            assert 0 <= rounded(score) <= 100
    overall = overall_score(result)
    assert overall is None or 0 <= overall <= 100


@quick
@given(st.integers(1, 5))
def test_reversing_the_keying_mirrors_the_score(rating: int) -> None:
    strength = Statement("people.1", P, "I listen.", Keyed.STRENGTH)
    warning = Statement("people.4", P, "I interrupt.", Keyed.WARNING)
    assert statement_score(strength, rating) == statement_score(warning, 6 - rating)
    assert statement_score(strength, rating) + statement_score(warning, rating) == 100


@quick
@given(score_maps, st.integers(0, 10))
def test_strengths_and_opportunities_never_overlap(
    given_scores: dict[Factor, float | None], n: int
) -> None:
    strengths = top_strengths(given_scores, n)
    opportunities = top_opportunities(given_scores, n)
    assert not set(strengths) & set(opportunities)
    assert len(strengths) <= n
    assert len(opportunities) <= n
    assert all(band(given_scores[f] or 0.0) is Band.STRENGTH for f in strengths)
    shown = [rounded(given_scores[f] or 0.0) for f in opportunities]
    assert shown == sorted(shown)
