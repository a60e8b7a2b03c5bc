"""Opening the data file: refuse what isn't ours (untouched), create new files privately
and bring the schema up to date."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from urllib.parse import quote

from .connection import DataFile, connect
from .errors import (
    DamagedFileError,
    DataFileError,
    NewerVersionError,
    NotAnOnTrackFileError,
    UnwritableFileError,
)
from .migrations import APPLICATION_ID, LATEST_VERSION, migrate

SQLITE_MAGIC = b"SQLite format 3\x00"


def open_data_file(path: str | os.PathLike[str], *, create: bool = True) -> DataFile:
    """Open (or create) the data file at `path`; raise `DataFileError` with a clear message."""
    path = Path(path)
    if path.is_dir():
        raise DataFileError(f"{path} is a folder, not an OnTrack data file.")
    if path.exists() and path.stat().st_size > 0:
        inspect_existing(path)
        _check_writable(path)
    elif create:
        _create_private_file(path)
    else:
        raise DataFileError(f"There is no data file at {path}.")

    try:
        connection = connect(path)
    except sqlite3.Error as error:
        raise UnwritableFileError(f"OnTrack cannot open {path}: {error}.") from error
    data = DataFile(path, connection)
    try:
        migrate(data)
    except sqlite3.OperationalError as error:
        data.close()
        raise UnwritableFileError(f"OnTrack cannot write to {path}: {error}.") from error
    except sqlite3.DatabaseError as error:
        data.close()
        raise DamagedFileError(f"{path} is damaged and cannot be opened ({error}).") from error
    return data


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


def _check_writable(path: Path) -> None:
    # SQLite would open a read-only file and fail at the first change; say so up front.
    # The folder matters too: the write-ahead log lives beside the file.
    if not os.access(path, os.W_OK):
        raise UnwritableFileError(
            f"{path} is read-only. OnTrack needs to write to it: change its permissions, "
            "or open a copy of it."
        )
    if not os.access(path.parent, os.W_OK | os.X_OK):
        raise UnwritableFileError(
            f"The folder of {path} is read-only. OnTrack keeps a small journal beside the "
            "data file, so it needs to write there: move the file, or change the folder's "
            "permissions."
        )


def _create_private_file(path: Path) -> None:
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o600)
        os.close(fd)
        os.chmod(path, 0o600)
    except OSError as error:
        raise UnwritableFileError(f"OnTrack cannot create {path}: {error.strerror}.") from error
