"""vCard 2.1, 3.0 and 4.0 files (Apple Contacts, Google Contacts, Outlook) to contacts, and
contacts to vCard 3.0.

vobject does the lexing: unfolding, quoted-printable soft line breaks and charsets,
parameters and property groups (`item1.EMAIL`). Values are unescaped here, because
vobject's own value decoding keeps only the first comma-separated part of a text property,
and vCard 2.1 (Outlook) does not escape commas in notes and addresses.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator, Sequence
from datetime import date
from typing import Any

import vobject
from vobject.base import VObjectError, getLogicalLines, textLineToContentLine

from ..domain.contact_matching import RowProblem
from ..domain.ids import new_id
from ..domain.network import MAX_RECONNECT_DAYS, Contact
from .contact_errors import ContactFile, ContactImportError, clip, decode_text

_UNESCAPE = re.compile(r"\\(.)", re.DOTALL)
_LOCAL_PREFIX = "X-ONTRACK-"
# Groups Google Contacts puts every contact in; they say nothing about the person.
_SYSTEM_GROUPS = {"mycontacts", "starred", "imported on"}


def _unescape(text: str) -> str:
    return _UNESCAPE.sub(lambda m: "\n" if m.group(1) in "nN" else m.group(1), text)


def _split(text: str, separator: str) -> list[str]:
    """Split on unescaped separators, then unescape each part."""
    parts, current, escaped = [], [], False
    for char in text:
        if escaped:
            current.append("\\" + char)
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == separator:
            parts.append(_unescape("".join(current)))
            current = []
        else:
            current.append(char)
    parts.append(_unescape("".join(current)))
    return parts


class _Card:
    """One card's properties: name -> [(group, params, raw value)]."""

    def __init__(self, number: int) -> None:
        self.number = number
        self.properties: dict[str, list[tuple[str, dict[str, list[str]], str]]] = {}
        self.labels: dict[str, str] = {}  # group -> X-ABLabel (Apple's labels for item groups)

    def add(self, name: str, group: str, params: dict[str, list[str]], value: str) -> None:
        if name == "X-ABLABEL" and group:
            self.labels[group.lower()] = value
        self.properties.setdefault(name, []).append((group, params, value))

    def text(self, name: str) -> str:
        values = self.properties.get(name)
        return clip(_unescape(values[0][2])) if values else ""

    def preferred(self, name: str) -> str:
        values = self.properties.get(name, [])
        for _, params, value in values:
            kinds = {t.lower() for t in params.get("TYPE", [])} | set(params.get("PREF", []))
            if "pref" in kinds or "PREF" in params or "1" in params.get("PREF", []):
                return clip(_unescape(value))
        return clip(_unescape(values[0][2])) if values else ""


def _lines(text: str) -> Iterator[tuple[int, Any]]:
    for line, number in getLogicalLines(io.StringIO(text), True):
        try:
            yield number, textLineToContentLine(line, number)
        except (VObjectError, LookupError, UnicodeDecodeError, ValueError) as error:
            yield number, error


def _cards(text: str) -> Iterator[tuple[_Card | None, RowProblem | None]]:
    card: _Card | None = None
    broken: str | None = None
    count = 0
    for number, line in _lines(text):
        if isinstance(line, Exception):
            if card is not None and broken is None:
                broken = f"line {number} cannot be read ({_reason(line)})"
            elif card is None:
                raise ContactImportError(f"line {number}", "this is not a vCard line")
            continue
        name = line.name.upper()
        value = line.value if isinstance(line.value, str) else ""
        if name == "BEGIN" and value.upper() == "VCARD":
            if card is not None:
                yield None, RowProblem(f"card {card.number}", "it has no END:VCARD line")
            count += 1
            card, broken = _Card(count), None
        elif name == "END" and value.upper() == "VCARD":
            if card is None:
                raise ContactImportError(f"line {number}", "END:VCARD without BEGIN:VCARD")
            yield (None, RowProblem(f"card {card.number}", broken)) if broken else (card, None)
            card = None
        elif card is None:
            raise ContactImportError(f"line {number}", "text outside BEGIN:VCARD … END:VCARD")
        else:
            card.add(name, line.group or "", line.params, value)
    if card is not None:
        yield None, RowProblem(f"card {card.number}", "the file ends inside this card")


def _reason(error: Exception) -> str:
    if isinstance(error, LookupError):
        return "unknown character set"
    if isinstance(error, UnicodeDecodeError):
        return "its text does not match its character set"
    return "malformed property"


def _name(card: _Card) -> str:
    name = card.text("FN")
    if name:
        return " ".join(name.split())
    structured = card.properties.get("N")
    if structured:
        parts = _split(structured[0][2], ";") + [""] * 5
        family, given, middle, prefix, suffix = (p.strip() for p in parts[:5])
        return " ".join(p for p in (prefix, given, middle, family, suffix) if p)[:500]
    return ""


