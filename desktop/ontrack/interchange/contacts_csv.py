"""Contacts as CSV for spreadsheets, and back.

A cell that begins with `=`, `+`, `-`, `@` (or a tab or carriage return) is a formula to a
spreadsheet; such cells are written with a leading apostrophe so that opening the file
never runs anything. Reading OnTrack's own CSV takes the apostrophe off again.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from datetime import date

from ..domain.contact_matching import RowProblem
from ..domain.ids import new_id
from ..domain.keep_in_touch import last_interaction, next_reconnect_of
from ..domain.network import MAX_RECONNECT_DAYS, Contact
from .contact_errors import ContactFile, ContactImportError, clip, decode_text
from .contact_fit import fit

COLUMNS = (
    "Name", "Company", "Role", "Email", "Phone", "LinkedIn URL", "How we met", "Met on",
    "Tags", "Reconnect every (days)", "Last interaction", "Next reconnect", "Notes",
)  # fmt: skip
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    return "'" + cell if cell.startswith(_FORMULA_STARTS) else cell


def _restore(cell: str) -> str:
    return cell[1:] if cell.startswith("'") and cell[1:].startswith(_FORMULA_STARTS) else cell


def _day(value: date | None) -> str:
    return value.isoformat() if value and value not in (date.min, date.max) else ""


def write_contacts_csv(contacts: Sequence[Contact]) -> str:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for c in contacts:
        cells = (
            c.name, c.company, c.role, c.email, c.phone, c.linkedin_url, c.how_met,
            _day(c.met_on), "; ".join(c.tags),
            str(c.reconnect_every_days) if c.reconnect_every_days else "",
            _day(last_interaction(c)), _day(next_reconnect_of(c)), c.notes,
        )  # fmt: skip
        writer.writerow([neutralise(cell) for cell in cells])
    return out.getvalue()


def looks_like_ontrack_csv(text: str) -> bool:
    first = text.split("\n", 1)[0]
    return first.startswith("Name,Company,Role,Email")


def read_contacts_csv(raw: bytes) -> ContactFile:
    text = decode_text(raw, "CSV file")
    reader = csv.reader(io.StringIO(text, newline=""))
    contacts: list[Contact] = []
    problems: list[RowProblem] = []
    try:
        header = next(reader, None)
        if header is None or tuple(h.strip() for h in header[:4]) != COLUMNS[:4]:
            raise ContactImportError("line 1", "this is not a contacts CSV written by OnTrack")
        where = {name: n for n, name in enumerate(h.strip() for h in header)}
        last = reader.line_num
        for row in reader:
            line, last = last + 1, reader.line_num  # a row's first physical line
            if not any(cell.strip() for cell in row):
                continue
            try:
                found = _contact(row, where, f"line {line}", problems)
                contacts.append(fit(found, f"line {line}", problems))
            except ValueError as error:
                problems.append(RowProblem(f"line {line}", str(error)))
    except csv.Error as error:
        raise ContactImportError(f"line {reader.line_num}", f"not readable CSV ({error})") from None
    return ContactFile(tuple(contacts), tuple(problems))


def _contact(
    row: list[str], where: dict[str, int], line: str, problems: list[RowProblem]
) -> Contact:
    """The row as a contact; ValueError only when it has no name. A date or number that
    cannot be read is left out with a warning in `problems`, the row kept."""

    def cell(name: str) -> str:
        n = where.get(name)
        return clip(_restore(row[n])) if n is not None and n < len(row) else ""

    name = cell("Name")
    if not name:
        raise ValueError("no name")
    met = cell("Met on")
    met_on = None
    if met:
        try:
            met_on = date.fromisoformat(met)
        except ValueError:
            reason = f"“{met[:40]}” is not a date like 2024-03-05; “met on” left empty"
            problems.append(RowProblem(line, reason, kept=True))
    cadence = cell("Reconnect every (days)")
    if cadence and not cadence.isdigit():
        reason = f"“{cadence[:20]}” is not a number of days; “reconnect every” left empty"
        problems.append(RowProblem(line, reason, kept=True))
        cadence = ""
    return Contact(
        id=new_id(),
        name=name,
        company=cell("Company"),
        role=cell("Role"),
        email=cell("Email"),
        phone=cell("Phone"),
        linkedin_url=cell("LinkedIn URL"),
        how_met=cell("How we met"),
        notes=cell("Notes"),
        met_on=met_on,
        tags=tuple(dict.fromkeys(t.strip() for t in cell("Tags").split(";") if t.strip())),
        reconnect_every_days=min(int(cadence), MAX_RECONNECT_DAYS) if cadence else None,
    )
