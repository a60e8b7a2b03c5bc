"""`ontrack import-contacts`: counts, re-import without duplicates, refused files unchanged."""

from __future__ import annotations

import argparse
import hashlib
from pathlib import Path

import pytest

from ontrack.cli import UserError
from ontrack.cli.contacts import import_contacts
from ontrack.domain.clock import SystemClock
from ontrack.domain.network_query import ContactFilter
from ontrack.services.network import NetworkService
from ontrack.services.registry import Services
from ontrack.storage.database import open_data_file

DATA = Path(__file__).resolve().parents[1] / "data"


def _run(data: Path, source: Path) -> str:
    return import_contacts(argparse.Namespace(data=data, source=source))


def _contacts(path: Path) -> int:
    with open_data_file(path) as data:
        return NetworkService(Services.create(data, SystemClock()).context).find_count(
            ContactFilter()
        )


def test_linkedin_import_then_reimport_adds_no_duplicates(data_path: Path) -> None:
    first = _run(data_path, DATA / "linkedin" / "Connections.csv")
    assert first.startswith("Imported 6 contacts from")
    assert "6 new, 0 merged" in first
    assert first.splitlines()[1:] == [
        "Left out 1 entry that cannot be read:",
        "  line 9: no name (LinkedIn leaves it empty for closed accounts)",
        "1 warning (the contact was imported; the warning says what was left out or changed):",
        "  line 10: “30 Feb 2020” is not a date; “met on” left empty",
    ]
    again = _run(data_path, DATA / "linkedin" / "Connections.csv")
    assert "0 new, 6 merged" in again
    assert _contacts(data_path) == 6


def test_vcards_merge_with_linkedin_contacts_by_name_and_company(data_path: Path) -> None:
    _run(data_path, DATA / "linkedin" / "Connections.csv")
    message = _run(data_path, DATA / "vcard" / "google_contacts.vcf")
    assert "2 new, 1 merged" in message  # Priya Raman of Northwind Traders, Inc.
    for name in ("apple_contacts.vcf", "outlook_2_1.vcf", "contacts_v4.vcf"):
        _run(data_path, DATA / "vcard" / name)
    assert _contacts(data_path) == 6 + 2 + 2 + 2 + 2


def test_a_broken_file_is_refused_and_nothing_is_written(data_path: Path) -> None:
    _run(data_path, DATA / "linkedin" / "Connections.csv")
    before = hashlib.sha256(data_path.read_bytes()).hexdigest()
    for bad in ("vcard/not_a_vcard.vcf", "linkedin/not_connections.csv", "nowhere.vcf"):
        with pytest.raises(UserError, match=r"not a contacts file|cannot read") as caught:
            _run(data_path, DATA / bad)
        assert "\n" not in str(caught.value)
    empty = data_path.parent / "closed.csv"
    empty.write_text("Notes:\r\n\r\nFirst Name,Last Name,URL,Connected On\r\n,,,01 Jan 2020\r\n")
    with pytest.raises(UserError, match="no contact could be read: line 4: no name"):
        _run(data_path, empty)
    assert hashlib.sha256(data_path.read_bytes()).hexdigest() == before
