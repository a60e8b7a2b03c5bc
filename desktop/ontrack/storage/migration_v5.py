"""Migration 5: a contact's structured name as an address book wrote it (vCard `N`).

`contact.name_parts` holds the five parts (family; given; middle; prefix; suffix) and the
display name they belong to, as a JSON list, or NULL for a contact that came without them
(typed in OnTrack, from LinkedIn, from the interchange format, which has no such key).
Frozen SQL: never edit.
"""

from __future__ import annotations

from .connection import DataFile


def apply(data: DataFile) -> None:
    data.execute("ALTER TABLE contact ADD COLUMN name_parts TEXT")
