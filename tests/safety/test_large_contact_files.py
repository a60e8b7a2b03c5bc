"""Contact files made big by what they carry: a real card around a 4 MB photo reads, with
its name, and a file over the size limit is refused in words before it is read.

(How fast the photo card reads is measured in tests/benchmarks/bench_import.py, not here.)
"""

from __future__ import annotations

import base64
import os
from pathlib import Path

import pytest

from ontrack.interchange.contact_errors import MAX_FILE_BYTES, ContactImportError
from ontrack.interchange.contact_files import read_contacts, read_contacts_file

CORPUS = Path(__file__).resolve().parents[1] / "data" / "contacts"
PHOTO_BYTES = 4_000_000


def _photo_lines(folded: bool) -> bytes:
    encoded = base64.b64encode(os.urandom(PHOTO_BYTES * 3 // 4))
    if not folded:
        return encoded
    return b"\r\n ".join(encoded[i : i + 74] for i in range(0, len(encoded), 74))


def _with_photo(name: str, photo_line: bytes) -> bytes:
    """A real card from the corpus with a 4 MB PHOTO put in before its END:VCARD."""
    card = (CORPUS / name).read_bytes()
    end = card.upper().rindex(b"END:VCARD")
    return card[:end] + photo_line + b"\r\n" + card[end:]


@pytest.mark.parametrize(
    ("name", "photo"),
    [
        # vCard 3.0 (Gmail), folded as RFC 2426 says
        ("ezvcard-gmail-single.vcf", b"PHOTO;ENCODING=b;TYPE=JPEG:" + _photo_lines(True)),
        # vCard 2.1 (Outlook 2003), unfolded on one line, then a blank line
        (
            "ezvcard-outlook-2003.vcf",
            b"PHOTO;TYPE=JPEG;ENCODING=BASE64:" + _photo_lines(False) + b"\r\n",
        ),
        # vCard 4.0: a data: URI
        (
            "ezvcard-rfc6350-example.vcf",
            b"PHOTO:data:image/jpeg;base64," + _photo_lines(False),
        ),
    ],
)
def test_a_card_with_a_4_mb_photo_imports_with_its_name(name: str, photo: bytes) -> None:
    without = read_contacts((CORPUS / name).read_bytes())
    raw = _with_photo(name, photo)
    assert len(raw) > PHOTO_BYTES
    found = read_contacts(raw)
    assert [c.name for c in found.contacts] == [c.name for c in without.contacts]
    assert found.contacts[0].notes == without.contacts[0].notes
    assert found.problems == without.problems


def test_a_file_over_the_limit_is_refused_before_it_is_read(tmp_path: Path) -> None:
    huge = tmp_path / "everyone.vcf"
    with huge.open("wb") as out:
        out.write(b"BEGIN:VCARD\r\nFN:A\r\nEND:VCARD\r\n")
        out.truncate(MAX_FILE_BYTES + 1)  # sparse: no 100 MB written
    with pytest.raises(ContactImportError, match=r"100 MB; OnTrack reads contact files of up"):
        read_contacts_file(huge)
