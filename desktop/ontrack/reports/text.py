"""User text on its way into a ReportLab Paragraph: the ONE escape function, and clipping.

User text is data, never markup. ReportLab's Paragraph parses a small XML dialect, so
every piece of user text goes through `escape()` before it is put into one:

- Unicode is normalised to NFC, because ReportLab places no combining marks: "e" plus a
  combining acute prints as one "é" only if it is one code point.
- `&`, `<` and `>` are escaped (`xml.sax.saxutils.escape`), so `<b>Lead & grow</b>`
  prints exactly as typed.
- Control characters (C0 and C1, NUL included) are refused by ReportLab's parser or
  print as nothing useful; each is replaced by U+FFFD "�" so the reader sees that
  something was there. Tabs become a space. Lone surrogates and the non-characters
  U+FFFE/U+FFFF are replaced the same way.
- Invisible format characters (zero-width joiners, bidi controls, BOM, soft hyphen) are
  dropped: the fonts have no glyph for them and ReportLab would draw a box.
- Line breaks (CR LF, CR, LS, PS, VT, FF) become `<br/>` in multi-line text and a space in
  single-line text (titles, names).
- Characters the main font lacks but the CJK fallback has (Chinese, Japanese, Korean)
  are wrapped in `<font name="…">` runs, as ReportLab has no per-glyph fallback; emoji
  the main font lacks go into runs of the monochrome emoji font the same way.

- Right-to-left runs (Hebrew, Arabic and their neighbours) are put in visual order,
  because ReportLab lays every line out left to right and has no bidi algorithm: each
  run of right-to-left words is reversed (combining marks stay on their letter), which is
  also what PDF readers and text extraction expect. Limits, as ReportLab has no shaping
  engine here: Arabic letters print in their isolated forms, digits inside a
  right-to-left run stay where they are, and a run long enough to wrap onto a second
  line shows its lines in left-to-right order.

Pure Python: the caller passes the main font's coverage (`FontCoverage`), so this
module is tested without ReportLab.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Container
from dataclasses import dataclass
from xml.sax.saxutils import escape as _xml_escape

REPLACEMENT = "\ufffd"
_LINE_BREAKS = re.compile(r"\r\n|[\r\n\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85]")
# C0 and C1 controls other than the line breaks handled above, and the tab.
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]")
_BLANK_LINES = re.compile(r"\n[ \t]*\n")
_SPACES = re.compile(r"\s+")
# Clipped text this long or longer says where the rest is; a short line just ends "…".
SAY_WHERE_FROM = 300

# Blocks drawn with the CJK fallback font when the main font lacks the character.
_CJK_RANGES = (
    (0x1100, 0x11FF),  # Hangul Jamo
    (0x2E80, 0x2FDF),  # CJK radicals, Kangxi radicals
    (0x3000, 0x303F),  # CJK symbols and punctuation
    (0x3040, 0x30FF),  # Hiragana, Katakana
    (0x3100, 0x31FF),  # Bopomofo, Hangul compatibility Jamo, Kanbun, Katakana ext.
    (0x3200, 0x33FF),  # Enclosed CJK letters, CJK compatibility
    (0x3400, 0x4DBF),  # CJK Extension A
    (0x4E00, 0x9FFF),  # CJK Unified Ideographs
    (0xA960, 0xA97F),  # Hangul Jamo Extended-A
    (0xAC00, 0xD7FF),  # Hangul syllables, Jamo Extended-B
    (0xF900, 0xFAFF),  # CJK compatibility ideographs
    (0xFE30, 0xFE4F),  # CJK compatibility forms
    (0xFF00, 0xFFEF),  # Half-width and full-width forms
)


# Blocks drawn with the emoji font when the main font lacks the character.
_EMOJI_RANGES = (
    (0x2300, 0x23FF),  # Miscellaneous technical (⌚ ⏰)
    (0x2600, 0x27BF),  # Miscellaneous symbols, dingbats (☕ ✅)
    (0x2B00, 0x2BFF),  # Arrows and shapes (⭐ ⬛)
    (0xFE0F, 0xFE0F),  # the emoji presentation selector
    (0x1F000, 0x1FAFF),  # Mahjong … symbols and pictographs extended-A, flags' letters
)


def is_cjk(char: str) -> bool:
    code = ord(char)
    return any(low <= code <= high for low, high in _CJK_RANGES)


def is_emoji(char: str) -> bool:
    code = ord(char)
    return any(low <= code <= high for low, high in _EMOJI_RANGES)


@dataclass(frozen=True)
class FontCoverage:
    """Which code points the main font has, and the fallback font for CJK runs.

    `on_fallback` is called the first time a run needs the fallback font, so that the
    (large) fallback font is loaded only for reports that have such text.
    """

    main: Container[int]
    fallback_font: str
    on_fallback: Callable[[], None] = lambda: None
    # The emoji font, loaded by `on_emoji` the first time a run needs it; none when "".
    emoji_font: str = ""
    on_emoji: Callable[[], None] = lambda: None


def clean(text: str, *, multiline: bool = False) -> str:
    """User text made printable (see the module docstring), still without markup."""
    text = unicodedata.normalize("NFC", text)
    text = _LINE_BREAKS.sub("\n" if multiline else " ", text)
    text = _CONTROLS.sub(REPLACEMENT, text.replace("\t", " "))
    if text.isascii():
        return text
    kept = []
    for char in text:
        category = unicodedata.category(char)
        if category == "Cf":
            continue
        kept.append(REPLACEMENT if category == "Cs" else char)
    return "".join(kept)


_RTL = (
    "\u0590-\u08ff"  # Hebrew, Arabic, Syriac, Arabic supplement, Thaana, NKo, Samaritan …
    "\ufb1d-\ufdff"  # Hebrew and Arabic presentation forms A
    "\ufe70-\ufefe"  # Arabic presentation forms B
)
_RTL_RUN = re.compile(f"[{_RTL}]+(?:[ \u00a0]+[{_RTL}]+)*")


def _reverse_clusters(run: str) -> str:
    clusters: list[str] = []
    for char in run:
        if clusters and unicodedata.combining(char):
            clusters[-1] += char
        else:
            clusters.append(char)
    return "".join(reversed(clusters))


def visual_order(text: str) -> str:
    """Text with every run of right-to-left words reversed, for a left-to-right layout."""
    if text.isascii():
        return text
    return _RTL_RUN.sub(lambda match: _reverse_clusters(match.group()), text)


def escape(text: str, *, multiline: bool = False, coverage: FontCoverage | None = None) -> str:
    """User text as Paragraph markup that prints exactly what was typed."""
    text = visual_order(clean(text, multiline=multiline))
    if coverage is None or text.isascii():
        marked = _xml_escape(text)
    else:
        marked = _with_fallback_runs(text, coverage)
    return marked.replace("\n", "<br/>") if multiline else marked


def _font_of(char: str, coverage: FontCoverage) -> str:
    """Which font draws `char`: "" for the main one, else the fallback's name."""
    if ord(char) in coverage.main:
        return ""
    if is_cjk(char):
        return coverage.fallback_font
    if coverage.emoji_font and is_emoji(char):
        return coverage.emoji_font
    return ""


