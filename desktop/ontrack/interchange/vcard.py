"""vCard 2.1, 3.0 and 4.0 files (phones, Outlook, Apple, Google, Thunderbird) to
contacts, and contacts to vCard 3.0.

The file is read from bytes by `contact_vcard_lines` (cards, properties, line numbers,
binary values skipped unread) and each value decoded by `contact_vcard_values` (its own
charset, quoted-printable, escapes). Here a card becomes a contact:

- the name is FN, else the structured N (family name first for Chinese, Japanese and
  Korean names), else the company; a card with none of them is left out, the only
  reason a card is;
- the preferred e-mail and phone win (`TEL;WORK;PREF`, `EMAIL;PREF;INTERNET`,
  `TYPE=pref`, the lowest `PREF=`), else the first;
- every NOTE is kept, joined by a blank line;
- a property that cannot be read is skipped and listed as a warning with its line, and
  the card is kept.

vobject writes the export; reading does not use it (its line unfolding is quadratic on
a large photo, and it decodes one charset per file).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from ..domain.contact_matching import RowProblem
from ..domain.ids import new_id
from ..domain.network import MAX_RECONNECT_DAYS, Contact, NameParts
from .contact_errors import ContactFile, ContactImportError, check_size, clip
from .contact_fit import fit
from .contact_vcard_lines import Property, RawCard, read_cards
from .contact_vcard_values import (
    JAPANESE,
    UnreadableValueError,
    decode,
    fallback_for,
    split,
    unescape,
)

_LOCAL_PREFIX = "X-ONTRACK-"
# Groups Google Contacts puts every contact in; they say nothing about the person.
_SYSTEM_GROUPS = {"mycontacts", "starred", "imported on"}
# The properties a contact is made of; the others are never decoded.
_USED = frozenset(
    {"VERSION", "FN", "N", "ORG", "TITLE", "ROLE", "EMAIL", "TEL", "URL", "NOTE",
     "CATEGORIES", "X-SOCIALPROFILE", "X-ABLABEL"}
)  # fmt: skip
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


@dataclass(slots=True)
class _Card:
    """One card's readable values: name -> [(property, decoded text)]."""

    line: int
    legacy: bool = False  # vCard 2.1: only `\\;` is an escape
    values: dict[str, list[tuple[Property, str]]] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)  # Apple's item groups' X-ABLabel

    def raw(self, name: str) -> list[tuple[Property, str]]:
        return self.values.get(name, [])

    def text(self, name: str) -> str:
        found = self.raw(name)
        return clip(unescape(found[0][1], self.legacy)) if found else ""

    def first_part(self, name: str) -> str:
        found = self.raw(name)
        return clip(split(found[0][1], ";", self.legacy)[0]) if found else ""

    def preferred(self, name: str) -> str:
        found = self.raw(name)
        if not found:
            return ""
        best = min(found, key=lambda pair: _rank(pair[0]))
        return clip(unescape(best[1], self.legacy))


def _rank(prop: Property) -> int:
    """Lower is more preferred: PREF=1 (4.0) first, then TYPE=pref or bare PREF."""
    for value in prop.param("PREF"):
        if value.strip().isdigit():
            return int(value)
    kinds = {kind.strip().lower() for kind in prop.param("TYPE")}
    return 100 if "pref" in kinds else 1000


_WHAT = {
    "FN": "the name (FN)",
    "N": "the name (N)",
    "ORG": "the company (ORG)",
    "TITLE": "the job title (TITLE)",
    "ROLE": "the role (ROLE)",
    "EMAIL": "an e-mail address (EMAIL)",
    "TEL": "a phone number (TEL)",
    "NOTE": "a note (NOTE)",
    "URL": "a web address (URL)",
    "CATEGORIES": "the groups (CATEGORIES)",
}


def _what(name: str) -> str:
    return _WHAT.get(name, name)


