"""A faster reader of the PDF hexadecimal strings (`<48656C6C6F>`) pypdf meets in a file.

PyMuPDF and other form fillers write a typed comment as a hex string of UTF-16, and often
in three places (the field's value and two appearance streams). pypdf reads such a string
one byte at a time (3.5 µs a digit): a returned questionnaire carrying a 1 MB comment,
4 million hex digits, took 14 s to read, and the 4 MB a comment may hold nearly a minute.
This reader finds the closing `>` in blocks, drops the whitespace the format allows
between digits and decodes the whole with `bytes.fromhex`: the same string, found 100
times faster. Anything it does not recognise as plain hex digits (a malformed or truncated
string) goes to pypdf's own reader, read again from the start, so errors are pypdf's.

It replaces the name pypdf's object parser calls (`pypdf.generic._data_structures`); a
pypdf without that name keeps its own reader.
"""

from __future__ import annotations

import re
from typing import Any

_WHITESPACE = b"\x00\t\n\f\r "  # pypdf's WHITESPACES: what may stand between the digits
_HEX_DIGITS = re.compile(rb"[0-9A-Fa-f]*")
_BLOCK = 1 << 16


def install() -> None:
    """Let pypdf's object parser read hex strings with `read_hex_string` (once)."""
    from pypdf.generic import _data_structures

    original = getattr(_data_structures, "read_hex_string_from_stream", None)
    if original is None or getattr(original, "_ontrack", False):
        return

    def read_hex_string(stream: Any, forced_encoding: Any = None) -> Any:
        return _read(stream, forced_encoding, original)

    read_hex_string._ontrack = True  # type: ignore[attr-defined]
    setattr(_data_structures, "read_hex_string_from_stream", read_hex_string)  # noqa: B010


def _read(stream: Any, forced_encoding: Any, original: Any) -> Any:
    """The hex string at the stream's `<`, the stream left just after its `>`."""
    from pypdf.generic import create_string_object

    start = stream.tell()
    stream.read(1)  # the "<"
    blocks: list[bytes] = []
    while True:
        block = stream.read(_BLOCK)
        end = block.find(b">")
        if end >= 0:
            blocks.append(block[:end])
            stream.seek(end + 1 - len(block), 1)  # back to just after the ">"
            break
        if not block:  # no ">" before the end: pypdf's reader says it is truncated
            stream.seek(start)
            return original(stream, forced_encoding)
        blocks.append(block)
    digits = b"".join(blocks).translate(None, _WHITESPACE)
    if not _HEX_DIGITS.fullmatch(digits):  # a stray character: pypdf's reader says which
        stream.seek(start)
        return original(stream, forced_encoding)
    if len(digits) % 2:
        digits += b"0"  # an odd last digit is followed by 0 (PDF 32000-1, 7.3.4.3)
    return create_string_object(bytes.fromhex(digits.decode("ascii")), forced_encoding)
