"""The lines of a vCard file (2.1, 3.0, 4.0) as cards of properties, read from bytes.

What real exporters write, and how each is read here:

- Lines end in CRLF, LF, CR, or CR CR LF (iOS 6); numbers in messages are physical lines
  counted from 1.
- A line that begins with a space or tab continues the one before (folding).
- A quoted-printable value that ends in `=` continues on the next line, whatever that
  line begins with (a soft line break), even when the next line starts with `#`.
- Binary values (PHOTO, LOGO, SOUND, KEY, and anything `ENCODING=BASE64`/`b`) are skipped
  as they are read, never joined: a card with a 4 MB photo reads in milliseconds. vCard
  2.1 writers continue base64 on unindented lines up to a blank line; those are skipped
  too.
- A line that is not a property (a `#` comment, an address continued with trailing
  backslashes, stray text) is skipped with a warning naming its line; a card nested in a
  card (2.1's AGENT) is skipped whole with one warning; blank lines between cards and
  `begin:vcard ` in any case with trailing spaces are fine.

Values stay bytes here: each property's own CHARSET says how to decode it
(`contact_vcard_values`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..domain.contact_matching import RowProblem

# Properties whose values are pictures, sounds or keys: nothing a contact list keeps.
BINARY = frozenset({"PHOTO", "LOGO", "SOUND", "KEY"})
# Lines end in LF, CRLF or (Thunderbird on Windows) CRCRLF. A lone CR ends a line only in a
# file that has no LF at all (classic Mac OS); elsewhere it is part of a value, as in
# Thunderbird's own export of a custom field typed with a line break.
_LINE_BREAK = re.compile(rb"\r*\n")
_CR_LINE_BREAK = re.compile(rb"\r")
_RUN_END = re.compile(rb"\n(?![ \t])")  # a line break before an unfolded line
_LONE_CR = re.compile(rb"\r(?![\r\n])")
_NAME = re.compile(rb"[ \t]*(?:([A-Za-z0-9_-]+)\.)?([A-Za-z0-9_-]+)[ \t]*(?=[;:])")
_BASE64_LINE = re.compile(rb"[A-Za-z0-9+/=\s]*")
# A quoted-printable value's soft line break: `=` at the end (trailing blanks forgiven).
_SOFT_BREAK = re.compile(rb"=[ \t]*$")
_SHOWN = 40


@dataclass(slots=True)
class Property:
    """One property as written: its first physical line, group, name (upper case),
    parameters (names upper case, values as written; bare ones under TYPE) and value;
    whether it is quoted-printable, and whether it is binary (skipped unread)."""

    line: int
    group: str
    name: str
    params: dict[str, list[str]]
    value: bytes
    quoted_printable: bool = False
    binary: bool = False

    def param(self, name: str) -> list[str]:
        return self.params.get(name, [])


def _encodings(params: dict[str, list[str]]) -> set[str]:
    """ENCODING values and bare parameters, upper case: where QUOTED-PRINTABLE or BASE64
    may be said."""
    return {v.strip().upper() for key in ("ENCODING", "TYPE") for v in params.get(key, ())}


@dataclass(slots=True)
class RawCard:
    """A card's properties in file order, the line of its BEGIN, and its warnings."""

    line: int
    properties: list[Property] = field(default_factory=list)
    warnings: list[RowProblem] = field(default_factory=list)
    ended: bool = False

    def warn(self, line: int, reason: str) -> None:
        self.warnings.append(RowProblem(f"line {line}", reason, kept=True))


@dataclass(slots=True)
class _Pending:
    prop: Property
    parts: list[bytes]
    skip: bool  # binary: its lines are counted, never kept


def shown(raw: bytes) -> str:
    """A line's start as the person would recognise it in the file."""
    text = raw.decode("utf-8", errors="replace").strip()
    return text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…"


def parse_params(text: str) -> dict[str, list[str]]:
    """`;TYPE=work,voice;PREF;CHARSET="UTF-8"` as {"TYPE": ["work", "voice", "PREF"], …}."""
    params: dict[str, list[str]] = {}
    for item in _split_unquoted(text, ";"):
        if not item.strip():
            continue
        key, equals, value = item.partition("=")
        if not equals:  # vCard 2.1's bare parameters: TEL;WORK;PREF
            key, value = "TYPE", key
        values = params.setdefault(key.strip().upper(), [])
        for one in _split_unquoted(value, ","):
            values.append(one.strip().strip('"'))
    return params


def _split_unquoted(text: str, separator: str) -> list[str]:
    parts: list[str] = []
    current: list[str] = []
    quoted = False
    for char in text:
        if char == '"':
            quoted = not quoted
        if char == separator and not quoted:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return parts


def _value_start(rest: bytes) -> int:
    """The first colon outside a quoted parameter value (`TYPE="a:b"`), or -1."""
    colon = rest.find(b":")
    quote = rest.find(b'"', 0, colon if colon >= 0 else len(rest))
    if quote < 0:
        return colon
    quoted = False
    for index in range(quote, len(rest)):
        byte = rest[index]
        if byte == 0x22:
            quoted = not quoted
        elif byte == 0x3A and not quoted:
            return index
    return -1


def _property(line: bytes, number: int) -> Property | None:
    match = _NAME.match(line)
    if match is None:
        return None
    group, name = match.group(1) or b"", match.group(2)
    rest = line[match.end() :]
    colon = _value_start(rest)
    if colon < 0:
        return None
    params = parse_params(rest[1:colon].decode("utf-8", errors="replace")) if colon else {}
    upper = name.decode("ascii").upper()
    encodings = _encodings(params) if params else set()
    return Property(
        number,
        group.decode("ascii"),
        upper,
        params,
        rest[colon + 1 :],
        quoted_printable="QUOTED-PRINTABLE" in encodings,
        binary=(upper in BINARY and upper != "SOUND") or bool(encodings & {"BASE64", "B"}),
    )


