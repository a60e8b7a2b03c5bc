"""Peewee over the data file's own connection, and how repositories run Peewee's queries.

Every repository query is built with Peewee's query builder over the `…Row` classes, then
run here on the DataFile's own sqlite3 connection, inside its one `transaction()`:

- `run` returns the cursor: rows come back as SQLite holds them (dates as ISO text). The
  list reads map thousands of rows straight into domain objects (`rows.py`), and Peewee's
  cursor wrappers would add a converter call per value, which costs more than the reading.
- `run_many` is `executemany` of the INSERT Peewee writes for one row: a 100,000-row
  import runs one prepared statement, where `insert_many` would build (and SQLite parse)
  a new statement per chunk, about twice as slow (measured on 100,000 step rows).

Both go to sqlite3 directly, not through `Database.execute`, so that errors stay sqlite3's
own: `DataFile.transaction()` turns a full disk or a read-only file into words from them.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from peewee import Field, SqliteDatabase

from .schema import BaseRow, database_proxy

if TYPE_CHECKING:
    from .connection import DataFile


class _AdoptedDatabase(SqliteDatabase):
    """A Peewee database that uses a connection opened (and pragma'd) by storage."""

    def __init__(self, path: Path, connection: sqlite3.Connection) -> None:
        self._adopted = connection
        super().__init__(str(path), autoconnect=False)

    def _connect(self) -> sqlite3.Connection:
        self._add_conn_hooks(self._adopted)  # type: ignore[attr-defined]
        return self._adopted


def adopt(path: Path, connection: sqlite3.Connection) -> SqliteDatabase:
    database = _AdoptedDatabase(path, connection)
    database.connect()
    database_proxy.initialize(database)
    return database


def release(database: SqliteDatabase) -> None:
    """Unbind the Row classes; the connection itself is closed by its DataFile."""
    if database_proxy.obj is database:
        database_proxy.initialize(None)


def statement(data: DataFile, query: Any) -> tuple[str, list[Any]]:
    """The SQL and parameters Peewee writes for `query`, in this file's SQLite dialect."""
    sql, parameters = data.orm.get_sql_context().sql(query).query()
    return sql, parameters


def run(data: DataFile, query: Any) -> sqlite3.Cursor:
    """Run a Peewee query on the file's connection; the cursor yields plain tuples."""
    sql, parameters = statement(data, query)
    return data.connection.execute(sql, parameters)


def value(data: DataFile, query: Any) -> Any:
    """The first column of the first row of `query`, or None when it has no rows."""
    row = run(data, query).fetchone()
    return row[0] if row is not None else None


def run_many(
    data: DataFile,
    table: type[BaseRow],
    fields: Sequence[Field],
    rows: Iterable[tuple[Any, ...]],
    *,
    upsert: bool = False,
) -> None:
    """Insert `rows` (values for `fields`, in that order, as SQLite stores them).

    With `upsert`, a row whose primary key exists updates that row instead, keeping its key
    and its place in the canonical order (`seq`)."""
    template = table.insert_many([(None,) * len(fields)], fields=list(fields))
    if upsert:
        key = table._meta.primary_key
        keep = [f for f in fields if f is not key and f.name != "seq"]
        template = template.on_conflict(conflict_target=[key], preserve=keep)
    sql, parameters = statement(data, template)
    # Peewee appends the columns that have a default (the goal's kept counts) to the row.
    defaults = tuple(parameters[len(fields) :])
    if defaults:
        rows = (row + defaults for row in rows)
    data.connection.executemany(sql, rows)


def run_each(
    data: DataFile, query: Any, placeholders: Sequence[Any], rows: Iterable[Sequence[Any]]
) -> None:
    """Run `query` once for each row of parameters, as one prepared statement.

    `query` is built with `placeholders` as its values; each row gives the real values in
    that order (checked: Peewee orders SET clauses its own way)."""
    sql, parameters = statement(data, query)
    if list(parameters) != list(placeholders):
        raise ValueError(f"parameters come as {parameters}, not as {list(placeholders)}")
    data.connection.executemany(sql, rows)
