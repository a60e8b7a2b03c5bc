"""Migration 10: a contacts search that matches most people reads its first page down an
index of names in the list's order, instead of sorting every match.

A one-letter search matches nearly all of 5,000 contacts; numbering them all beside the
first page meant sorting them all (11 ms of the search's 15, #19). With the names indexed
the way the list sorts them (case-blind, then by position), the page is the first rows of
the index that match, and the count is a pass of its own. Frozen SQL: never edit.
"""

from __future__ import annotations

from .connection import DataFile

_STATEMENTS = ("CREATE INDEX contact_name_nocase ON contact (name COLLATE NOCASE, seq)",)


def apply(data: DataFile) -> None:
    for statement in _STATEMENTS:
        data.execute(statement)