def _with_fallback_runs(text: str, coverage: FontCoverage) -> str:
    runs: list[str] = []
    current: list[str] = []
    font = ""
    for char in text:
        wants = _font_of(char, coverage)
        if wants != font and current:
            runs.append(_run("".join(current), font, coverage))
            current = []
        font = wants
        current.append(char)
    if current:
        runs.append(_run("".join(current), font, coverage))
    return "".join(runs)


def _run(text: str, font: str, coverage: FontCoverage) -> str:
    if not font:
        return _xml_escape(text)
    (coverage.on_emoji if font == coverage.emoji_font else coverage.on_fallback)()
    return f'<font name="{font}">{_xml_escape(text)}</font>'


def clip(text: str, limit: int) -> str:
    """`text`, or its first `limit` characters (at a word break where one is near) ending in
    "…", and for a long excerpt "(continued in OnTrack)" after it, so the reader knows where
    the rest is. A report is for reading, so a 100 KB note is cut."""
    text = text.strip()
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    if cut < limit * 0.8:
        cut = limit
    if limit < SAY_WHERE_FROM:
        return f"{text[:cut].rstrip()}…"
    return f"{text[:cut].rstrip()}… (continued in OnTrack)"


def one_line(text: str, limit: int) -> str:
    """`text` as a single line (runs of white space become one space), clipped."""
    return clip(_SPACES.sub(" ", text), limit)


def prose(text: str) -> list[str]:
    """OnTrack's own content text (hard-wrapped TOML) as a list of paragraphs."""
    return [
        _SPACES.sub(" ", paragraph).strip()
        for paragraph in _BLANK_LINES.split(text.strip())
        if paragraph.strip()
    ]


def plural(count: int, word: str, words: str | None = None) -> str:
    """'1 interaction', '2,345 interactions' (or the irregular plural given)."""
    return f"{count:,} {word if count == 1 else words or word + 's'}"
