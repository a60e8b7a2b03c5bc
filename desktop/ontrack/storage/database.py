"""Opening the data file: refuse what isn't ours or is damaged (untouched), create new files
privately, hold the writer lock, and bring the schema up to date."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from .connection import (
    DataFile,
    connect,
    connect_read_only,
    damaged_message,
    database_errors,
    key_for,
    read_only_message,
)
from .errors import (
    DamagedFileError,
    DataFileError,
    NewerVersionError,
    NotAnOnTrackFileError,
    ProtectedFileError,
    ReadOnlyFileError,
    UnwritableFileError,
)
from .integrity import BackgroundCheck, cut_short, quick_check
from .lock import WriterLock
from .migrations import APPLICATION_ID, LATEST_VERSION, migrate

SQLITE_MAGIC = b"SQLite format 3\x00"


def open_data_file(
    path: str | os.PathLike[str],
    *,
    create: bool = True,
    writer: bool = True,
    check_in_background: bool = False,
) -> DataFile:
    """Open (or create) the data file at `path`; raise `DataFileError` with a clear message.

    A `writer` (the window, an import) holds the file's writer lock until it closes it, and
    is refused while another one does. A reader (export, report, backup) takes no lock and
    opens a file in a read-only folder read-only. An existing file is checked for damage
    first; `check_in_background` leaves that check to `DataFile.check`, for the window to
    start once it is painted (its first write waits for the verdict, starting it if need
    be)."""
    path = Path(path)
    if path.is_dir():
        raise DataFileError(f"{path} is a folder, not an OnTrack data file.")
    lock = WriterLock(path) if writer else None
    if lock is not None:
        lock.acquire()
    try:
        if lock is not None:
            _tidy_leftovers(path)
        return _open(path, create, lock, check_in_background)
    except BaseException:
        if lock is not None:
            lock.release()
        raise


def _open(path: Path, create: bool, lock: WriterLock | None, background: bool) -> DataFile:
    exists = path.exists() and path.stat().st_size > 0
    if exists:
        inspect_existing(path)
        writable = _writable(path)
        if lock is not None and not writable:
            raise ReadOnlyFileError(read_only_message(path))
        if not background or not writable:  # a read-only file is checked before it opens
            _verify(path)
    elif path.exists() and _has_backups(path):
        raise DamagedFileError(
            f"{path} is empty, but OnTrack has backups of it: the file was emptied by "
            "something other than OnTrack (a failed copy or sync, a full disk). Restore its "
            "newest backup to go on."
        )
    elif create:
        _create_private_file(path)
        writable = True
    else:
        raise DataFileError(f"There is no data file at {path}.")
    if not writable:
        return _open_read_only(path)
    try:
        connection = connect(path)
    except database_errors("Error") as error:
        raise UnwritableFileError(f"OnTrack cannot open {path}: {error}.") from error
    data = DataFile(path, connection, lock=lock)
    if exists and background:
        # Started by the window once it is painted (or by the first write, which needs it).
        data.check = BackgroundCheck(path, start=False)
    try:
        migrate(data)
    except DataFileError:
        data.close()  # lets go of the lock too
        raise
    except database_errors("OperationalError") as error:
        data.close()
        raise UnwritableFileError(f"OnTrack cannot write to {path}: {error}.") from error
    except database_errors() as error:
        data.close()
        raise DamagedFileError(damaged_message(path, str(error))) from error
    return data


def _open_read_only(path: Path) -> DataFile:
    """A healthy file that cannot be written (its folder or itself is read-only): readers
    still get to read it, through a connection that writes nothing beside it either."""
    connection = _inspection_connection(path)
    version = int(connection.execute("PRAGMA user_version").fetchone()[0])
    if version < LATEST_VERSION:
        connection.close()
        raise ReadOnlyFileError(
            f"{path} is read-only and was written by an earlier version of OnTrack, which "
            "needs to update it first. Copy it to a folder of yours and open the copy."
        )
    return DataFile(path, connection, read_only=True)


def _verify(path: Path) -> None:
    """Run the full quick check now, reading only (the command line; the window runs it in
    the background)."""
    connection = _inspection_connection(path)
    try:
        problem = quick_check(connection)
    finally:
        connection.close()
    if problem is not None:
        raise DamagedFileError(damaged_message(path, problem))


def _has_log(path: Path) -> bool:
    """Is there a write-ahead log beside the file with changes in it (a session that did not
    close, or an OnTrack that has the file open now)?"""
    log = path.with_name(path.name + "-wal")
    try:
        return log.stat().st_size > 0
    except OSError:
        return False


def _inspection_connection(path: Path) -> sqlite3.Connection:
    # With no log beside it, the file alone is the whole truth: read it as immutable, so
    # that looking at a file (one we then refuse, say) leaves no -wal or -shm behind it.
    return connect_read_only(path, immutable=not _has_log(path))


def _has_backups(path: Path) -> bool:
    from .backup import list_backups

    return bool(list_backups(path))


def inspect_existing(path: Path) -> None:
    """Check, without changing a byte, that `path` is an OnTrack file this version can open
    and that it is not cut short."""
    try:
        with path.open("rb") as stream:
            header = stream.read(len(SQLITE_MAGIC))
    except OSError as error:
        raise DataFileError(f"OnTrack cannot read {path}: {error.strerror}.") from error
    if header != SQLITE_MAGIC and key_for(path) is None:
        _refuse_unknown(path, header)
    try:
        connection = _inspection_connection(path)
        try:
            application_id = connection.execute("PRAGMA application_id").fetchone()[0]
            version = connection.execute("PRAGMA user_version").fetchone()[0]
            tables = connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
            page_size = int(connection.execute("PRAGMA page_size").fetchone()[0])
        finally:
            connection.close()
    except database_errors("OperationalError") as error:
        if not _writable(path):  # a log beside it that SQLite may not open to read
            raise ReadOnlyFileError(read_only_message(path)) from error
        raise DamagedFileError(damaged_message(path, str(error))) from error
    except database_errors() as error:
        raise DamagedFileError(damaged_message(path, str(error))) from error
    # Another program's file, even an empty one that says whose it is, is never taken over.
    if application_id not in (0, APPLICATION_ID) or (application_id == 0 and (tables or version)):
        raise NotAnOnTrackFileError(f"{path} is an SQLite database, but not an OnTrack data file.")
    if version > LATEST_VERSION:
        raise NewerVersionError(
            f"{path} was written by a newer version of OnTrack (data version {version}); "
            f"this version reads up to {LATEST_VERSION}. Please update OnTrack."
        )
    if not _has_log(path) and cut_short(path, page_size):
        raise DamagedFileError(damaged_message(path, "it ends in the middle of a page"))


def looks_encrypted(path: Path) -> bool:
    """Does the file at `path` start with something other than SQLite's header (without
    opening it as a database)? An empty or missing file does not. The first 16 bytes: all
    that a plain file pays at start-up for protection existing."""
    try:
        with path.open("rb") as stream:
            header = stream.read(len(SQLITE_MAGIC))
    except OSError:
        return False
    return len(header) == len(SQLITE_MAGIC) and header != SQLITE_MAGIC


def _refuse_unknown(path: Path, header: bytes) -> None:
    """A file that is not plain SQLite: protected (its key file beside it) or not ours."""
    from .key_envelope import sidecar

    if len(header) == len(SQLITE_MAGIC) and looks_encrypted(path):
        if sidecar(path).is_file():
            raise ProtectedFileError(f"{path} is protected with a passphrase.")
        raise NotAnOnTrackFileError(
            f"{path} is not an OnTrack data file, or it is a protected one whose key file "
            f"({sidecar(path).name}) is missing beside it."
        )
    raise NotAnOnTrackFileError(f"{path} is not an OnTrack data file.")


def _tidy_leftovers(path: Path) -> None:
    """What a conversion cut short left (we hold the writer lock, so nobody is using it):
    its unfinished copy, and the key file of a file that is plain again."""
    import contextlib

    with contextlib.suppress(OSError):
        path.with_name(f".{path.name}.converting").unlink()
    keys = path.with_name(path.name + ".keys")
    if keys.exists() and path.is_file() and path.stat().st_size > 0:
        with contextlib.suppress(OSError), path.open("rb") as stream:
            if stream.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC:
                keys.unlink()


def _writable(path: Path) -> bool:
    # The folder matters too: the write-ahead log lives beside the file.
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK | os.X_OK)


def _create_private_file(path: Path) -> None:
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o600)
        os.close(fd)
        os.chmod(path, 0o600)
    except OSError as error:
        raise UnwritableFileError(f"OnTrack cannot create {path}: {error.strerror}.") from error
