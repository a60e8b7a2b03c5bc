"""What the contact importers (LinkedIn CSV, vCard, OnTrack's contacts CSV) give back,
and the one error they raise for a file that cannot be read at all."""

from __future__ import annotations

from ..domain.contact_import import ContactFile, ContactImportError

# ContactFile and ContactImportError are the domain's (the window names them too); the
# importers take them from here with the helpers below.
__all__ = [
    "MAX_FIELD",
    "MAX_FILE_BYTES",
    "MAX_FILE_TEXT",
    "WINDOWS_1252",
    "ContactFile",
    "ContactImportError",
    "check_size",
    "clip",
    "counted",
    "decode_text",
    "decode_text_noting",
]

# Longer than any field is kept (see contact_fit): a first cut of damage, not data.
MAX_FIELD = 200_000
# The largest contacts file read. Photos make vCards big (a phone's 2,000 contacts with
# photos come to about 30 MB) and are skipped unread, so 100 MB reads in a few seconds;
# a larger file is refused in words before it is read into memory.
MAX_FILE_BYTES = 100_000_000
MAX_FILE_TEXT = "100 MB"


def decode_text(raw: bytes, what: str) -> str:
    """Bytes of a text file as text: UTF-8 (with or without BOM), UTF-16 with a BOM, or
    Windows-1252 (what older Outlook versions and Excel's "CSV" write)."""
    return decode_text_noting(raw, what)[0]


def decode_text_noting(raw: bytes, what: str) -> tuple[str, bool]:
    """`decode_text`, and whether the text had to be read as Windows-1252."""
    check_size(len(raw), what)
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16"), False
        except UnicodeDecodeError:
            raise ContactImportError("", f"the {what} is not readable UTF-16 text") from None
    try:
        return raw.decode("utf-8-sig"), False
    except UnicodeDecodeError:
        pass
    if b"\x00" in raw:
        raise ContactImportError("", f"the {what} is not a text file")
    return raw.decode("cp1252", errors="replace"), True


WINDOWS_1252 = (
    "the file is not UTF-8, so it was read as Windows-1252, as Excel saves CSV; "
    "check the accented names"
)


def check_size(size: int, what: str) -> None:
    if size > MAX_FILE_BYTES:
        raise ContactImportError(
            "",
            f"the {what} is {size / 1e6:,.0f} MB; OnTrack reads contact files of up to "
            f"{MAX_FILE_TEXT}",
        )


def counted(count: int, word: str, words: str | None = None) -> str:
    """'1 contact', '2,345 contacts' (or the irregular plural given)."""
    return f"{count:,} {word if count == 1 else words or word + 's'}"


def clip(text: str) -> str:
    return text.strip()[:MAX_FIELD]
