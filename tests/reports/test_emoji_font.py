"""Emoji in names (🍀 🇺🇦 🔸, common on LinkedIn) print as glyphs of the monochrome emoji
font, not as empty boxes, and a report without emoji does not embed that font."""

from __future__ import annotations

import io

from pypdf import PdfReader
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate

from ontrack.reports.fonts import EMOJI, REGULAR, coverage
from ontrack.reports.text import FontCoverage, escape

NAMES = "Olena 🇺🇦 Kovalenko · Seán 🍀 · Priya 🔸 Raman 🚀"


def _pdf(text: str) -> bytes:
    out = io.BytesIO()
    style = ParagraphStyle("body", fontName=REGULAR, fontSize=11)
    SimpleDocTemplate(out).build([Paragraph(escape(text, coverage=coverage()), style)])
    return out.getvalue()


def _fonts(pdf: bytes) -> set[str]:
    return {
        str(font["/BaseFont"])
        for page in PdfReader(io.BytesIO(pdf)).pages
        for font in page["/Resources"]["/Font"].values()  # type: ignore[index, union-attr]
    }


def test_emoji_go_into_runs_of_the_emoji_font() -> None:
    called: list[str] = []
    fonts = FontCoverage(
        frozenset(range(0x3000)), "CJK", emoji_font="EMOJI", on_emoji=lambda: called.append("e")
    )
    assert escape("Seán 🍀 <b>", coverage=fonts) == ('Seán <font name="EMOJI">🍀</font> &lt;b&gt;')
    assert called == ["e"]
    # A symbol the main font has stays in the main font.
    assert escape("☕ ok", coverage=fonts) == "☕ ok"


def test_emoji_names_print_with_the_embedded_emoji_font() -> None:
    pdf = _pdf(NAMES)
    assert any("NotoEmoji" in name for name in _fonts(pdf)), _fonts(pdf)
    text = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    for emoji in ("🍀", "🔸", "🚀", "\U0001f1fa\U0001f1e6"):
        assert emoji in text, text
    assert EMOJI == "OnTrackEmoji"


def test_a_report_without_emoji_does_not_embed_the_emoji_font() -> None:
    assert not any("NotoEmoji" in name for name in _fonts(_pdf("Plain Zoë Ångström")))