class _Guess:
    """How values without a charset that are not UTF-8 are read (worked out from the
    whole file the first time one is met), and where that was."""

    def __init__(self, raw: bytes) -> None:
        self._raw = raw
        self._codec = ""
        self.lines: list[int] = []

    def codec(self) -> str:
        if not self._codec:
            self._codec = fallback_for(self._raw)
        return self._codec

    def warning(self) -> RowProblem:
        if self.codec() == JAPANESE:
            how = "Shift_JIS, as Japanese phones write it; check the names"
        else:
            how = "Windows-1252, as Outlook writes it; check the accented names"
        reason = f"no character set is named and the text is not UTF-8, so it was read as {how}"
        return RowProblem(f"line {self.lines[0]}", reason, kept=True)


def _decoded(raw: RawCard, guess: _Guess) -> tuple[_Card, list[RowProblem]]:
    card = _Card(raw.line)
    warnings = list(raw.warnings)
    for prop in raw.properties:
        if prop.name not in _USED and not prop.name.startswith(_LOCAL_PREFIX):
            continue
        try:
            text, was_guessed = decode(prop, guess.codec)
        except UnreadableValueError as error:
            reason = f"{_what(prop.name)} {error}; skipped"
            warnings.append(RowProblem(f"line {prop.line}", reason, kept=True))
            continue
        if was_guessed:
            guess.lines.append(prop.line)
        if prop.name == "VERSION":
            card.legacy = text.strip() == "2.1"
        elif prop.name == "X-ABLABEL" and prop.group:
            card.labels[prop.group.lower()] = text
        card.values.setdefault(prop.name, []).append((prop, text))
    warnings.sort(key=lambda w: int(w.where.split()[-1]))
    return card, warnings


def _has_cjk(text: str) -> bool:
    return any(unicodedata.east_asian_width(char) == "W" for char in text)


def _name_parts(card: _Card) -> NameParts | None:
    """N's five parts (family; given; middle; prefix; suffix), or None when it has none."""
    found = card.raw("N")
    if not found:
        return None
    parts = [*split(found[0][1], ";", card.legacy), "", "", "", "", ""]
    family, given, middle, prefix, suffix = (" ".join(p.split()) for p in parts[:5])
    if not any((family, given, middle, prefix, suffix)):
        return None
    return NameParts(family, given, middle, prefix, suffix)


def _composed(parts: NameParts) -> str:
    if _has_cjk(parts.family + parts.given):  # 李 娜, 安藤 ロイド: family name first
        return " ".join(p for p in (parts.family, parts.given) if p)
    chosen = (parts.prefix, parts.given, parts.middle, parts.family, parts.suffix)
    return " ".join(p for p in chosen if p)


def _name(card: _Card) -> tuple[str, NameParts | None]:
    """The display name (FN, else N composed, else the company) and N's parts with it."""
    parts = _name_parts(card)
    name = " ".join(card.text("FN").split())
    name = name or (_composed(parts) if parts else "") or " ".join(card.first_part("ORG").split())
    return name, (replace(parts, display=name) if parts else None)


def _linkedin(card: _Card) -> str:
    for name in ("URL", "X-SOCIALPROFILE"):
        for prop, value in card.raw(name):
            url = unescape(value, card.legacy).strip()
            label = card.labels.get(prop.group.lower(), "") if prop.group else ""
            kinds = " ".join(prop.param("TYPE")) + " " + label
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


def _email(text: str) -> str:
    """`mailto:a@b`, `"Omega" <omega@example.com>` and `a@b` all as `a@b`."""
    text = text.strip().removeprefix("mailto:").removeprefix("MAILTO:")
    if "<" in text and text.rstrip().endswith(">"):
        text = text[text.rindex("<") + 1 : -1]
    return text.strip()


def _notes(card: _Card) -> str:
    notes = (unescape(text, card.legacy).strip() for _, text in card.raw("NOTE"))
    joined = "\n\n".join(n for n in notes if n)
    return clip(joined.replace("\r\n", "\n").replace("\r", "\n"))


