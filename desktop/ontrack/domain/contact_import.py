"""What reading a contacts file (LinkedIn CSV, vCard, OnTrack's contacts CSV) gives back,
and the one error for a file that cannot be read at all."""

from __future__ import annotations

from dataclasses import dataclass

from .contact_matching import RowProblem
from .network import Contact


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
