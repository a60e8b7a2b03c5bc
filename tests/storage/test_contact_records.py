"""Contact and event rows: round trips, triggers, search, filters and due counts."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from ontrack.domain.enums import InteractionKind
from ontrack.domain.network import Contact, Event, Interaction
from ontrack.domain.network_query import ContactFilter
from ontrack.storage.connection import DataFile
from ontrack.storage.database import open_data_file
from ontrack.storage.repositories import contact_records, event_records
from ontrack.storage.repositories._paging import Page

TODAY = date(2026, 11, 24)


@pytest.fixture
def data(data_path: Path) -> Iterator[DataFile]:
    with open_data_file(data_path) as opened:
        yield opened


def _ana() -> Contact:
    return Contact(
        "ana",
        "Ana Souza",
        "Acme",
        "Staff engineer",
        notes="Knows everyone in fintech",
        tags=("mentor", "fintech"),
        reconnect_every_days=30,
        interactions=(
            Interaction("i1", date(2026, 9, 1), InteractionKind.COFFEE),
            Interaction(
                "i2", date(2026, 10, 1), InteractionKind.CALL, follow_up_on=date(2026, 11, 1)
            ),
        ),
    )


def test_contact_round_trip_and_trigger_kept_last_interaction(data: DataFile) -> None:
    contact_records.save_contact(data, _ana())
    assert contact_records.load_contact(data, "ana") == _ana()
    last = data.execute("SELECT last_interaction_on FROM contact WHERE id = 'ana'").fetchone()[0]
    assert last == "2026-10-01"


def test_search_covers_names_companies_roles_tags_and_notes(data: DataFile) -> None:
    contact_records.save_contact(data, _ana())
    contact_records.save_contact(data, Contact("bo", "Bo Jensen", "Initech", tags=("python",)))
    page = Page("name")

    def names(search: ContactFilter) -> list[str]:
        return [s.name for s in contact_records.find_summaries(data, search, page)]

    assert names(ContactFilter("acme")) == ["Ana Souza"]
    assert names(ContactFilter("staff")) == ["Ana Souza"]
    assert names(ContactFilter("FINTECH")) == ["Ana Souza"]
    assert names(ContactFilter("pyth")) == ["Bo Jensen"]
    assert names(ContactFilter("100%")) == []
    assert names(ContactFilter(tag="mentor")) == ["Ana Souza"]
    assert names(ContactFilter(due_on=TODAY)) == ["Ana Souza"]
    assert contact_records.find_count(data, ContactFilter()) == 2
    assert contact_records.tags(data) == ["fintech", "mentor", "python"]


def test_a_first_page_comes_with_the_count_of_all_found(data: DataFile) -> None:
    for n in range(7):
        contact_records.save_contact(data, Contact(f"c{n}", f"Ana {n}", "Acme" if n % 2 else ""))
    contact_records.save_contact(data, Contact("bo", "Bo Jensen", tags=("acme-alumni",)))
    for search in (
        ContactFilter(),
        ContactFilter("acme"),
        ContactFilter("ana 3"),
        ContactFilter("zz"),
    ):
        for page in (Page("name", limit=2), Page("company", descending=True, limit=3)):
            rows, total = contact_records.find_first(data, search, page)
            assert rows == contact_records.find_summaries(data, search, page)
            assert total == contact_records.find_count(data, search)
    assert contact_records.find_first(data, ContactFilter("acme"), Page("name", limit=2))[1] == 4


def test_follow_ups_due_only_on_the_latest_interaction(data: DataFile) -> None:
    contact_records.save_contact(data, _ana())
    assert contact_records.follow_ups_due(data, TODAY) == 1
    assert contact_records.follow_up_contact_ids(data, TODAY) == ["ana"]
    due = ContactFilter(follow_ups_on=TODAY)
    assert contact_records.find_count(data, due) == 1
    later = Interaction("i3", date(2026, 11, 2), InteractionKind.EMAIL)
    ana = _ana()
    contact_records.save_contact(
        data, Contact(**{**_fields(ana), "interactions": (*ana.interactions, later)})
    )
    assert contact_records.follow_ups_due(data, TODAY) == 0
    assert contact_records.find_count(data, due) == 0


def _fields(contact: Contact) -> dict[str, object]:
    return {f: getattr(contact, f) for f in Contact.__dataclass_fields__}


def test_delete_and_restore_contact_keeps_its_place(data: DataFile) -> None:
    contact_records.save_contact(data, Contact("first", "First"))
    contact_records.save_contact(data, _ana())
    contact_records.save_contact(data, Contact("last", "Last"))
    removed = contact_records.delete_contact(data, "ana")
    assert removed is not None
    assert contact_records.load_contact(data, "ana") is None
    contact_records.restore_contact(data, removed)
    order = [r[0] for r in data.execute("SELECT id FROM contact ORDER BY seq")]
    assert order == ["first", "ana", "last"]


def test_events_people_met_and_restore_links(data: DataFile) -> None:
    event_records.save_event(data, Event("ev", "PyCon", date(2026, 5, 1), "Pittsburgh"))
    ana = _ana()
    met = Interaction("m", date(2026, 5, 1), InteractionKind.CONFERENCE, "ev")
    contact_records.save_contact(data, Contact(**{**_fields(ana), "interactions": (met,)}))
    [summary] = event_records.summaries(data)
    assert (summary.name, summary.people) == ("PyCon", 1)
    assert [p.name for p in event_records.people_met(data, "ev")] == ["Ana Souza"]
    removed = event_records.delete_event(data, "ev")
    assert removed is not None
    assert event_records.people_met(data, "ev") == []
    event_records.restore_event(data, removed)
    assert [p.contact_id for p in event_records.people_met(data, "ev")] == ["ana"]
    assert event_records.is_event(data, "ev")
    assert not event_records.is_event(data, "ana")


def test_the_structured_name_is_kept_and_a_mangled_one_ignored(data: DataFile) -> None:
    from ontrack.domain.network import NameParts
    from ontrack.interchange.vcard import read_vcards, write_vcards
    from ontrack.storage.dataset_read import load_dataset

    card = (
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bob Smith\r\n"
        b"N:Smith;Robert;James;Dr.;Jr.\r\nEND:VCARD\r\n"
    )
    (contact,) = read_vcards(card).contacts
    contact_records.save_contact(data, contact)
    loaded = contact_records.load_contact(data, contact.id)
    assert loaded is not None
    assert loaded.parts == NameParts("Smith", "Robert", "James", "Dr.", "Jr.", "Bob Smith")
    assert load_dataset(data).contacts[0].parts == loaded.parts
    assert "N:Smith;Robert;James;Dr.;Jr." in write_vcards([loaded])
    with data.transaction():
        data.execute("UPDATE contact SET name_parts = '[\"only one\"]'")
    mangled = contact_records.load_contact(data, contact.id)
    assert mangled is not None
    assert mangled.name_parts is None
