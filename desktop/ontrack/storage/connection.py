"""The open data file: one SQLite connection, its pragmas, and transactions.

Reads on the start-up path use this plain `sqlite3` connection, so opening OnTrack never
waits for Peewee to import (about 40 ms). Peewee adopts the same connection the first time
something asks for `DataFile.orm`; from then on both see the same transaction. Every
transaction, Peewee's writes included, goes through `transaction()` here, never through
Peewee's own `atomic()`, so there is exactly one place that says BEGIN and COMMIT.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import explain_write_failure

if TYPE_CHECKING:
    from peewee import SqliteDatabase

# WAL lets a reader and the writer work side by side; FULL makes each commit durable when
# the call returns, which is what "there is no Save button" promises.
PRAGMAS = (
    ("journal_mode", "wal"),
    ("foreign_keys", "1"),
    ("synchronous", "full"),
    ("busy_timeout", "5000"),
    ("cache_size", "-16000"),
)


def connect(path: Path) -> sqlite3.Connection:
    # isolation_level=None: no implicit transactions; transaction() below says when.
    connection = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    for name, value in PRAGMAS:
        connection.execute(f"PRAGMA {name} = {value}")
    return connection


class DataFile:
    """An open OnTrack data file."""

    def __init__(self, path: Path, connection: sqlite3.Connection) -> None:
        self.path = path
        self.connection = connection
        self._depth = 0
        self._orm: SqliteDatabase | None = None

    def execute(self, sql: str, parameters: Sequence[object] = ()) -> sqlite3.Cursor:
        return self.connection.execute(sql, parameters)

    @contextmanager
    def transaction(self, *, write: bool = True) -> Iterator[sqlite3.Connection]:
        """All or nothing: commits on success, rolls back on any exception. Nests."""
        if self._depth:
            name = f"nested_{self._depth}"
            self.connection.execute(f"SAVEPOINT {name}")
            self._depth += 1
            try:
                yield self.connection
            except BaseException:
                # On a full disk or an I/O error SQLite may already have rolled back the whole
                # transaction, savepoints included: then there is nothing to roll back here,
                # and the outer level reports the error that caused it (not "no such
                # savepoint").
                if self.connection.in_transaction:
                    self.connection.execute(f"ROLLBACK TO {name}")
                    self.connection.execute(f"RELEASE {name}")
                raise
            else:
                self.connection.execute(f"RELEASE {name}")
            finally:
                self._depth -= 1
            return
        try:
            self.connection.execute("BEGIN IMMEDIATE" if write else "BEGIN")
            self._depth = 1
            try:
                yield self.connection
            except BaseException:
                if self.connection.in_transaction:
                    self.connection.execute("ROLLBACK")
                raise
            else:
                self.connection.execute("COMMIT")
            finally:
                self._depth = 0
        except sqlite3.OperationalError as error:
            # A full disk or a read-only file: say so in words; the transaction left nothing.
            clear = explain_write_failure(error, self.path)
            if clear is None:
                raise
            raise clear from error

    def snapshot(self) -> AbstractContextManager[sqlite3.Connection]:
        """A read transaction: several queries that see one consistent state."""
        return self.transaction(write=False)

    @property
    def orm(self) -> SqliteDatabase:
        """Peewee over this connection, with the Row classes bound to it (loaded on demand)."""
        if self._orm is None:
            from .orm import adopt

            self._orm = adopt(self.path, self.connection)
        return self._orm

    def bind_rows(self) -> None:
        """Make the Row classes query this file (before using them)."""
        self.orm  # noqa: B018 (creating it binds them)

    def close(self) -> None:
        if self._orm is not None:
            from .orm import release

            release(self._orm)
            self._orm = None
        self.connection.close()

    def __enter__(self) -> DataFile:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()
