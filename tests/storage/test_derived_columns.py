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
    bound = network.RECONNECTS_DUE("2026-11-24")
    query = data.execute(f"EXPLAIN QUERY PLAN {bound.sql}", bound.parameters)
    plan = " ".join(str(row[-1]) for row in query)
    assert "contact_next_reconnect" in plan


def test_counting_reconnects_searches_the_index_by_date(data: DataFile) -> None:
    # Not a scan of the whole index: the date range is looked up in it.
    bound = network.RECONNECTS_DUE("2026-11-24")
    plan = " ".join(
        str(row[-1]) for row in data.execute(f"EXPLAIN QUERY PLAN {bound.sql}", bound.parameters)
    )
    assert plan.startswith("SEARCH")
    assert "USING INDEX contact_next_reconnect (<expr><?)" in plan


def _open_follow_up(data: DataFile, contact_id: str) -> str | None:
    return data.execute(
        "SELECT open_follow_up_on FROM contact WHERE id = ?", (contact_id,)
    ).fetchone()[0]


def _talks(*talks: tuple[date, date | None]) -> Contact:
    interactions = tuple(
        Interaction(f"i{n}", day, follow_up_on=due) for n, (day, due) in enumerate(talks)
    )
    return Contact("k", "Ana", interactions=interactions)


def test_the_open_follow_up_belongs_to_the_latest_day(data: DataFile) -> None:
    may, june, july = date(2026, 5, 1), date(2026, 6, 1), date(2026, 7, 1)
    merge_dataset(data, Dataset(contacts=(_talks((may, july), (may, june)),)))
    assert _open_follow_up(data, "k") == "2026-06-01"  # the earliest on that day
    with data.transaction():  # a later talk without a follow-up settles it
        data.execute(
            "INSERT INTO interaction (contact_id, uid, position, date, kind, notes) "
            "VALUES ('k', 'i9', 9, '2026-08-01', 'call', '')"
        )
    assert _open_follow_up(data, "k") is None
    with data.transaction():
        data.execute("UPDATE interaction SET follow_up_on = '2026-09-09' WHERE uid = 'i9'")
    assert _open_follow_up(data, "k") == "2026-09-09"
    with data.transaction():  # that talk gone: the May follow-ups are owed again
        data.execute("DELETE FROM interaction WHERE uid = 'i9'")
    assert _open_follow_up(data, "k") == "2026-06-01"
    with data.transaction():
        data.execute("UPDATE interaction SET date = '2026-04-01' WHERE uid = 'i1'")
    assert _open_follow_up(data, "k") == "2026-07-01"  # only i0 is on the latest day now
    merge_dataset(data, Dataset(contacts=(_talks((may, None)),)))  # replaced whole
    assert _open_follow_up(data, "k") is None


def test_migration_4_fills_the_open_follow_ups_of_an_older_file(tmp_path: Path) -> None:
    from ontrack.storage.migrations import MIGRATIONS, migrate, schema_version

    path = tmp_path / "v3.sqlite"
    with open_data_file(path) as data:
        merge_dataset(data, Dataset(contacts=(_talks((date(2026, 5, 1), date(2026, 6, 1))),)))
        # Back to version 3: as a file written before migration 4 (SQLite ≥ 3.35 drops).
        with data.transaction():
            for name in ("follow_up_added", "follow_up_removed", "follow_up_changed"):
                data.execute(f"DROP TRIGGER {name}")
            data.execute("DROP INDEX contact_open_follow_up")
            data.execute("ALTER TABLE contact DROP COLUMN open_follow_up_on")
            data.execute("PRAGMA user_version = 3")
        assert schema_version(data) == 3
        assert migrate(data, MIGRATIONS[:4]) == 1
        assert _open_follow_up(data, "k") == "2026-06-01"


def test_follow_ups_due_read_the_index(data: DataFile) -> None:
    from ontrack.storage.repositories.contact_records import FOLLOW_UPS_DUE

    bound = FOLLOW_UPS_DUE("2026-11-24")
    query = data.execute(f"EXPLAIN QUERY PLAN {bound.sql}", bound.parameters)
    assert "contact_open_follow_up" in " ".join(str(row[-1]) for row in query)


def test_migration_6_keeps_the_raters_of_an_older_file(tmp_path: Path) -> None:
    from ontrack.domain.assessment import Answer, Assessment, Rater
    from ontrack.storage.migrations import MIGRATIONS, migrate
    from ontrack.storage.repositories.assessment_records import load_assessment

    path = tmp_path / "v5.sqlite"
    old = Rater("Bo", answers=(Answer("people.1", 2),))
    with open_data_file(path) as data:
        merge_dataset(
            data, Dataset(assessments=(Assessment("a", date(2026, 1, 5), raters=(old,)),))
        )
        with data.transaction():  # back to version 5, as a file written before migration 6
            data.execute("DROP TABLE rater_comment")
            for column in ("uid", "email", "asked_on", "returned_on", "consent"):
                data.execute(f"ALTER TABLE rater DROP COLUMN {column}")
            for index in ("step_done_on", "interaction_date"):  # migration 8's
                data.execute(f"DROP INDEX {index}")
            data.execute("PRAGMA user_version = 5")
        # Up to 8: the sort keys of migration 9 (about the journal) stay as they are.
        assert migrate(data, MIGRATIONS[:8]) == 3
        loaded = load_assessment(data, "a")
        assert loaded is not None
        assert loaded.raters == (old,)
