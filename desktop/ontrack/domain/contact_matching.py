"""Which imported contact is which existing one, and how two records of a person merge.

Two records are the same person when they share an e-mail address, a LinkedIn profile
URL, or a name and company (compared without case, accents of spacing aside).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, replace
from urllib.parse import urlsplit

from .network import Contact


def _fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def email_key(email: str) -> str:
    return _fold(email).replace(" ", "")


def linkedin_key(url: str) -> str:
    """`https://www.linkedin.com/in/Jane-Doe/?x=1` and `linkedin.com/in/jane-doe` agree."""
    text = url.strip()
    if not text:
        return ""
    if "://" not in text:
        text = "https://" + text
    try:
        parts = urlsplit(text)
    except ValueError:
        return _fold(url)
    host = parts.hostname or ""
    host = host.removeprefix("www.")
    return _fold(f"{host}{parts.path.rstrip('/')}")


def name_company_key(name: str, company: str) -> str:
    folded = _fold(name)
    return f"{folded}\x1f{_fold(company)}" if folded else ""


def match_keys(contact: Contact) -> tuple[str, ...]:
    keys = (
        "e:" + email_key(contact.email) if contact.email.strip() else "",
        "l:" + linkedin_key(contact.linkedin_url) if contact.linkedin_url.strip() else "",
        "n:" + name_company_key(contact.name, contact.company),
    )
    return tuple(k for k in keys if k and k != "n:")


class ContactIndex:
    """Finds the existing contact (by id) that an incoming one duplicates."""

    def __init__(self, contacts: Iterable[Contact] = ()) -> None:
        self._ids: dict[str, str] = {}
        for contact in contacts:
            self.add(contact)

    def add(self, contact: Contact) -> None:
        for key in match_keys(contact):
            self._ids.setdefault(key, contact.id)

    def find(self, contact: Contact) -> str | None:
        for key in match_keys(contact):
            if key in self._ids:
                return self._ids[key]
        return None


def merge(existing: Contact, incoming: Contact) -> Contact:
    """The existing record, completed from the incoming one: empty fields filled in, tags
    and interactions joined, notes appended when they differ. Nothing existing is lost."""
    fields = ("company", "role", "email", "phone", "linkedin_url", "how_met")
    filled = {f: getattr(existing, f) or getattr(incoming, f) for f in fields}
    notes = existing.notes
    if incoming.notes.strip() and incoming.notes.strip() not in notes:
        notes = f"{notes}\n\n{incoming.notes}".strip()
    tags = existing.tags + tuple(t for t in incoming.tags if t not in existing.tags)
    known = {x.id for x in existing.interactions}
    interactions = existing.interactions + tuple(
        x for x in incoming.interactions if x.id not in known
    )
    return replace(
        existing,
        **filled,
        notes=notes,
        met_on=existing.met_on or incoming.met_on,
        tags=tags,
        reconnect_every_days=existing.reconnect_every_days or incoming.reconnect_every_days,
        interactions=interactions,
        # The incoming structured name counts only if it is that of the existing name.
        name_parts=existing.parts or replace(existing, name_parts=incoming.name_parts).parts,
    )


@dataclass(frozen=True, slots=True)
class Duplicate:
    existing: Contact
    incoming: Contact

    @property
    def merged(self) -> Contact:
        return merge(self.existing, self.incoming)


@dataclass(frozen=True, slots=True)
class RowProblem:
    """A row or card of an import file that could not be read, or a field of one that
    could not (`kept`), and why."""

    where: str  # "line 7"
    reason: str
    # True when the row or card was imported all the same, with this one field left out.
    kept: bool = False

    def __str__(self) -> str:
        return f"{self.where}: {self.reason}"


@dataclass(frozen=True, slots=True)
class ImportPlan:
    """What an import would do: new contacts, duplicates of existing ones, unreadable rows."""

    added: tuple[Contact, ...] = ()
    duplicates: tuple[Duplicate, ...] = ()
    problems: tuple[RowProblem, ...] = ()

    def contacts_to_write(self, merge_duplicates: bool) -> tuple[Contact, ...]:
        merged = tuple(d.merged for d in self.duplicates) if merge_duplicates else ()
        return self.added + merged


def plan_import(
    incoming: Iterable[Contact],
    existing: Iterable[Contact],
    problems: Iterable[RowProblem] = (),
) -> ImportPlan:
    """Sort incoming contacts into new ones and duplicates. Duplicates within the file
    itself are folded together, so the same person twice becomes one contact."""
    by_id = {c.id: c for c in existing}
    index = ContactIndex(by_id.values())
    added: dict[str, Contact] = {}
    file_index = ContactIndex()
    duplicates: dict[str, Duplicate] = {}
    for contact in incoming:
        existing_id = index.find(contact)
        if existing_id is not None:
            earlier = duplicates.get(existing_id)
            if earlier is None:
                duplicates[existing_id] = Duplicate(by_id[existing_id], contact)
            else:
                duplicates[existing_id] = Duplicate(
                    earlier.existing, merge(earlier.incoming, contact)
                )
            continue
        same_in_file = file_index.find(contact)
        if same_in_file is not None:
            added[same_in_file] = merge(added[same_in_file], contact)
            continue
        added[contact.id] = contact
        file_index.add(contact)
    return ImportPlan(tuple(added.values()), tuple(duplicates.values()), tuple(problems))
