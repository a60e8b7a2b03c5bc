"""The one escape function: user text prints exactly as typed, never as markup, and
nothing a person can type makes ReportLab's paragraph parser fail."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ontrack.reports.text import (
    REPLACEMENT,
    FontCoverage,
    clean,
    clip,
    escape,
    is_cjk,
    one_line,
    prose,
    visual_order,
)
from tests.interchange.strategies import SPECIAL_TEXTS

LATIN = FontCoverage(main=frozenset(range(0x3000)), fallback_font="CJK")


def test_markup_is_escaped() -> None:
    assert escape("<b>Lead & grow</b> 5 < 6") == "&lt;b&gt;Lead &amp; grow&lt;/b&gt; 5 &lt; 6"
    assert escape("&amp; &nbsp;") == "&amp;amp; &amp;nbsp;"


def test_control_characters_are_replaced_visibly_and_tabs_become_spaces() -> None:
    assert (
        clean("a\x00b\x01c\x7fd\x9fe")
        == f"a{REPLACEMENT}b{REPLACEMENT}c{REPLACEMENT}d{REPLACEMENT}e"
    )
    assert clean("a\tb") == "a b"
    assert clean("\ud800 lone surrogate") == f"{REPLACEMENT} lone surrogate"
    assert clean("\ufffe\uffff") == REPLACEMENT * 2


def test_invisible_format_characters_are_dropped() -> None:
    assert clean("\ufeffBOM \u202eoverride\u202c zero\u200dwidth soft\u00adhyphen") == (
        "BOM override zerowidth softhyphen"
    )


def test_line_breaks_are_kept_only_in_multiline_text() -> None:
    text = "one\r\ntwo\rthree\u2028four\nfive"
    assert escape(text) == "one two three four five"
    assert escape(text, multiline=True) == "one<br/>two<br/>three<br/>four<br/>five"


def test_combining_marks_are_composed() -> None:
    assert clean("e\u0301") == "é"


def test_cjk_runs_go_into_the_fallback_font_once_each() -> None:
    called = []
    coverage = FontCoverage(LATIN.main, "CJK", on_fallback=lambda: called.append(1))
    assert escape("Hi 漢字かな & 한국어!", coverage=coverage) == (
        'Hi <font name="CJK">漢字かな</font> &amp; <font name="CJK">한국어</font>!'
    )
    assert called == [1, 1]
    assert escape("only latin é", coverage=coverage) == "only latin é"
    assert is_cjk("中")
    assert is_cjk("ア")
    assert is_cjk("한")
    assert not is_cjk("a")


def test_right_to_left_runs_are_put_in_visual_order() -> None:
    assert visual_order("שלום עולם") == "םלוע םולש"
    assert visual_order("English then עברית then English") == "English then תירבע then English"
    assert visual_order("בְּ a") == "בְּ a"  # marks stay on their letter
    assert visual_order("אב\nגד") == "בא\nדג"  # lines stay apart
    assert escape("<שלום>") == "&lt;םולש&gt;"


def test_clip_cuts_long_text_at_a_word_and_says_where_the_rest_is() -> None:
    assert clip("  short  ", 10) == "short"
    long = "word " * 100_000
    clipped = clip(long, 1_000)
    assert len(clipped) < 1_100
    assert clipped.endswith("word… (continued in OnTrack)")
    assert clip("x" * 50, 10) == "x" * 10 + "…"
    assert one_line("a\n\n  b\tc", 80) == "a b c"


def test_prose_rejoins_hard_wrapped_content() -> None:
    assert prose("one\ntwo\n\nthree\n") == ["one two", "three"]


@pytest.mark.parametrize("text", SPECIAL_TEXTS)
def test_special_texts_parse_as_paragraphs(text: str) -> None:
    _parses(text)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=60))
def test_any_text_parses_as_a_paragraph(text: str) -> None:
    _parses(text)


def _parses(text: str) -> None:
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph

    from ontrack.reports import fonts

    coverage = fonts.coverage()
    for multiline in (False, True):
        paragraph = Paragraph(escape(text, multiline=multiline, coverage=coverage),
                              ParagraphStyle("t", fontName=fonts.REGULAR))  # fmt: skip
        paragraph.wrap(200, 1_000)
        words = "".join(_line_text(line) for line in paragraph.blPara.lines)
        if multiline:
            continue
        # What the paragraph holds is the cleaned text itself (right-to-left runs in visual
        # order), markup characters included.
        assert "".join(words.split()) == "".join(visual_order(clean(text)).split())


def _line_text(line: object) -> str:
    """The text of one wrapped line, whichever of ReportLab's two line shapes it has."""
    words = getattr(line, "words", None)
    if words is not None:
        return "".join(str(getattr(word, "text", "")) for word in words)
    _, plain = line  # type: ignore[misc]
    return "".join(plain)
