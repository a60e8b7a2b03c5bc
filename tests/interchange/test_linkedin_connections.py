"""LinkedIn's Connections.csv as LinkedIn writes it, and files that are not it."""

from __future__ import annotations

import contextlib
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ontrack.interchange.contact_errors import ContactImportError
from ontrack.interchange.contact_files import read_contacts, read_contacts_file
from ontrack.interchange.linkedin_csv import parse_connected_on, read_connections

DATA = Path(__file__).resolve().parents[1] / "data" / "linkedin"


def test_reads_the_export_with_its_preamble_quotes_and_missing_emails() -> None:
    result = read_connections((DATA / "Connections.csv").read_bytes())
    by_name = {c.name: c for c in result.contacts}
    assert list(by_name) == [
        "Priya Raman",
        "Tomás Álvarez",
        "Mei Chen",
        "Olusegun Adeyemi",
        "Sarah O'Neill",  # kept, without the date it cannot have
        "Jonas Müller",
    ]
    priya = by_name["Priya Raman"]
    assert priya.company == "Northwind Traders, Inc."
    assert priya.role == "Director of Engineering"
    assert priya.email == ""
    assert priya.linkedin_url == "https://www.linkedin.com/in/priya-raman-4b1a2c19"
    assert priya.met_on == date(2024, 11, 14)
    assert priya.how_met == "LinkedIn"
    assert by_name["Mei Chen"].role == 'Staff Engineer, "Platform" team'
    assert by_name["Tomás Álvarez"].email == "tomas.alvarez@example.es"


def test_unreadable_rows_are_listed_with_line_and_reason() -> None:
    result = read_connections((DATA / "Connections.csv").read_bytes())
    assert [(str(p), p.kept) for p in result.problems] == [
        ("line 9: no name (LinkedIn leaves it empty for closed accounts)", False),
        ("line 10: “30 Feb 2020” is not a date; “met on” left empty", True),
    ]
    assert {c.name: c.met_on for c in result.contacts}["Sarah O'Neill"] is None


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("05 Mar 2024", date(2024, 3, 5)),  # LinkedIn today
        ("5 sept 2024", date(2024, 9, 5)),
        ("1/8/18, 6:14 PM", date(2018, 1, 8)),  # 2018 exports: month first, with a time
        ("13/8/18", date(2018, 8, 13)),  # day first when it cannot be a month
        ("9-Sep-22", date(2022, 9, 9)),  # re-saved by a spreadsheet
        ("5-Jan-26", date(2026, 1, 5)),
        ("2024-03-05", date(2024, 3, 5)),
        ("2024-03-05 10:00:00", date(2024, 3, 5)),
        ("Mar 5, 2024", date(2024, 3, 5)),
    ],
)
def test_dates_in_every_form_linkedin_and_spreadsheets_write(text: str, day: date) -> None:
    assert parse_connected_on(text) == day


@pytest.mark.parametrize("text", ["31/31/22", "30 Feb 2020", "yesterday", "05 Mar 2024 x", ""])
def test_what_is_not_a_date_says_so(text: str) -> None:
    with pytest.raises(ValueError, match="is not a date"):
        parse_connected_on(text)


def test_a_spreadsheet_resave_with_semicolons_bom_and_columns_moved() -> None:
    text = (
        "\ufeffCompany;connected on;LAST NAME;First Name;Position\r\n"
        "Fabrikam;9-Sep-22;Müller;Jonas;CTO\r\n"
        "Contoso;31/31/22;Nakamura;Hiroshi;\r\n"
    )
    result = read_contacts(text.encode("utf-8"))
    assert [(c.name, c.company, c.role, c.met_on) for c in result.contacts] == [
        ("Jonas Müller", "Fabrikam", "CTO", date(2022, 9, 9)),
        ("Hiroshi Nakamura", "Contoso", "", None),
    ]
    assert [str(p) for p in result.problems] == [
        "line 3: “31/31/22” is not a date; “met on” left empty"
    ]


def test_other_csv_files_are_refused_with_a_reason() -> None:
    with pytest.raises(ContactImportError, match="not a contacts file"):
        read_contacts_file(DATA / "not_connections.csv")
    with pytest.raises(ContactImportError, match=r"Connections\.csv"):
        read_connections(b"a,b,c\r\n1,2,3\r\n")
    with pytest.raises(ContactImportError, match="cannot read"):
        read_contacts_file(DATA / "missing.csv")


def test_a_nul_byte_or_binary_is_a_clear_error() -> None:
    with pytest.raises(ContactImportError):
        read_connections(b"First Name,Last Name\r\n\x00\xff\xfe\x00bad")


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=400) | st.text(max_size=300).map(str.encode))
def test_no_input_raises_anything_but_the_importer_error(raw: bytes) -> None:
    for attempt in (read_contacts, read_connections):
        with contextlib.suppress(ContactImportError):
            attempt(raw)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.lists(st.text(max_size=20), max_size=8), max_size=6))
def test_any_rows_after_the_header_read_or_are_listed(rows: list[list[str]]) -> None:
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        ["First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"]
    )
    writer.writerows(rows)
    try:
        result = read_connections(out.getvalue().encode())
    except ContactImportError:
        return
    left_out = [p for p in result.problems if not p.kept]
    assert len(result.contacts) + len(left_out) <= len(rows)
    # A row with a name is never left out, whatever its other cells hold. (The reader
    # drops NUL characters, which no exporter writes: a name of NULs is no name.)
    named = [r for r in rows if " ".join(" ".join(r[:2]).replace("\x00", "").split())]
    assert len(result.contacts) == len(named)


def test_line_numbers_are_physical_lines_even_after_a_cell_of_two_lines() -> None:
    text = (
        'Notes:\r\n"A preamble, quoted\r\nover two lines"\r\n\r\n'
        "First Name,Last Name,Company,Position,Connected On\r\n"
        'Ana,Lima,Acme,"Head of\r\nPlatform",1/8/18\r\n'
        "Bo,Chen,Fabrikam,CTO,32 Mar 2020\r\n"
    )
    result = read_connections(text.encode())
    assert [(c.name, c.role, c.met_on) for c in result.contacts] == [
        ("Ana Lima", "Head of\r\nPlatform", date(2018, 1, 8)),
        ("Bo Chen", "CTO", None),
    ]
    assert [str(p) for p in result.problems] == [
        "line 8: “32 Mar 2020” is not a date; “met on” left empty"
    ]


def test_a_file_excel_saved_as_windows_1252_is_read_and_said_so() -> None:
    text = "First Name,Last Name,Company,Connected On\r\nJosé,Núñez,Café Noir,05 Mar 2024\r\n"
    result = read_contacts(text.encode("cp1252"))
    assert [(c.name, c.company) for c in result.contacts] == [("José Núñez", "Café Noir")]
    assert [(str(p), p.kept) for p in result.problems] == [
        (
            "line 1: the file is not UTF-8, so it was read as Windows-1252, as Excel saves "
            "CSV; check the accented names",
            True,
        )
    ]


def test_an_over_long_field_is_cut_with_a_warning_and_the_row_kept() -> None:
    company = "Acme " * 130  # 650 characters: a pasted paragraph
    text = f'First Name,Last Name,Company,Connected On\r\nAna,Lima,"{company}",05 Mar 2024\r\n'
    result = read_connections(text.encode())
    assert [len(c.company) for c in result.contacts] == [499]  # cut at 500, end space off
    assert [(str(p), p.kept) for p in result.problems] == [
        ("line 2: the company has 649 characters; cut to 500", True)
    ]