def _contact(card: _Card) -> Contact:
    tags: list[str] = []
    for _, value in card.raw("CATEGORIES"):
        tags += [t.strip() for t in split(value, ",", card.legacy) if _is_tag(t)]
    cadence_text = card.text(_LOCAL_PREFIX + "RECONNECT-EVERY-DAYS")
    cadence = int(cadence_text) if cadence_text.isdigit() else None
    name, parts = _name(card)
    return Contact(
        id=new_id(),
        name=name,
        name_parts=parts,
        company=card.first_part("ORG"),
        role=card.text("TITLE") or card.text("ROLE"),
        email=_email(card.preferred("EMAIL")),
        phone=card.preferred("TEL").removeprefix("tel:"),  # vCard 4.0 writes tel: URIs
        linkedin_url=_linkedin(card),
        how_met=card.text(_LOCAL_PREFIX + "HOW-MET"),
        notes=_notes(card),
        met_on=_day(card.text(_LOCAL_PREFIX + "MET-ON")),
        tags=tuple(dict.fromkeys(tags)),
        reconnect_every_days=min(cadence, MAX_RECONNECT_DAYS) if cadence else None,
    )


def _as_utf8(raw: bytes) -> bytes:
    """A UTF-16 file (some Windows tools) as UTF-8 bytes; any other file as it is."""
    if raw.startswith(_UTF16_BOMS):
        try:
            return raw.decode("utf-16").encode("utf-8")
        except UnicodeDecodeError:
            raise ContactImportError("", "the vCard file is not readable UTF-16 text") from None
    return raw.removeprefix(b"\xef\xbb\xbf")


def _nameless(warnings: list[RowProblem]) -> str:
    unreadable = [w for w in warnings if w.reason.startswith(("the name (FN)", "the name (N)"))]
    if unreadable:
        return f"this card has no name that can be read ({unreadable[0]})"
    return "this card has no name (FN or N)"


def read_vcards(raw: bytes) -> ContactFile:
    """Every card in a .vcf file that has a name. Cards without one are listed with the
    reason; fields that cannot be read are listed as warnings, their cards kept."""
    check_size(len(raw), "vCard file")
    raw = _as_utf8(raw)
    if b"BEGIN:VCARD" not in raw.upper():
        raise ContactImportError("", "this is not a vCard file (no BEGIN:VCARD)")
    cards, problems = read_cards(raw)
    contacts: list[Contact] = []
    guess = _Guess(raw)
    for raw_card in cards:
        card, warnings = _decoded(raw_card, guess)
        contact = _contact(card)
        if contact.name:
            contacts.append(fit(contact, f"line {card.line}", warnings))
            problems += warnings
        else:
            problems.append(RowProblem(f"line {card.line}", _nameless(warnings)))
    if guess.lines:
        problems.insert(0, guess.warning())
    if not contacts and not problems:
        raise ContactImportError("", "the file holds no contact cards")
    return ContactFile(tuple(contacts), tuple(problems))


# -- writing ---------------------------------------------------------------------------------
def write_vcards(contacts: Sequence[Contact]) -> str:
    """vCard 3.0 text for these contacts (what Apple, Google and Outlook all import).

    How and when you met and the keep-in-touch cadence go in X-ONTRACK- properties, which
    other programs keep but ignore, so that a round trip through OnTrack loses nothing."""
    return "".join(str(_card(contact).serialize()) for contact in contacts)


def _guessed_parts(name: str) -> NameParts:
    """N for a name that came without one (typed in OnTrack, or from LinkedIn). Chinese,
    Japanese and Korean names are written family name first (安藤 ロイド), as the reader
    composes them; others end in the family name."""
    words = name.split()
    if len(words) < 2:
        return NameParts(given=name)
    if _has_cjk(name):
        return NameParts(family=words[0], given=" ".join(words[1:]))
    return NameParts(family=words[-1], given=" ".join(words[:-1]))


def _card(contact: Contact) -> Any:
    import vobject  # only export needs it; reading does not load it

    card = vobject.vCard()
    card.add("fn").value = contact.name
    parts = contact.parts or _guessed_parts(contact.name)
    card.add("n").value = vobject.vcard.Name(
        family=parts.family,
        given=parts.given,
        additional=parts.middle,
        prefix=parts.prefix,
        suffix=parts.suffix,
    )
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
