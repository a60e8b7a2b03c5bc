"""Peewee over the data file's own connection, and how repositories run Peewee's queries.

Every repository query is built with Peewee's query builder over the `…Row` classes, then
run here on the DataFile's own sqlite3 connection, inside its one `transaction()`:

- `run` returns the cursor: rows come back as SQLite holds them (dates as ISO text). The
  list reads map thousands of rows straight into domain objects (`rows.py`), and Peewee's
  cursor wrappers would add a converter call per value, which costs more than the reading.
- `run_many` is `executemany` of the INSERT Peewee writes for one row: a 100,000-row
  import runs one prepared statement, where `insert_many` would build (and SQLite parse)
  a new statement per chunk, about twice as slow (measured on 100,000 step rows);
  `run_each` is the same for any prepared query (an UPDATE per row).

- `Prepared` writes a query's SQL once and runs it with new values each time. Peewee takes
  0.2 to 3 ms to write one query (measured: a lookup by id, the Goals table's read, a page
  of 200 ids), often longer than SQLite takes to run it; the tabs' reads and single-record
  saves would be 10 % to several times slower if every call wrote its SQL again.

All go to sqlite3 directly, not through `Database.execute`, so that errors stay sqlite3's
own: `DataFile.transaction()` turns a full disk or a read-only file into words from them.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from peewee import Entity, Field, Node, Select, SqliteDatabase, fn

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


# Writes SQL for SQLite: the same for every file, so written SQL can be kept across files.
_DIALECT = SqliteDatabase(None)


def statement(data: DataFile | None, query: Any) -> tuple[str, list[Any]]:
    """The SQL and parameters Peewee writes for `query` (SQLite's dialect)."""
    sql, parameters = _DIALECT.get_sql_context().sql(query).query()
    return sql, parameters


@dataclass(frozen=True, slots=True)
class Bound:
    """A prepared query's SQL with this call's parameters."""

    sql: str
    parameters: list[Any]


def run(data: DataFile, query: Any) -> sqlite3.Cursor:
    """Run a Peewee query (or a `Bound` one) on the file's connection; plain tuples come back."""
    if isinstance(query, Bound):
        return data.connection.execute(query.sql, query.parameters)
    sql, parameters = statement(data, query)
    return data.connection.execute(sql, parameters)


@dataclass(frozen=True, slots=True)
class _Hole:
    index: int


class _Slot(Node):
    """Where the `index`th value of a prepared query goes."""

    def __init__(self, index: int) -> None:
        self.index = index

    def __sql__(self, ctx: Any) -> Any:
        return ctx.value(_Hole(self.index), converter=False)


class Prepared:
    """A query whose SQL Peewee writes once: `build` gets a placeholder for each value.

    The values are used as given (no field converts them): pass what SQLite stores (ISO
    dates, enum values, JSON lists for `listed`). A query whose shape varies (which filters
    are on, which sort order, how many words were typed) passes `shape`, and
    `build(shape, *values)` is written once per shape; the last `KEPT` shapes are kept."""

    KEPT = 32

    def __init__(self, build: Callable[..., Any]) -> None:
        self._build = build
        self._written: dict[Hashable, tuple[str, list[Any]]] = {}

    def __call__(self, *values: Any, shape: Hashable = None) -> Bound:
        written = self._written.get(shape)
        if written is None:
            slots = [_Slot(i) for i in range(len(values))]
            query = self._build(*slots) if shape is None else self._build(shape, *slots)
            written = statement(None, query)
            if len(self._written) >= self.KEPT:  # a search of many words is a shape of its own
                del self._written[next(iter(self._written))]
            self._written[shape] = written
        sql, template = written
        return Bound(sql, [values[p.index] if type(p) is _Hole else p for p in template])


def listed(values: Sequence[Any]) -> str:
    """A list of values as the one parameter `each_of` reads."""
    return json.dumps(list(values))


def each_of(slot: Any) -> Select:
    """The values of a JSON list parameter, as a subquery: `field.in_(each_of(slot))` takes
    a list of any length through one prepared statement."""
    return Select(from_list=[fn.json_each(slot)], columns=[Entity("value")])


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
    sql, defaults = _insert(table, tuple(f.name for f in fields), upsert)
    if defaults:
        rows = (row + defaults for row in rows)
    data.connection.executemany(sql, rows)


# Keyed by names: Peewee's fields overload `==` (it builds an expression), so they make
# poor keys. One entry per (table, columns) the code writes: about twenty.
@lru_cache(maxsize=64)
def _insert(
    table: type[BaseRow], names: tuple[str, ...], upsert: bool
) -> tuple[str, tuple[Any, ...]]:
    fields = [table._meta.fields[name] for name in names]
    template = table.insert_many([(None,) * len(fields)], fields=list(fields))
    if upsert:
        key = table._meta.primary_key
        keep = [f for f in fields if f is not key and f.name != "seq"]
        template = template.on_conflict(conflict_target=[key], preserve=keep)
    sql, parameters = statement(None, template)
    # Peewee appends the columns that have a default (the goal's kept counts) to the row.
    return sql, tuple(parameters[len(fields) :])


def run_each(data: DataFile, prepared: Prepared, rows: Iterable[Sequence[Any]]) -> None:
    """Run a prepared query once for each row of values, as one statement (executemany)."""
    rows = list(rows)
    if rows:
        sql = prepared(*rows[0]).sql
        data.connection.executemany(sql, (prepared(*row).parameters for row in rows))
