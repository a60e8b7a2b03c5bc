"""LinkedIn's `Connections.csv` (Settings ▸ Data privacy ▸ Get a copy of your data) to contacts.

The file as LinkedIn writes it, over the years and after a spreadsheet has re-saved it:

- a "Notes:" preamble (a quoted paragraph about missing e-mail addresses, then a blank
  line) before the header row, or none (older exports);
- columns found by their header names in any order and case; older exports lack URL or
  Email Address, and nothing but First Name and Last Name is required;
- a byte-order mark, CRLF, and `;` or tab as separator (spreadsheets in European locales);
- "Connected On" as `05 Mar 2024` (today), `1/8/18, 6:14 PM` (2018), `9-Sep-22`
  (re-saved by a spreadsheet) or ISO `2024-03-05` (`parse_connected_on`).

A row without a name is left out (LinkedIn leaves the names empty for closed accounts).
A date that cannot be read never refuses its row: the contact is imported without it,
and a warning names the line. Line numbers are physical lines, counted from 1.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import date

from ..domain.contact_matching import RowProblem
from ..domain.ids import new_id
from ..domain.network import Contact
from .contact_errors import (
    WINDOWS_1252,
    ContactFile,
    ContactImportError,
    clip,
    decode_text_noting,
)
from .contact_fit import fit

HEADER = ("First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On")
_MONTHS = {
    name: number
    for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
        start=1,
    )
}
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})[\s\-./]+([A-Za-z]{3,9})\.?[\s\-./,]+(\d{4}|\d{2})")
_MONTH_DAY_YEAR = re.compile(r"([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})")
_NUMERIC = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})")
_LINES = re.compile(r"\r\n|\r|\n")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
# What may follow a date: a time ("6:14 PM", "18:14:00"), from 2018's exports.
_TIME = re.compile(r"(?:[\sT,]+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?)?\s*")


def _year(text: str) -> int:
    # Two-digit years are this century: LinkedIn began in 2003.
    return int(text) + 2000 if len(text) == 2 else int(text)


def _month(text: str) -> int:
    number = _MONTHS.get(text[:3].lower())
    if number is None:
        raise ValueError(text)
    return number


def parse_connected_on(text: str) -> date:
    """Any of the forms LinkedIn and spreadsheets write; ValueError for anything else.
    `1/8/18` is month first, as LinkedIn wrote it, unless the first number is over 12."""
    text = text.strip()
    try:
        if match := _whole(_ISO, text):
            return date(int(match[1]), int(match[2]), int(match[3]))
        if match := _whole(_DAY_MONTH_YEAR, text):
            return date(_year(match[3]), _month(match[2]), int(match[1]))
        if match := _whole(_MONTH_DAY_YEAR, text):
            return date(int(match[3]), _month(match[1]), int(match[2]))
        if match := _whole(_NUMERIC, text):
            first, second = int(match[1]), int(match[2])
            month, day = (second, first) if first > 12 else (first, second)
            return date(_year(match[3]), month, day)
    except ValueError:
        pass
    raise ValueError(f"“{text[:40]}” is not a date")


def _whole(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    match = pattern.match(text)
    if match is None or not _TIME.fullmatch(text, match.end()):
        return None
    return match


def looks_like_linkedin(text: str) -> bool:
    head = text[:4000].casefold()
    # People who publish their export sometimes delete the name columns first; it is still
    # LinkedIn's file, to be refused for having no names rather than for being foreign.
    named = "first name" in head and "last name" in head
    return "connected on" in head and (named or "position" in head)


def _is_header(line: str) -> bool:
    folded = line.casefold()
    return ("first name" in folded and "last name" in folded) or "connected on" in folded


def _header_line(text: str) -> tuple[int, str]:
    """The index of the header row's line, and the separator it uses."""
    # The physical lines, as the CSV reader counts them (not str.splitlines, which also
    # breaks at U+2028 and other separators a name may hold).
    for index, line in enumerate(_LINES.split(text)):
        if _is_header(line):
            separator = max(";,\t", key=line.count)
            return index, separator
    raise ContactImportError(
        "", "this is not LinkedIn's Connections.csv (no “First Name, Last Name” header)"
    )


def read_connections(raw: bytes) -> ContactFile:
    text, guessed = decode_text_noting(raw, "LinkedIn file")
    text = text.replace("\x00", "")
    skipped, separator = _header_line(text)
    lines = io.StringIO(text, newline="")
    for _ in range(skipped):
        lines.readline()
    reader = csv.reader(lines, delimiter=separator)
    contacts: list[Contact] = []
    problems = [RowProblem("line 1", WINDOWS_1252, kept=True)] if guessed else []
    try:
        header = [cell.strip().casefold() for cell in next(reader)]
        columns = {
            name: header.index(name.casefold()) for name in HEADER if name.casefold() in header
        }
        if "First Name" not in columns and "Last Name" not in columns:
            reason = "the header has no First Name or Last Name column, so no row has a name"
            return ContactFile((), (RowProblem(f"line {skipped + 1}", reason),))
        last = skipped + reader.line_num
        for row in reader:
            line, last = last + 1, skipped + reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            _row(row, columns, line, contacts, problems)
    except csv.Error as error:
        where = f"line {skipped + reader.line_num}"
        raise ContactImportError(where, f"not readable CSV ({error})") from None
    return ContactFile(tuple(contacts), tuple(problems))


def _row(
    row: list[str],
    columns: dict[str, int],
    line: int,
    contacts: list[Contact],
    problems: list[RowProblem],
) -> None:
    def cell(name: str) -> str:
        where = columns.get(name)
        return clip(row[where]) if where is not None and where < len(row) else ""

    name = " ".join(f"{cell('First Name')} {cell('Last Name')}".split())
    if not name:
        # LinkedIn leaves the names empty for members who have closed their account.
        reason = "no name (LinkedIn leaves it empty for closed accounts)"
        problems.append(RowProblem(f"line {line}", reason))
        return
    connected = cell("Connected On")
    met_on = None
    if connected:
        try:
            met_on = parse_connected_on(connected)
        except ValueError as error:
            reason = f"{error}; “met on” left empty"
            problems.append(RowProblem(f"line {line}", reason, kept=True))
    contact = Contact(
        id=new_id(),
        name=name,
        company=cell("Company"),
        role=cell("Position"),
        email=cell("Email Address"),
        linkedin_url=cell("URL"),
        how_met="LinkedIn",
        met_on=met_on,
    )
    contacts.append(fit(contact, f"line {line}", problems))
