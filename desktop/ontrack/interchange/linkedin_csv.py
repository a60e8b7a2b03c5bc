"""LinkedIn's `Connections.csv` (Settings ▸ Data privacy ▸ Get a copy of your data) to contacts.

The file as LinkedIn writes it: a "Notes:" preamble (a quoted paragraph about missing
e-mail addresses, then a blank line) before the header row; quoted fields with commas and
doubled quotes; most e-mail cells empty; "Connected On" as `DD Mon YYYY` in English.
"""

from __future__ import annotations

import csv
import io
from datetime import date

from ..domain.contact_matching import RowProblem
from ..domain.ids import new_id
from ..domain.network import Contact
from .contact_errors import ContactFile, ContactImportError, clip, decode_text

HEADER = ("First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On")
_MONTHS = {
    name: number
    for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
        start=1,
    )
}


def parse_connected_on(text: str) -> date:
    """`05 Mar 2024` (LinkedIn writes English month names whatever the user's language)."""
    parts = text.split()
    if len(parts) != 3 or parts[1][:3].lower() not in _MONTHS:
        raise ValueError(f"“{text[:40]}” is not a date like 05 Mar 2024")
    try:
        return date(int(parts[2]), _MONTHS[parts[1][:3].lower()], int(parts[0]))
    except ValueError:
        raise ValueError(f"“{text[:40]}” is not a date like 05 Mar 2024") from None


def looks_like_linkedin(text: str) -> bool:
    head = text[:4000]
    return "First Name" in head and "Connected On" in head


def read_connections(raw: bytes) -> ContactFile:
    text = decode_text(raw, "LinkedIn file")
    reader = csv.reader(io.StringIO(text, newline=""))
    columns: dict[str, int] | None = None
    contacts: list[Contact] = []
    problems: list[RowProblem] = []
    try:
        for row in reader:
            line = reader.line_num
            if columns is None:
                cells = [c.strip() for c in row]
                if "First Name" in cells and "Last Name" in cells:
                    columns = {name: cells.index(name) for name in HEADER if name in cells}
                continue
            if not any(cell.strip() for cell in row):
                continue
            try:
                contacts.append(_contact(row, columns))
            except ValueError as error:
                problems.append(RowProblem(f"line {line}", str(error)))
    except csv.Error as error:
        raise ContactImportError(f"line {reader.line_num}", f"not readable CSV ({error})") from None
    if columns is None:
        raise ContactImportError(
            "", "this is not LinkedIn's Connections.csv (no “First Name, Last Name” header)"
        )
    return ContactFile(tuple(contacts), tuple(problems))


def _contact(row: list[str], columns: dict[str, int]) -> Contact:
    def cell(name: str) -> str:
        where = columns.get(name)
        return clip(row[where]) if where is not None and where < len(row) else ""

    name = " ".join(f"{cell('First Name')} {cell('Last Name')}".split())
    if not name:
        # LinkedIn leaves the names empty for members who have closed their account.
        raise ValueError("no name (LinkedIn leaves it empty for closed accounts)")
    connected = cell("Connected On")
    return Contact(
        id=new_id(),
        name=name,
        company=cell("Company"),
        role=cell("Position"),
        email=cell("Email Address"),
        linkedin_url=cell("URL"),
        how_met="LinkedIn",
        met_on=parse_connected_on(connected) if connected else None,
    )
