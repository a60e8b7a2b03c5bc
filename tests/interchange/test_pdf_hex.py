"""The faster hex-string reader gives pypdf's answer for every string, leaves the stream
where pypdf's does, and leaves malformed strings to pypdf's own errors."""

from __future__ import annotations

import io

import pytest
from pypdf.errors import PdfStreamError
from pypdf.generic import _data_structures
from pypdf.generic._utils import read_hex_string_from_stream as pypdf_reader

from ontrack.interchange import pdf_hex

CASES = [
    b"<>",
    b"<48656C6C6F>",
    b"<48656c6c6f>",
    b"<4 8 65\n6C\r\n6C\t6F\x00>",
    b"<FEFF004100E9>",  # UTF-16 with its byte-order mark: a text string
    b"<901FA>",  # an odd number of digits: the last is followed by 0
    b"<" + b"FEFF" + "漢字 مرحبا <i>&".encode("utf-16-be").hex().encode() * 5000 + b">",
]
AFTER = b" /Next 12 0 R>>"


def _both(data: bytes) -> tuple[object, int, object, int]:
    ours = io.BytesIO(b"xx" + data + AFTER)
    ours.seek(2)
    theirs = io.BytesIO(b"xx" + data + AFTER)
    theirs.seek(2)
    result = pdf_hex._read(ours, None, pypdf_reader)
    expected = pypdf_reader(theirs, None)
    return result, ours.tell(), expected, theirs.tell()


@pytest.mark.parametrize("data", CASES, ids=range(len(CASES)))
def test_it_reads_what_pypdf_reads_and_stops_where_pypdf_stops(data: bytes) -> None:
    result, position, expected, expected_position = _both(data)
    assert (type(result), result, position) == (type(expected), expected, expected_position)


@pytest.mark.parametrize("data", [b"<48656Z6C>", b"<4865", b"<48<65>"])
def test_a_malformed_string_gets_pypdf_s_own_error(data: bytes) -> None:
    with pytest.raises(PdfStreamError) as theirs:
        pypdf_reader(io.BytesIO(data), None)
    with pytest.raises(PdfStreamError) as ours:
        pdf_hex._read(io.BytesIO(data), None, pypdf_reader)
    assert str(ours.value) == str(theirs.value)


def test_a_string_across_blocks_is_read_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_hex, "_BLOCK", 7)
    for data in CASES:
        result, position, expected, expected_position = _both(data)
        assert (result, position) == (expected, expected_position)


class _CountedReads(io.BytesIO):
    def __init__(self, data: bytes) -> None:
        super().__init__(data)
        self.reads = 0

    def read(self, size: int | None = -1, /) -> bytes:
        self.reads += 1
        return super().read(size)


def test_installed_it_reads_a_megabyte_string_in_blocks_not_bytes() -> None:
    pdf_hex.install()
    pdf_hex.install()  # a second call changes nothing
    reader = _data_structures.read_hex_string_from_stream
    assert getattr(reader, "_ontrack", False)
    text = ("مرحبا 漢字 <i>x</i> & " * 60_000)[:1_000_000]
    data = _CountedReads(b"<FEFF" + text.encode("utf-16-be").hex().upper().encode() + b">")
    assert str(reader(data, None)) == text
    # pypdf's own reader reads each of the 4 million digits alone (about 5 s here).
    assert data.reads < 100
