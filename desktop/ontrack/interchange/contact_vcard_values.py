"""A vCard property's value as text: quoted-printable, the property's own CHARSET, and the
escapes of its vCard version.

- Quoted-printable (`ENCODING=QUOTED-PRINTABLE`, or bare `;QUOTED-PRINTABLE`, any case) is
  decoded to bytes first; `=0D=0A` is a line break in the text.
- `CHARSET=` (Shift_JIS, ISO-8859-x, windows-125x, UTF-8 …) decodes those bytes. Shift_JIS
  is read as Windows' superset of it (cp932, what Japanese phones really write), and
  ISO-8859-1 as windows-1252, as browsers do.
- Without a CHARSET the bytes are UTF-8; when they are not, they are read the way the
  writers of such files wrote them (`fallback_for`): Shift_JIS when the file reads as
  Japanese (Japanese phones), else windows-1252 (Outlook), and the import says so.
- vCard 3.0 and 4.0 escape `\\`, `\\n`, `\\,`, `\\;`; vCard 2.1 escapes only `\\;` and keeps
  every other backslash as written.

A value that cannot be decoded raises `UnreadableValueError` with the reason in words; the reader
skips that one property and keeps the card.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable

from .contact_vcard_lines import Property

_QP = re.compile(rb"=([0-9A-Fa-f]{2})")
_ESCAPE = re.compile(r"\\(.)", re.DOTALL)
# Supersets that decode everything the named charset does, and what writers put in besides.
_WIDER = {"shift_jis": "cp932", "latin-1": "cp1252", "iso8859-1": "cp1252"}
FALLBACK = "cp1252"
JAPANESE = "cp932"
# Hiragana and katakana: Shift_JIS bytes that decode to kana are Japanese, not a
# European text misread (those bytes are ‚ and ƒ and a letter in windows-1252).
_KANA = re.compile("[\u3041-\u3096\u30a1-\u30fa\u30fc]")


class UnreadableValueError(ValueError):
    """A value that cannot be turned into text; the message says why."""


def _quoted_printable(raw: bytes) -> bytes:
    return _QP.sub(lambda m: bytes((int(m.group(1), 16),)), raw)


def fallback_for(raw: bytes) -> str:
    """The codec for values that name no charset and are not UTF-8, chosen once for the
    whole file: Japanese phones' Shift_JIS when the file reads as Japanese with kana in
    it, else windows-1252."""
    try:
        text = raw.decode(JAPANESE)
    except UnicodeDecodeError:
        return FALLBACK
    return JAPANESE if _KANA.search(text) else FALLBACK


def decode(prop: Property, fallback: Callable[[], str] = lambda: FALLBACK) -> tuple[str, bool]:
    """The value as text, and whether its charset was guessed (no CHARSET, not UTF-8):
    then `fallback()` names the codec."""
    raw = _quoted_printable(prop.value) if prop.quoted_printable else prop.value
    named = next((c.strip() for c in prop.param("CHARSET") if c.strip()), "")
    if named:
        try:
            codec = codecs.lookup(named).name
        except LookupError:
            raise UnreadableValueError(f"has an unknown character set “{named[:30]}”") from None
        try:
            return raw.decode(_WIDER.get(codec, codec)), False
        except UnicodeDecodeError:
            raise UnreadableValueError(f"is not {named[:30]} text") from None
    try:
        return raw.decode("utf-8"), False
    except UnicodeDecodeError:
        return raw.decode(fallback(), errors="replace"), True


def unescape(text: str, legacy: bool) -> str:
    """Escapes undone: vCard 2.1 (`legacy`) knows only `\\;`; 3.0 and 4.0 all of them."""
    if legacy:
        return text.replace("\\;", ";")
    return _ESCAPE.sub(lambda m: "\n" if m.group(1) in "nN" else m.group(1), text)


def split(text: str, separator: str, legacy: bool) -> list[str]:
    """A structured value's parts (N, ORG, CATEGORIES), split on unescaped separators and
    then unescaped. A backslash always keeps the next character from splitting."""
    parts, current, escaped = [], [], False
    for char in text:
        if escaped:
            current.append(char)
            escaped = False
        elif char == "\\":
            current.append(char)
            escaped = True
        elif char == separator:
            parts.append(unescape("".join(current), legacy))
            current = []
        else:
            current.append(char)
    parts.append(unescape("".join(current), legacy))
    return parts
