"""The report's TrueType fonts: DejaVu Sans (regular and bold) for everything, and Droid
Sans Fallback for Chinese, Japanese and Korean runs, registered with ReportLab once per
process. The fallback (3.4 MB) is registered only when a report first needs it.

The files and their licences are in `resources/fonts/` (see its README).
"""

from __future__ import annotations

import threading

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from ..resources import resource_path
from .text import FontCoverage

REGULAR = "OnTrackSans"
BOLD = "OnTrackSans-Bold"
FALLBACK = "OnTrackCJK"
_FILES = {
    REGULAR: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    FALLBACK: "DroidSansFallback.ttf",
}
_lock = threading.Lock()


def _register(name: str) -> TTFont:
    with _lock:
        try:
            font: TTFont = pdfmetrics.getFont(name)
            return font
        except KeyError:
            pass
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


def coverage() -> FontCoverage:
    """What the main face can draw, with the lazily registered CJK fallback."""
    register_main()
    cmap = _register(REGULAR).face.charToGlyph
    return FontCoverage(main=frozenset(cmap), fallback_font=FALLBACK, on_fallback=register_fallback)
