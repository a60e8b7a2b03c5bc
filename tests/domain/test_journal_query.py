"""Search words, the FTS5 expression made of them, and where they match in a line."""

from __future__ import annotations

import re

import pytest

from ontrack.domain.journal_query import (
    JournalQuery,
    fts_match,
    is_prefix,
    match_spans,
    search_terms,
)


def test_search_text_is_words_never_query_syntax() -> None:
    assert search_terms('Team "lead" OR NEAR(x*') == ("team", "lead", "or", "near", "x")
    assert fts_match(("team", "lead")) == '"team"* "lead"*'
    assert search_terms("  ") == ()


def test_words_are_distinct_and_capped() -> None:
    assert search_terms("a A a b") == ("a", "b")
    assert len(search_terms(" ".join(f"w{n}" for n in range(40)))) == 12


def test_cjk_and_rtl_words_are_words() -> None:
    assert search_terms("学习 مرحبا") == ("学习", "مرحبا")


def test_match_spans_mark_the_matching_prefix_of_each_word() -> None:
    text = "Presented the roadmap; presentation <b>went</b> well"
    spans = match_spans(text, ("present", "went"))
    assert [text[a:b] for a, b in spans] == ["Present", "present", "went"]
    assert match_spans(text, ()) == []


def test_a_query_is_filtered_once_anything_is_set() -> None:
    assert not JournalQuery().is_filtered
    assert JournalQuery(text="x").is_filtered
    assert JournalQuery(needs_follow_up=True).is_filtered


def test_an_action_plan_is_one_step_per_line_without_list_markers() -> None:
    from ontrack.domain.journal_loop import action_steps

    plan = "- Ask Sam for a review\n\n  2) Practise the demo  \n[ ] Send   notes\nplain"
    assert action_steps(plan) == (
        "Ask Sam for a review",
        "Practise the demo",
        "Send notes",
        "plain",
    )
    assert action_steps("  \n") == ()


def test_a_plan_without_a_goal_starts_one_named_after_the_source() -> None:
    from datetime import date

    from ontrack.domain.enums import Factor
    from ontrack.domain.journal import Feedback
    from ontrack.domain.journal_loop import goal_for_plan

    entry = Feedback("f", date(2026, 1, 2), source_name="Sam", text="Slow down",
                     factors=(Factor.IMAGE,))  # fmt: skip
    goal = goal_for_plan(entry)
    assert goal.title == "Act on feedback from Sam"
    assert goal.factor is Factor.IMAGE
    assert "Slow down" in goal.why
    assert len(goal_for_plan(Feedback("g", date(2026, 1, 2), source_name="x" * 500)).title) == 200


def test_a_single_latin_letter_is_a_whole_word_not_a_prefix() -> None:
    assert fts_match(("a", "te", "学")) == '"a" "te"* "学"*'
    assert match_spans("a apple", ("a",)) == [(0, 1)]


def test_the_excerpt_is_the_words_around_the_first_match() -> None:
    from ontrack.domain.journal_query import excerpt

    long = "word " * 100 + "the retrospective went well " + "tail " * 100
    piece = excerpt(("nothing here", long), ("retro",))
    assert piece.startswith("…")
    assert piece.endswith("…")
    assert "retrospective" in piece
    assert excerpt(("no match",), ("zzz",)) == ""


def _every_word_spans(text: str, terms: tuple[str, ...]) -> list[tuple[int, int]]:
    """The rule read plainly: every word, from the first, against every term."""
    spans = []
    for word in re.finditer(r"\w+", text):
        folded = word.group().casefold()
        fits = [len(t) for t in terms if folded.startswith(t) and (is_prefix(t) or folded == t)]
        if fits:
            whole = len(folded) != len(word.group())
            spans.append((word.start(), word.end() if whole else word.start() + max(fits)))
    return spans


@pytest.mark.parametrize(
    "text",
    [
        "We improved the process; PR review next.",  # 'pr' inside words before the first match
        "spr_pr pr",  # an underscore joins a word
        "Die Straße: präsentieren, Präsident",  # casefold makes ß longer: looked at whole
        "ÉTÉ présent à Paris — a b ab",
        "x" * 30000 + " present",
        "日本語のプレゼン present",
        "",
    ],
)
def test_spans_are_those_of_every_word(text: str) -> None:
    for terms in (("pr",), ("présent", "a"), ("stras", "pr"), ("present",), ("zz",)):
        assert match_spans(text, terms) == _every_word_spans(text, terms), terms
