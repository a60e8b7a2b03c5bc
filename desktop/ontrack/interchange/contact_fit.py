"""Imported contacts cut to the lengths OnTrack keeps, each cut said with its line.

A real export can carry a 2,000-character "company" (a pasted paragraph) or a tag of a
whole sentence; stored as it is, it would be refused later and take the whole import
with it. So a field over its length is cut here, at the limits the window's editors use
(one-line fields 500 characters, a tag 100, notes 100,000), and a warning says which
field of which line was cut and from how long.
"""

from __future__ import annotations

from dataclasses import replace

from ..domain.contact_matching import RowProblem
from ..domain.network import Contact
from ..domain.validation import MAX_LINE_LENGTH, MAX_TAG_LENGTH, MAX_TEXT_LENGTH

# The caps are the domain's, so that what import keeps is what the window and the
# interchange reader accept.
MAX_LINE = MAX_LINE_LENGTH
MAX_TAG = MAX_TAG_LENGTH
MAX_NOTES = MAX_TEXT_LENGTH
_LINES = {
    "name": "the name",
    "company": "the company",
    "role": "the role",
    "email": "the e-mail address",
    "phone": "the phone number",
    "linkedin_url": "the LinkedIn address",
    "how_met": "how you met",
}


def fit(contact: Contact, where: str, problems: list[RowProblem]) -> Contact:
    """`contact` with every over-long field cut, and a warning in `problems` for each."""
    changes: dict[str, object] = {}
    for name, words in _LINES.items():
        value = getattr(contact, name)
        if len(value) > MAX_LINE:
            changes[name] = value[:MAX_LINE].rstrip()
            problems.append(_cut(where, words, len(value), MAX_LINE))
    if len(contact.notes) > MAX_NOTES:
        changes["notes"] = contact.notes[:MAX_NOTES].rstrip()
        problems.append(_cut(where, "the notes", len(contact.notes), MAX_NOTES))
    if any(len(tag) > MAX_TAG for tag in contact.tags):
        longest = max(len(tag) for tag in contact.tags)
        tags = (tag[:MAX_TAG].rstrip() for tag in contact.tags)
        changes["tags"] = tuple(dict.fromkeys(tags))
        problems.append(_cut(where, "a tag", longest, MAX_TAG))
    parts = contact.name_parts
    if parts is not None and ("name" in changes or max(map(len, parts.as_list())) > MAX_LINE):
        changes["name_parts"] = None  # a cut name's parts no longer describe it
    return replace(contact, **changes) if changes else contact  # type: ignore[arg-type]


def _cut(where: str, words: str, length: int, cap: int) -> RowProblem:
    return RowProblem(where, f"{words} has {length:,} characters; cut to {cap:,}", kept=True)
