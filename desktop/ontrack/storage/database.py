"""Opening the data file: refuse what isn't ours (untouched), create new files privately,
set the connection's pragmas and bring the schema up to date.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from urllib.parse import quote

from peewee import SqliteDatabase

from .errors import (
    DamagedFileError,
    DataFileError,
    NewerVersionError,
    NotAnOnTrackFileError,
    UnwritableFileError,
)
from .migrations import APPLICATION_ID, LATEST_VERSION, migrate
from .schema import database_proxy

SQLITE_MAGIC = b"SQLite format 3\x00"

# WAL lets readers and the writer work side by side; FULL makes each commit durable when the
# call returns, which is what "there is no Save button" promises.
PRAGMAS = (
    ("journal_mode", "wal"),
    ("foreign_keys", 1),
    ("synchronous", "full"),
    ("busy_timeout", 5000),
    ("cache_size", -16000),
)


class DataFile:
    """An open OnTrack data file. The Row classes are bound to it while it is open."""

    def __init__(self, path: Path, db: SqliteDatabase) -> None:
        self.path = path
        self.db = db

    def close(self) -> None:
        if not self.db.is_closed():
            self.db.close()
        if database_proxy.obj is self.db:
            database_proxy.initialize(None)

    def __enter__(self) -> DataFile:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


def open_data_file(path: str | os.PathLike[str], *, create: bool = True) -> DataFile:
    """Open (or create) the data file at `path`; raise `DataFileError` with a clear message."""
    path = Path(path)
    if path.is_dir():
        raise DataFileError(f"{path} is a folder, not an OnTrack data file.")
    if path.exists() and path.stat().st_size > 0:
        inspect_existing(path)
    elif create:
        _create_private_file(path)
    else:
        raise DataFileError(f"There is no data file at {path}.")

    db = SqliteDatabase(str(path), pragmas=PRAGMAS, autoconnect=False)
    try:
        db.connect()
        database_proxy.initialize(db)
        migrate(db)
    except sqlite3.OperationalError as error:
        db.close()
        raise UnwritableFileError(f"OnTrack cannot write to {path}: {error}.") from error
    except sqlite3.DatabaseError as error:
        db.close()
        raise DamagedFileError(f"{path} is damaged and cannot be opened ({error}).") from error
    return DataFile(path, db)


def inspect_existing(path: Path) -> None:
    """Check, without changing a byte, that `path` is an OnTrack file this version can open."""
    try:
        with path.open("rb") as stream:
            header = stream.read(len(SQLITE_MAGIC))
    except OSError as error:
        raise DataFileError(f"OnTrack cannot read {path}: {error.strerror}.") from error
    if header != SQLITE_MAGIC:
        raise NotAnOnTrackFileError(f"{path} is not an OnTrack data file.")
    uri = f"file:{quote(str(path.resolve()))}?mode=ro"
    try:
        connection = sqlite3.connect(uri, uri=True)
        try:
            application_id = connection.execute("PRAGMA application_id").fetchone()[0]
            version = connection.execute("PRAGMA user_version").fetchone()[0]
            tables = connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        raise DamagedFileError(f"{path} is damaged and cannot be opened ({error}).") from error
    if application_id != APPLICATION_ID and (tables or version):
        raise NotAnOnTrackFileError(f"{path} is an SQLite database, but not an OnTrack data file.")
    if version > LATEST_VERSION:
        raise NewerVersionError(
            f"{path} was written by a newer version of OnTrack (data version {version}); "
            f"this version reads up to {LATEST_VERSION}. Please update OnTrack."
        )


def _create_private_file(path: Path) -> None:
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o600)
        os.close(fd)
        os.chmod(path, 0o600)
    except OSError as error:
        raise UnwritableFileError(f"OnTrack cannot create {path}: {error.strerror}.") from error
