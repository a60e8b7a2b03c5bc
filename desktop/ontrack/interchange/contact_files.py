"""Read any contacts file OnTrack understands, choosing the reader by its content.

Files over `MAX_FILE_BYTES` (100 MB) are refused in words before they are read.
"""

from __future__ import annotations

from pathlib import Path

from .contact_errors import ContactFile, ContactImportError, check_size, decode_text
from .contacts_csv import looks_like_ontrack_csv, read_contacts_csv
from .linkedin_csv import looks_like_linkedin, read_connections
from .vcard import read_vcards


def read_contacts(raw: bytes) -> ContactFile:
    check_size(len(raw), "file")
    head = decode_text(raw[:8000], "file") if raw else ""
    # Bytes, not the decoded head: a Shift_JIS or UTF-16 vCard still says BEGIN:VCARD.
    if "BEGIN:VCARD" in head.upper() or b"BEGIN:VCARD" in raw[:8000].upper():
        return read_vcards(raw)
    if looks_like_linkedin(head):
        return read_connections(raw)
    if looks_like_ontrack_csv(head):
        return read_contacts_csv(raw)
    raise ContactImportError(
        "", "not a contacts file: expected LinkedIn's Connections.csv or a vCard (.vcf) file"
    )


def read_contacts_file(path: Path) -> ContactFile:
    try:
        check_size(path.stat().st_size, "file")
        raw = path.read_bytes()
    except OSError as error:
        raise ContactImportError(
            "", f"cannot read {path.name}: {error.strerror or error}"
        ) from None
    return read_contacts(raw)
