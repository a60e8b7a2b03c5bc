"""What storage keeps by itself: each contact's last interaction, and the indexes that the
start-up counts rely on."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from ontrack.domain.dataset import Dataset
from ontrack.domain.network import Contact, Interaction
from ontrack.storage.connection import DataFile
from ontrack.storage.database import open_data_file
from ontrack.storage.dataset_write import merge_dataset
from ontrack.storage.repositories import network


@pytest.fixture
def data(data_path: Path) -> Iterator[DataFile]:
    with open_data_file(data_path) as opened:
        yield opened


def _last(data: DataFile, contact_id: str) -> str | None:
    return data.execute(
        "SELECT last_interaction_on FROM contact WHERE id = ?", (contact_id,)
    ).fetchone()[0]


def _contact(*days: date) -> Contact:
    interactions = tuple(Interaction(f"i{n}", day) for n, day in enumerate(days))
    return Contact("k", "Ana", reconnect_every_days=30, interactions=interactions)


def test_last_interaction_follows_inserts_deletes_and_updates(data: DataFile) -> None:
    merge_dataset(data, Dataset(contacts=(_contact(date(2026, 3, 1), date(2026, 1, 1)),)))
    assert _last(data, "k") == "2026-03-01"
    with data.transaction():
        data.execute("DELETE FROM interaction WHERE uid = 'i0'")
    assert _last(data, "k") == "2026-01-01"
    with data.transaction():
        data.execute("UPDATE interaction SET date = '2026-05-05' WHERE uid = 'i1'")
    assert _last(data, "k") == "2026-05-05"
    with data.transaction():
        data.execute("DELETE FROM interaction")
    assert _last(data, "k") is None


def test_replacing_a_contact_recomputes_its_last_interaction(data: DataFile) -> None:
    merge_dataset(data, Dataset(contacts=(_contact(date(2026, 3, 1)),)))
    merge_dataset(data, Dataset(contacts=(_contact(date(2025, 2, 2)),)))
    assert _last(data, "k") == "2025-02-02"


def test_counting_reconnects_reads_the_index(data: DataFile) -> None:
    query = data.execute(f"EXPLAIN QUERY PLAN {network.RECONNECTS_DUE}", ("2026-11-24",))
    plan = " ".join(str(row[-1]) for row in query)
    assert "contact_next_reconnect" in plan
