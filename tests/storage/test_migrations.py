"""The migration framework, and that the Row classes describe what the migrations create."""

from __future__ import annotations

from pathlib import Path

import pytest

from ontrack.storage.connection import DataFile, connect
from ontrack.storage.database import open_data_file
from ontrack.storage.migrations import (
    LATEST_VERSION,
    MIGRATIONS,
    Migration,
    migrate,
    schema_version,
)
from ontrack.storage.schema import ALL_ROWS, FeedbackSearchRow


def _database_schema(data: DataFile) -> dict[str, object]:
    """Each table's columns (name, declared type, nullable) and indexes (columns, unique,
    partial), as SQLite reports them; `<expr>` stands for an expression."""
    found: dict[str, object] = {}
    for row in ALL_ROWS:
        table = row._meta.table_name
        columns = {
            (name, kind.upper(), not notnull or bool(pk))
            for _, name, kind, notnull, _, pk in data.execute(f"PRAGMA table_info({table})")
        }
        indexes = set()
        for _, name, unique, origin, partial in data.execute(f"PRAGMA index_list({table})"):
            if origin == "pk":
                continue
            keys = [r[2] or "<expr>" for r in data.execute(f"PRAGMA index_xinfo({name})") if r[5]]
            indexes.add((tuple(keys), bool(unique), bool(partial)))
        found[table] = (columns, indexes)
    return found


def _model_schema(data: DataFile) -> dict[str, object]:
    """The same, as the Row classes describe it."""
    types = data.orm._field_types  # the SQL type of each kind of field, for SQLite
    described: dict[str, object] = {}
    for row in ALL_ROWS:
        columns = {
            (f.column_name, types[f.field_type].upper(), f.null or f.primary_key)
            for f in row._meta.sorted_fields
        }
        indexes = {
            (
                tuple(getattr(e, "column_name", "<expr>") for e in index._expressions),
                bool(index._unique),
                index._where is not None,
            )
            for index in row._meta.fields_to_index()
        }
        described[row._meta.table_name] = (columns, indexes)
    return described


def _oldest_supported_file(path: Path) -> Path:
    """A file as the first version of OnTrack wrote it (schema version 1)."""
    data = DataFile(path, connect(path))
    try:
        migrate(data, MIGRATIONS[:1])
        assert schema_version(data) == 1
    finally:
        data.close()
    return path


@pytest.mark.parametrize("start", ["new file", "oldest supported file"])
def test_the_row_classes_describe_the_migrated_schema(tmp_path: Path, start: str) -> None:
    """Tables, columns, declared types, nullability and indexes: the models and the
    migrations agree, whether the file was made now or migrated up from version 1."""
    path = tmp_path / "data.sqlite"
    if start == "oldest supported file":
        _oldest_supported_file(path)
    with open_data_file(path) as data:
        assert schema_version(data) == LATEST_VERSION
        in_file, in_models = _database_schema(data), _model_schema(data)
    for table, (columns, indexes) in in_models.items():  # type: ignore[misc]
        assert in_file[table][0] == columns, f"{table}: columns differ"  # type: ignore[index]
        assert in_file[table][1] == indexes, f"{table}: indexes differ"  # type: ignore[index]


@pytest.mark.parametrize("start", ["new file", "oldest supported file"])
def test_every_table_has_its_row_class(tmp_path: Path, start: str) -> None:
    """No table is queried without a model: each table of the migrated file is a Row class,
    or the full-text index (whose own tables FTS5 keeps beside it)."""
    path = tmp_path / "data.sqlite"
    if start == "oldest supported file":
        _oldest_supported_file(path)
    index = FeedbackSearchRow._meta.table_name
    with open_data_file(path) as data:
        tables = {
            name
            for (name,) in data.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        }
    kept_by_fts5 = {name for name in tables if name.startswith(f"{index}_")}
    assert tables - kept_by_fts5 == {row._meta.table_name for row in ALL_ROWS} | {index}


def test_the_search_model_describes_the_full_text_index(data_path: Path) -> None:
    """The FTS5 table's columns, in order, and its tokenizer, as the migration made them."""
    index = FeedbackSearchRow._meta.table_name
    with open_data_file(data_path) as data:
        columns = [row[1] for row in data.execute(f"PRAGMA table_info({index})")]
        (created,) = data.execute(
            "SELECT sql FROM sqlite_master WHERE name = ?", (index,)
        ).fetchone()
    described = [f.column_name for f in FeedbackSearchRow._meta.sorted_fields if not f.primary_key]
    assert columns == described
    assert "USING fts5" in created
    assert f"tokenize = '{FeedbackSearchRow._meta.options['tokenize']}'" in created


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
