"""Contacts files for the Network tab: reading one to import, and writing the contacts out
as vCards or CSV. The readers and writers (interchange) load when first used."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..domain.contact_import import ContactFile
from ..domain.network import Contact


def read_contacts_file(path: Path) -> ContactFile:
    """The contacts in a LinkedIn CSV, vCard or OnTrack CSV file, and what could not be
    read; raises `ContactImportError` for a file that cannot be read at all."""
    from ..interchange.contact_files import read_contacts_file as read

    return read(path)


def contacts_as_vcards(contacts: Sequence[Contact]) -> str:
    from ..interchange.vcard import write_vcards

    return write_vcards(contacts)


def contacts_as_csv(contacts: Sequence[Contact]) -> str:
    from ..interchange.contacts_csv import write_contacts_csv

    return write_contacts_csv(contacts)
