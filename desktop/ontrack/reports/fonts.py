"""The report's TrueType fonts: DejaVu Sans (regular and bold) for everything, Droid Sans
Fallback for Chinese, Japanese and Korean runs, and Noto Emoji (monochrome outlines) for
emoji such as LinkedIn names carry (🍀 🔸), registered with ReportLab once per process.
The fallbacks (3.4 and 2 MB) are registered only when a report first needs them.

The files and their licences are in `resources/fonts/` (see its README).
"""

from __future__ import annotations

import threading

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

from ..files.resources import resource_path
from .text import FontCoverage

REGULAR = "OnTrackSans"
BOLD = "OnTrackSans-Bold"
FALLBACK = "OnTrackCJK"
EMOJI = "OnTrackEmoji"
_FILES = {
    REGULAR: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    FALLBACK: "DroidSansFallback.ttf",
    EMOJI: "NotoEmoji.ttf",
}
_lock = threading.Lock()
_reportlab_cmap = ttfonts.makeToUnicodeCMap


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """ReportLab's ToUnicode map, with characters beyond the BMP (emoji) written as the
    UTF-16 the PDF format asks for: ReportLab writes `<1F340>`, which readers cut to
    4 digits, so 🍀 copied out of the report came out as another character."""
    cmap: str = _reportlab_cmap(fontname, subset)
    for index, code in enumerate(subset):
        if code > 0xFFFF:
            utf16 = chr(code).encode("utf-16-be").hex().upper()
            cmap = cmap.replace(f"<{index:02X}> <{code:04X}>", f"<{index:02X}> <{utf16}>", 1)
    return cmap


ttfonts.makeToUnicodeCMap = _to_unicode_cmap


def _register(name: str) -> TTFont:
    with _lock:
        # Asked for a font it does not have, getFont looks for a Type 1 face of that name
        # and parses every AFM file ReportLab ships to find none: 25 ms a face (#19).
        if name in pdfmetrics.getRegisteredFontNames():
            found: TTFont = pdfmetrics.getFont(name)
            return found
        font = TTFont(name, str(resource_path("fonts", _FILES[name])))
        pdfmetrics.registerFont(font)
        return font


def register_main() -> None:
    """Register the text faces and tie them into a family, so `<b>` picks the bold one."""
    _register(REGULAR)
    _register(BOLD)
    pdfmetrics.registerFontFamily(
        REGULAR, normal=REGULAR, bold=BOLD, italic=REGULAR, boldItalic=BOLD
    )


def register_fallback() -> None:
    _register(FALLBACK)
    # The fallback has no bold; a CJK run inside <b> uses the same face.
    pdfmetrics.registerFontFamily(
        FALLBACK, normal=FALLBACK, bold=FALLBACK, italic=FALLBACK, boldItalic=FALLBACK
    )


def register_emoji() -> None:
    _register(EMOJI)
    # One weight: an emoji inside <b> uses the same face.
    pdfmetrics.registerFontFamily(EMOJI, normal=EMOJI, bold=EMOJI, italic=EMOJI, boldItalic=EMOJI)


def coverage() -> FontCoverage:
    """What the main face can draw, with the lazily registered CJK and emoji fallbacks."""
    register_main()
    cmap = _register(REGULAR).face.charToGlyph
    return FontCoverage(
        main=frozenset(cmap),
        fallback_font=FALLBACK,
        on_fallback=register_fallback,
        emoji_font=EMOJI,
        on_emoji=register_emoji,
    )
