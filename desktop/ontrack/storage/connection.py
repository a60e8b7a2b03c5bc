"""The open data file: one SQLite connection, its pragmas, and transactions.

Reads on the start-up path use this plain `sqlite3` connection, so opening OnTrack never
waits for Peewee to import (about 40 ms). Peewee adopts the same connection the first time
something asks for `DataFile.orm`; from then on both see the same transaction. Every
transaction, Peewee's writes included, goes through `transaction()` here, never through
Peewee's own `atomic()`, so there is exactly one place that says BEGIN and COMMIT.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import DamagedFileError, ReadOnlyFileError, explain_write_failure

if TYPE_CHECKING:
    from peewee import SqliteDatabase

    from .integrity import BackgroundCheck
    from .lock import WriterLock

# WAL lets a reader and the writer work side by side; FULL makes each commit durable when
# the call returns, which is what "there is no Save button" promises.
PRAGMAS = (
    ("journal_mode", "wal"),
    ("foreign_keys", "1"),
    ("synchronous", "full"),
    ("busy_timeout", "5000"),
    ("cache_size", "-16000"),
)


# The keys of protected files this process has unlocked, by real path: every connection to
# such a file (the window's, a worker thread's, a backup's) is keyed from here, so the
# many places that open a file by its path need not carry its key.
_KEYS: dict[str, bytes] = {}


def remember_key(path: Path, key: bytes | None) -> None:
    """Open `path` with `key` from now on in this process (None: as a plain file)."""
    if key is None:
        _KEYS.pop(os.path.realpath(path), None)
    else:
        _KEYS[os.path.realpath(path)] = key


def forget_keys() -> None:
    """Forget every key this process has unlocked (as a newly started program knows none)."""
    _KEYS.clear()


def key_for(path: Path) -> bytes | None:
    return _KEYS.get(os.path.realpath(path)) if _KEYS else None


def database_errors(name: str = "DatabaseError") -> tuple[type[Exception], ...]:
    """sqlite3's error class `name`, and sqlcipher3's (not a subclass of it) once loaded."""
    import sys

    found: list[type[Exception]] = [getattr(sqlite3, name)]
    cipher = sys.modules.get("sqlcipher3.dbapi2")
    if cipher is not None:
        found.append(getattr(cipher, name))
    return tuple(found)


def sqlite_uri(path: Path, **parameters: str) -> str:
    """The one way OnTrack names a file to SQLite as a URI: the absolute path percent-encoded
    (so that `#`, `?`, `%` and any other character in a folder's name stay part of the
    path) followed by `parameters`, e.g. `sqlite_uri(p, mode="ro")`."""
    uri = Path(os.path.abspath(path)).as_uri()  # percent-encodes all but letters, digits, /
    query = "&".join(f"{key}={value}" for key, value in parameters.items())
    return f"{uri}?{query}" if query else uri


def connect_read_only(path: Path, *, immutable: bool = False) -> sqlite3.Connection:
    """A connection that can only read `path`. `immutable` tells SQLite that nobody changes
    the file meanwhile, so it needs no lock and no `-shm` beside it: for a file in a
    read-only folder, or one that no OnTrack has open (no `-wal` beside it)."""
    parameters = {"mode": "ro", **({"immutable": "1"} if immutable else {})}
    key = key_for(path)
    if key is not None:
        from .cipher import connect_keyed

        # sqlcipher3 is a fork of the standard sqlite3 module: the same interface.
        keyed: sqlite3.Connection = connect_keyed(sqlite_uri(path, **parameters), key, uri=True)
        return keyed
    return sqlite3.connect(
        sqlite_uri(path, **parameters), uri=True, isolation_level=None, check_same_thread=False
    )


def connect(path: Path) -> sqlite3.Connection:
    # isolation_level=None: no implicit transactions; transaction() below says when.
    key = key_for(path)
    if key is not None:
        from .cipher import connect_keyed

        connection: sqlite3.Connection = connect_keyed(path, key)
    else:
        connection = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    for name, value in PRAGMAS:
        connection.execute(f"PRAGMA {name} = {value}")
    return connection


class DataFile:
    """An open OnTrack data file.

    `lock` is the writer lock it holds (None for a reader); `check` an integrity check still
    running, whose verdict the first write waits for; `read_only` a file that can only be
    read (its folder is read-only): a write is refused in words."""

    def __init__(
        self,
        path: Path,
        connection: sqlite3.Connection,
        *,
        lock: WriterLock | None = None,
        read_only: bool = False,
    ) -> None:
        self.path = path
        self.connection = connection
        self.lock = lock
        self.read_only = read_only
        self.check: BackgroundCheck | None = None
        self._depth = 0
        self._orm: SqliteDatabase | None = None

    @property
    def protected(self) -> bool:
        """Is this file encrypted (opened with a key)?"""
        return key_for(self.path) is not None

    def require_sound(self) -> None:
        """Wait for the integrity check if one is running; raise if it found damage."""
        check = self.check
        if check is None:
            return
        problem = check.problem()
        if problem is not None:
            raise DamagedFileError(damaged_message(self.path, problem))
        self.check = None

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
        if write:
            if self.read_only:
                raise ReadOnlyFileError(read_only_message(self.path))
            self.require_sound()
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
        except database_errors("OperationalError") as error:
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
        if self.check is not None:
            self.check.cancel()
            self.check = None
        if self._orm is not None:
            from .orm import release

            release(self._orm)
            self._orm = None
        self.connection.close()
        if self.lock is not None:
            self.lock.release()

    def __enter__(self) -> DataFile:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


def damaged_message(path: Path, problem: str) -> str:
    return (
        f"{path} is damaged ({problem}). OnTrack has not written to it, so it stays as it "
        "is; restore a backup to go on."
    )


def read_only_message(path: Path) -> str:
    return (
        f"{path} can only be read: it or its folder is read-only. OnTrack needs to write to "
        "it: change the permissions, or copy the file to a folder of yours and open the copy."
    )
