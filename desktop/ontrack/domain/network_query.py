"""Which contacts the Network's list shows (beside `journal_query` for the Journal)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class ContactFilter:
    """Which contacts a list shows: search text, one tag, or only those due to reconnect."""

    text: str = ""
    tag: str = ""
    due_on: date | None = None  # only contacts due to reconnect by this day
    follow_ups_on: date | None = None  # only contacts with a follow-up due by this day
