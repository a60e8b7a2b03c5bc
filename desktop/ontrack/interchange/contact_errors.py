"""What the contact importers (LinkedIn CSV, vCard, OnTrack's contacts CSV) give back,
and the one error they raise for a file that cannot be read at all."""

from __future__ import annotations

from dataclasses import dataclass

from ..domain.contact_matching import RowProblem
from ..domain.network import Contact

# Longer than any real field; a bigger one is damage, not data.
MAX_FIELD = 20_000
MAX_FILE_BYTES = 50_000_000


class ContactImportError(Exception):
    """A contacts file that cannot be imported; names the line or card and the reason."""

    def __init__(self, where: str, reason: str) -> None:
        super().__init__(where, reason)
        self.where = where
        self.reason = reason

    def __str__(self) -> str:
        return f"{self.where}: {self.reason}" if self.where else self.reason


@dataclass(frozen=True, slots=True)
class ContactFile:
    """The contacts read from a file, and the rows or cards that could not be read."""

    contacts: tuple[Contact, ...]
    problems: tuple[RowProblem, ...] = ()


def decode_text(raw: bytes, what: str) -> str:
    """Bytes of a text file as text: UTF-8 (with or without BOM), UTF-16 with a BOM, or
    Windows-1252 (what older Outlook versions write)."""
    if len(raw) > MAX_FILE_BYTES:
        raise ContactImportError("", f"the {what} is larger than 50 MB")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            raise ContactImportError("", f"the {what} is not readable UTF-16 text") from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    if b"\x00" in raw:
        raise ContactImportError("", f"the {what} is not a text file")
    return raw.decode("cp1252", errors="replace")


def clip(text: str) -> str:
    return text.strip()[:MAX_FIELD]