def _is(prop: Property, name: str) -> bool:
    return prop.name == name and prop.value.strip().upper() == b"VCARD"


class _Reader:
    """The state of one pass over the file's lines."""

    def __init__(self) -> None:
        self.card: RawCard | None = None
        self.pending: _Pending | None = None
        self.nested: tuple[int, int] | None = None  # (first line, depth) of a card in a card
        self.file_warnings: list[RowProblem] = []
        self.run_on: Property | None = None  # a value whose line ended in a backslash

    def warn(self, line: int, reason: str) -> None:
        target = self.card.warnings if self.card is not None else self.file_warnings
        target.append(RowProblem(f"line {line}", reason, kept=self.card is not None))

    def flush(self) -> None:
        pending, self.pending = self.pending, None
        if pending is None or pending.skip or self.card is None:
            return
        pending.prop.value = b"".join(pending.parts)
        self.card.properties.append(pending.prop)
        self.run_on = pending.prop if pending.prop.value.endswith(b"\\") else None

    def continues(self, line: bytes) -> bool:
        """Whether this line belongs to the property being read."""
        pending = self.pending
        if pending is None:
            return False
        if pending.prop.quoted_printable and _SOFT_BREAK.search(pending.parts[-1]):
            pending.parts[-1] = _SOFT_BREAK.sub(b"", pending.parts[-1])
            pending.parts.append(line)
            return True
        if line[:1] in (b" ", b"\t"):
            if not pending.skip:
                pending.parts.append(line[1:])
            return True
        # vCard 2.1 base64 runs on over unindented lines until a blank line.
        return pending.skip and b":" not in line and _BASE64_LINE.fullmatch(line) is not None


def read_cards(raw: bytes) -> tuple[list[RawCard], list[RowProblem]]:
    """Every card in the file, and warnings about lines outside any card."""
    reader = _Reader()
    cards: list[RawCard] = []
    position, number = 0, 0
    line_break = _LINE_BREAK if b"\n" in raw else _CR_LINE_BREAK
    while position < len(raw):
        match = line_break.search(raw, position)
        end, after = (match.start(), match.end()) if match else (len(raw), len(raw))
        number += 1
        cards.extend(_take(reader, number, raw[position:end]))
        position = after
        if reader.pending is not None and reader.pending.skip:
            # A photo's folded lines are passed over, only counted.
            position, lines = _skip_folded(raw, position)
            number += lines
    reader.flush()
    if reader.card is not None:
        reader.card.warn(reader.card.line, "the file ends inside this card (no END:VCARD)")
        cards.append(reader.card)
    return cards, reader.file_warnings


def _skip_folded(raw: bytes, position: int) -> tuple[int, int]:
    """Where the folded lines (those that begin with a space or tab) from `position` end,
    and how many they are. Two scans in C, not a loop over 50,000 lines of a photo; a
    run that ends the file or holds a lone CR line break is left to the line reader."""
    if position >= len(raw) or raw[position] not in b" \t":
        return position, 0
    found = _RUN_END.search(raw, position)
    if found is None or _LONE_CR.search(raw, position, found.end()):
        return position, 0
    return found.end(), raw.count(b"\n", position, found.end())


def _take(reader: _Reader, number: int, line: bytes) -> Iterator[RawCard]:
    if reader.continues(line):
        return
    reader.flush()
    if not line.strip():
        reader.run_on = None
        return
    prop = _property(line, number)
    if reader.nested is not None:
        _inside_nested(reader, prop, number)
        return
    if prop is None:
        _not_a_property(reader, number, line)
        return
    reader.run_on = None
    if _is(prop, "BEGIN"):
        if reader.card is None:
            reader.card = RawCard(number)
        else:
            reader.nested = (number, 1)
        return
    if _is(prop, "END"):
        if reader.card is None:
            reader.warn(number, "END:VCARD without BEGIN:VCARD; skipped")
        else:
            reader.card.ended = True
            yield reader.card
            reader.card = None
        return
    if reader.card is None:
        reader.warn(number, f"“{shown(line)}” is outside any card; skipped")
        return
    reader.pending = _Pending(prop, [prop.value], skip=prop.binary)


def _inside_nested(reader: _Reader, prop: Property | None, number: int) -> None:
    assert reader.nested is not None
    first, depth = reader.nested
    if prop is not None and _is(prop, "BEGIN"):
        reader.nested = (first, depth + 1)
    elif prop is not None and _is(prop, "END"):
        if depth > 1:
            reader.nested = (first, depth - 1)
        else:
            reader.nested = None
            reader.warn(first, f"a card inside this card (lines {first}–{number}); skipped")


def _not_a_property(reader: _Reader, number: int, line: bytes) -> None:
    run_on = reader.run_on
    if run_on is not None and reader.card is not None:
        # vCard 2.1 writers that continue an address with a trailing backslash.
        if run_on in reader.card.properties:
            reader.card.properties.remove(run_on)
            reader.warn(
                run_on.line,
                f"{run_on.name} runs on over the next lines with backslashes; skipped",
            )
        reader.run_on = run_on if line.rstrip().endswith(b"\\") else None
        return
    if line.lstrip().startswith(b"#"):
        reader.warn(number, f"“{shown(line)}” is a comment, not vCard; skipped")
    else:
        reader.warn(number, f"“{shown(line)}” is not a vCard property; skipped")
