"""Peewee over the data file's own connection, bound to the Row classes on first use."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from peewee import SqliteDatabase

from .schema import database_proxy


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
