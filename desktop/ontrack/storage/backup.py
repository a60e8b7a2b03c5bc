"""Backups of the data file, with SQLite's online backup API (never a file copy of a live
database), each verified with `PRAGMA integrity_check` before it is given its name.

Automatic backups go into a `backups` folder beside the data file (owner-only), named by
when they were made, and are thinned by the retention rule in `domain.retention`.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ..domain.retention import backups_to_keep
from .errors import DamagedFileError, DataFileError, UnwritableFileError

STAMP = "%Y-%m-%d-%H%M%S"
SUFFIX = ".sqlite"


@dataclass(frozen=True, slots=True)
class BackupInfo:
    path: Path
    made_at: datetime
    size: int


def backups_folder(data_path: Path) -> Path:
    return data_path.parent / "backups"


def backup_name(data_path: Path, made_at: datetime) -> str:
    return f"{data_path.stem}-{made_at.strftime(STAMP)}{SUFFIX}"


def make_backup(source: sqlite3.Connection, target: Path) -> Path:
    """Copy the database behind `source` to `target`, verified, owner-only, atomically."""
    target = Path(target)
    try:
        target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as error:
        raise UnwritableFileError(f"Cannot create {target.parent}: {error.strerror}.") from error
    temp = target.with_name(f".{target.name}.partial")
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.close(fd)
        copy = sqlite3.connect(temp, isolation_level=None)
        try:
            source.backup(copy)
            copy.execute("PRAGMA journal_mode = delete")  # a backup is one self-contained file
            verdict = copy.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            copy.close()
        if verdict != "ok":
            raise DamagedFileError(f"The backup failed its integrity check ({verdict}).")
        _fsync(temp)
        os.replace(temp, target)
    except OSError as error:
        raise UnwritableFileError(f"Cannot write the backup {target}: {error.strerror}.") from error
    except sqlite3.Error as error:
        raise DataFileError(f"The backup could not be made: {error}.") from error
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
    return target


def backup_file(data_path: Path, target: Path) -> Path:
    """Back up a data file that may not be open (the command line)."""
    uri = f"file:{data_path.resolve().as_posix()}?mode=ro"
    source = sqlite3.connect(uri, uri=True)
    try:
        return make_backup(source, target)
    finally:
        source.close()


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
    if not existing or existing[0].made_at.date() != now.date():
        made = make_backup(source, backups_folder(data_path) / backup_name(data_path, now))
        existing = list_backups(data_path)
    keep = backups_to_keep(info.made_at for info in existing)
    for info in existing:
        if info.made_at not in keep:
            with contextlib.suppress(OSError):
                info.path.unlink()
    return made


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
