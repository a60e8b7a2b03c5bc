"""Backups of the data file, with SQLite's online backup API (never a file copy of a live
database), each verified with `PRAGMA integrity_check` before it is given its name.

A backup of a protected file is encrypted with the same key, and its key envelope is
written beside it (`<backup>.keys`) before the backup gets its name: every backup opens
with the passphrase it was made under, and with the recovery code.

Automatic backups go into a `backups` folder beside the data file (owner-only), named by
when they were made, and are thinned by the retention rule in `domain.retention`.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from datetime import datetime
from pathlib import Path

from ..domain.backups import BackupInfo
from ..domain.retention import backups_to_keep
from ..files.atomic import fsync_directory
from .connection import connect_read_only, database_errors, key_for
from .errors import DamagedFileError, DataFileError, UnwritableFileError
from .migrations import APPLICATION_ID

STAMP = "%Y-%m-%d-%H%M%S"
SUFFIX = ".sqlite"


def backups_folder(data_path: Path) -> Path:
    return data_path.parent / "backups"


def backup_name(data_path: Path, made_at: datetime) -> str:
    return f"{data_path.stem}-{made_at.strftime(STAMP)}{SUFFIX}"


def make_backup(source: sqlite3.Connection, target: Path, of: Path | None = None) -> Path:
    """Copy the database behind `source` (the data file `of`, if it may be protected) to
    `target`, verified, owner-only, atomically."""
    target = Path(target)
    key = key_for(of) if of is not None else None
    try:
        target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as error:
        raise UnwritableFileError(f"Cannot create {target.parent}: {error.strerror}.") from error
    temp = target.with_name(f".{target.name}.partial")
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.close(fd)
        copy = _connect_copy(temp, key)
        try:
            source.backup(copy)
            copy.execute("PRAGMA journal_mode = delete")  # a backup is one self-contained file
            verdict = copy.execute("PRAGMA integrity_check").fetchone()[0]
            application_id = copy.execute("PRAGMA application_id").fetchone()[0]
        finally:
            copy.close()
        if verdict != "ok":
            raise DamagedFileError(f"The backup failed its integrity check ({verdict}).")
        if application_id != APPLICATION_ID:  # a copy of something else, or of nothing
            raise DamagedFileError("The backup is not a copy of an OnTrack data file.")
        _fsync(temp)
        if key is not None and of is not None:
            from .key_envelope import read_envelope, write_envelope

            write_envelope(target, read_envelope(of))  # first: no backup without its keys
        os.replace(temp, target)
        fsync_directory(target.parent)
    except OSError as error:
        raise UnwritableFileError(f"Cannot write the backup {target}: {error.strerror}.") from error
    except database_errors("Error") as error:
        raise _backup_failure(error, target) from error
    finally:
        # A failure (a full disk, say) can leave the copy's rollback journal beside it too.
        for leftover in (temp, temp.with_name(temp.name + "-journal")):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()
    return target


def _connect_copy(temp: Path, key: bytes | None) -> sqlite3.Connection:
    if key is None:
        return sqlite3.connect(temp, isolation_level=None)
    import sqlcipher3

    from .cipher import key_pragma

    copy: sqlite3.Connection = sqlcipher3.connect(temp, isolation_level=None)
    copy.execute(f"PRAGMA key = {key_pragma(key)}")  # the same key as its source
    return copy


def _backup_failure(error: Exception, target: Path) -> DataFileError:
    name = getattr(error, "sqlite_errorname", "")
    if name == "SQLITE_FULL" or name.startswith("SQLITE_IOERR"):
        return UnwritableFileError(
            f"The backup could not be written to {target} ({error}: the disk may be full). "
            "No backup was made there; the data file itself is unchanged."
        )
    return DataFileError(f"The backup could not be made: {error}.")


def backup_file(data_path: Path, target: Path) -> Path:
    """Back up a data file that may not be open (the command line)."""
    source = connect_read_only(data_path)
    try:
        return make_backup(source, target, data_path)
    except database_errors("Error") as error:
        raise DataFileError(f"The backup could not be made: {error}.") from error
    finally:
        source.close()


def holds_records(connection: sqlite3.Connection) -> bool:
    """Does the database behind `connection` hold anything a person wrote? (An empty data
    file's backup is not worth making, nor worth offering in place of a real one.)"""
    # Plain SQL: this reads backups and other files, not the open DataFile's Row classes.
    tables = ("assessment", "goal", "feedback", "contact", "event")
    probes = [f"EXISTS (SELECT 1 FROM {table})" for table in tables]
    probes.append("EXISTS (SELECT 1 FROM profile WHERE name || current_role || target_role != '')")
    try:
        return bool(connection.execute("SELECT " + " OR ".join(probes)).fetchone()[0])
    except sqlite3.Error:
        return False


def newest_worth_restoring(data_path: Path) -> BackupInfo | None:
    """The newest automatic backup that holds records (an empty one never displaces it)."""
    for info in list_backups(data_path):
        share_key(data_path, info.path)
        try:
            connection = connect_read_only(info.path, immutable=True)
        except database_errors("Error"):
            continue
        try:
            if holds_records(connection):
                return info
        finally:
            connection.close()
    return None


def share_key(data_path: Path, backup: Path) -> bool:
    """If `backup` is protected with the same key as the (unlocked) data file, open it with
    that key from now on. True if `backup` can now be opened without asking."""
    from .cipher import is_protected

    if not is_protected(backup):
        return True
    if key_for(backup) is not None:
        return True
    key = key_for(data_path)
    if key is None:
        return False
    from .key_envelope import key_id, read_envelope

    try:
        same = read_envelope(backup).key_id == key_id(key)
    except DataFileError:
        return False
    if same:
        from .connection import remember_key

        remember_key(backup, key)
    return same


def list_backups(data_path: Path) -> list[BackupInfo]:
    """This data file's automatic backups, newest first."""
    folder = backups_folder(data_path)
    found = []
    prefix = f"{data_path.stem}-"
    for path in folder.glob(f"{prefix}*{SUFFIX}") if folder.is_dir() else ():
        try:
            made_at = datetime.strptime(path.name[len(prefix) : -len(SUFFIX)], STAMP)
            size = path.stat().st_size
        except (ValueError, OSError):
            continue  # not one of ours
        found.append(BackupInfo(path, made_at, size))
    return sorted(found, key=lambda info: info.made_at, reverse=True)


def automatic_backup(source: sqlite3.Connection, data_path: Path, now: datetime) -> Path | None:
    """Make today's backup unless one exists, then thin out old ones. Returns the new one."""
    existing = list_backups(data_path)
    made = None
    due = not existing or existing[0].made_at.date() != now.date()
    if due and holds_records(source):
        made = make_backup(
            source, backups_folder(data_path) / backup_name(data_path, now), data_path
        )
        existing = list_backups(data_path)
    keep = backups_to_keep(info.made_at for info in existing)
    for info in existing:
        if info.made_at not in keep:
            with contextlib.suppress(OSError):
                info.path.unlink()
            with contextlib.suppress(OSError):
                info.path.with_name(info.path.name + ".keys").unlink()
    return made


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
