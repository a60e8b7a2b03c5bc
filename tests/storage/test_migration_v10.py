"""Migration 10: contacts' names indexed in the list's order, so a search that matches most
people reads its first page down the index instead of sorting every match (#19); a rarer
word's matches are still sorted. Either way the page and the count are the same."""

from __future__ import annotations

from pathlib import Path

import pytest

from ontrack.domain.network import Contact
from ontrack.domain.network_query import ContactFilter
from ontrack.storage.connection import DataFile, connect
from ontrack.storage.database import open_data_file
from ontrack.storage.migrations import MIGRATIONS, migrate, schema_version
from ontrack.storage.repositories import contact_records
from ontrack.storage.repositories._paging import Page

# Case and accents mixed, names repeated (the position breaks the ties), and one word
# ("rare") that few contacts carry.
_NAMES = ("ana", "Ana", "bob", "Zoë", "émile", "Álvaro", "carla", "ANA", "dan", "Eve")


def _contacts(count: int) -> tuple[Contact, ...]:
    return tuple(
        Contact(
            id=f"c{n:03}",
            name=f"{_NAMES[(n * 7) % len(_NAMES)]} {n % 13}",
            company="rare works" if n % 17 == 0 else "Acme",
        )
        for n in range(count)
    )


def _page_ids_one_pass(data: DataFile, search: ContactFilter, page: Page) -> tuple[list, int]:
    """The page and count the way every search read them before: one sorted pass."""
    shape, values = contact_records._filters(search)
    return contact_records._FOUND_IDS.with_total(data, page, *values, filters=shape)


@pytest.mark.parametrize("text", ["a", "an", "ANA", "rare", "zzq", "e 1"])
@pytest.mark.parametrize("descending", [False, True])
def test_the_page_and_count_are_those_of_one_sorted_pass(
    data_path: Path, text: str, descending: bool
) -> None:
    with open_data_file(data_path) as data:
        contact_records.save_contacts(data, _contacts(120))
        search = ContactFilter(text=text)
        for offset in (0, 10):
            page = Page("name", descending=descending, offset=offset, limit=25)
            summaries, total = contact_records.find_first(data, search, page)
            ids, expected_total = _page_ids_one_pass(data, search, page)
            assert ([s.id for s in summaries], total) == (ids, expected_total)


def _plan(data: DataFile, text: str) -> list[str]:
    data.bind_rows()
    seen: list[str] = []
    data.connection.set_trace_callback(seen.append)
    try:
        contact_records.find_first(data, ContactFilter(text=text), Page("name", limit=25))
    finally:
        data.connection.set_trace_callback(None)
    page_sql = [sql for sql in seen if "LIMIT" in sql.upper() and "COUNT(*) OVER" not in sql]
    return [row[3] for sql in page_sql for row in data.execute(f"EXPLAIN QUERY PLAN {sql}")]


def test_a_search_matching_most_people_reads_its_page_down_the_index(data_path: Path) -> None:
    with open_data_file(data_path) as data:
        contact_records.save_contacts(data, _contacts(120))
        plans = _plan(data, "a")
    assert any("contact_name_nocase" in plan for plan in plans), plans
    assert not any("TEMP B-TREE" in plan for plan in plans), plans  # nothing sorted


def test_a_file_of_version_9_gets_the_index(data_path: Path) -> None:
    data = DataFile(data_path, connect(data_path))
    try:
        migrate(data, MIGRATIONS[:9])
        assert schema_version(data) == 9
        assert migrate(data, MIGRATIONS[:10]) == 1
        assert schema_version(data) == 10
        names = {r[0] for r in data.execute("SELECT name FROM sqlite_master WHERE type='index'")}
        assert "contact_name_nocase" in names
    finally:
        data.close()
