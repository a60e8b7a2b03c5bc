"""The migration framework, and that the Row classes describe what the migrations create."""

from __future__ import annotations

from pathlib import Path

import pytest

from ontrack.storage.connection import DataFile, connect
from ontrack.storage.database import open_data_file
from ontrack.storage.migrations import LATEST_VERSION, Migration, migrate, schema_version
from ontrack.storage.schema import ALL_ROWS


def test_every_row_class_matches_its_table(data_path: Path) -> None:
    with open_data_file(data_path) as data:
        for row in ALL_ROWS:
            table = row._meta.table_name
            columns = {c.name: c for c in data.orm.get_columns(table)}
            fields = {f.column_name: f for f in row._meta.sorted_fields}
            assert set(columns) == set(fields), table
            for name, field in fields.items():
                assert columns[name].null == field.null or field.primary_key, f"{table}.{name}"


def test_migrate_is_idempotent(data_path: Path) -> None:
    with open_data_file(data_path) as data:
        assert migrate(data) == 0
        assert schema_version(data) == LATEST_VERSION


def _db(path: Path) -> DataFile:
    return DataFile(path, connect(path))


def _tables(data: DataFile) -> set[str]:
    return {row[0] for row in data.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def test_steps_run_in_order_each_with_its_version(tmp_path: Path) -> None:
    db = _db(tmp_path / "m.sqlite")
    steps = (
        Migration(1, "one", lambda d: d.execute("CREATE TABLE a (x)")),
        Migration(2, "two", lambda d: d.execute("CREATE TABLE b (x)")),
    )
    assert migrate(db, steps[:1]) == 1
    assert schema_version(db) == 1
    assert migrate(db, steps) == 1
    assert schema_version(db) == 2
    assert {"a", "b"} <= _tables(db)
    db.close()


def test_a_failing_step_changes_nothing(tmp_path: Path) -> None:
    db = _db(tmp_path / "m.sqlite")

    def half_done(d: DataFile) -> None:
        d.execute("CREATE TABLE c (x)")
        d.execute("INSERT INTO c VALUES (1)")
        raise RuntimeError("power cut")

    steps = (
        Migration(1, "one", lambda d: d.execute("CREATE TABLE a (x)")),
        Migration(2, "breaks", half_done),
    )
    with pytest.raises(RuntimeError):
        migrate(db, steps)
    assert schema_version(db) == 1
    assert "c" not in _tables(db)
    db.close()