def _linkedin(card: _Card) -> str:
    for name in ("URL", "X-SOCIALPROFILE"):
        for group, params, value in card.properties.get(name, []):
            url = _unescape(value).strip()
            label = card.labels.get(group.lower(), "") if group else ""
            kinds = " ".join(params.get("TYPE", [])) + " " + label
            if "linkedin" in url.lower() or "linkedin" in kinds.lower():
                return clip(url)
    return ""


def _day(text: str) -> date | None:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        return None


def _is_tag(text: str) -> bool:
    folded = text.strip().casefold()
    return bool(folded) and not any(folded.startswith(g) for g in _SYSTEM_GROUPS)


def _phone(text: str) -> str:
    return text.removeprefix("tel:")  # vCard 4.0 writes telephone numbers as tel: URIs


def _contact(card: _Card) -> Contact:
    name = _name(card)
    if not name:
        org = card.properties.get("ORG")
        name = _split(org[0][2], ";")[0].strip() if org else ""
    if not name:
        raise ValueError("it has no name (FN or N)")
    org = card.properties.get("ORG")
    company = clip(_split(org[0][2], ";")[0]) if org else ""
    tags: list[str] = []
    for _, _, value in card.properties.get("CATEGORIES", []):
        tags += [t.strip()[:100] for t in _split(value, ",") if _is_tag(t)]
    cadence_text = card.text(_LOCAL_PREFIX + "RECONNECT-EVERY-DAYS")
    cadence = int(cadence_text) if cadence_text.isdigit() else None
    return Contact(
        id=new_id(),
        name=name,
        company=company,
        role=card.text("TITLE") or card.text("ROLE"),
        email=card.preferred("EMAIL"),
        phone=_phone(card.preferred("TEL")),
        linkedin_url=_linkedin(card),
        how_met=card.text(_LOCAL_PREFIX + "HOW-MET"),
        notes=card.text("NOTE").replace("\r\n", "\n").replace("\r", "\n"),
        met_on=_day(card.text(_LOCAL_PREFIX + "MET-ON")),
        tags=tuple(dict.fromkeys(tags)),
        reconnect_every_days=min(cadence, MAX_RECONNECT_DAYS) if cadence else None,
    )


def read_vcards(raw: bytes) -> ContactFile:
    """Every card in a .vcf file; cards that cannot be read are listed with the reason."""
    text = decode_text(raw, "vCard file")
    if "BEGIN:VCARD" not in text.upper():
        raise ContactImportError("", "this is not a vCard file (no BEGIN:VCARD)")
    contacts: list[Contact] = []
    problems: list[RowProblem] = []
    for card, problem in _cards(text):
        if problem is not None:
            problems.append(problem)
            continue
        assert card is not None
        try:
            contacts.append(_contact(card))
        except ValueError as error:
            problems.append(RowProblem(f"card {card.number}", str(error)))
    if not contacts and not problems:
        raise ContactImportError("", "the file holds no contact cards")
    return ContactFile(tuple(contacts), tuple(problems))


# -- writing ---------------------------------------------------------------------------------
def write_vcards(contacts: Sequence[Contact]) -> str:
    """vCard 3.0 text for these contacts (what Apple, Google and Outlook all import).

    How and when you met and the keep-in-touch cadence go in X-ONTRACK- properties, which
    other programs keep but ignore, so that a round trip through OnTrack loses nothing."""
    return "".join(str(_card(contact).serialize()) for contact in contacts)


def _card(contact: Contact) -> Any:
    card = vobject.vCard()
    card.add("fn").value = contact.name
    words = contact.name.split()
    family = words[-1] if len(words) > 1 else ""
    given = " ".join(words[:-1]) if len(words) > 1 else contact.name
    card.add("n").value = vobject.vcard.Name(family=family, given=given)
    if contact.company:
        card.add("org").value = [contact.company]
    simple = {
        "title": contact.role,
        "email": contact.email,
        "tel": contact.phone,
        "url": contact.linkedin_url,
        "note": contact.notes,
        "x-ontrack-how-met": contact.how_met,
    }
    for name, value in simple.items():
        if value:
            card.add(name).value = value
    if contact.email:
        card.email.type_param = "INTERNET"
    if contact.tags:
        card.add("categories").value = list(contact.tags)
    if contact.met_on:
        card.add("x-ontrack-met-on").value = contact.met_on.isoformat()
    if contact.reconnect_every_days:
        card.add("x-ontrack-reconnect-every-days").value = str(contact.reconnect_every_days)
    return card
