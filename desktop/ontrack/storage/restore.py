"""Putting a backup back: check it, keep the current file, then swap atomically.

The current data file is never lost: it is backed up first (or, if it is too damaged to
back up, moved aside as `<name>.damaged-<when>`). The old write-ahead log is removed before
the swap, because SQLite would otherwise replay it onto the restored database. A restore
holds the file's writer lock, so it never happens under an OnTrack that has the file open;
a data path that is a symbolic link is restored through the link, into its target.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from datetime import datetime, timedelta
from pathlib import Path

from ..files.atomic import fsync_directory
from .backup import STAMP, backup_file, backup_name, backups_folder, share_key
from .connection import connect_read_only, database_errors, key_for
from .database import inspect_existing
from .errors import DamagedFileError, DataFileError, UnwritableFileError
from .lock import writer_lock


def check_backup(backup: Path, data_path: Path | None = None) -> None:
    """Raise `DataFileError` unless `backup` is an intact OnTrack file this version reads
    (`ProtectedFileError` for a protected one whose key this program does not know: one
    with the key of `data_path`, unlocked, is known)."""
    if not backup.is_file():
        raise DataFileError(f"There is no backup at {backup}.")
    if data_path is not None:
        share_key(data_path, backup)
    inspect_existing(backup)  # ProtectedFileError: a protected backup nobody unlocked yet
    try:
        connection = connect_read_only(backup)
        try:
            verdict = connection.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            connection.close()
    except database_errors() as error:
        raise DamagedFileError(f"{backup} is damaged ({error}).") from error
    if verdict != "ok":
        raise DamagedFileError(f"{backup} is damaged ({verdict}).")


def restore_backup(data_path: Path, backup: Path, now: datetime) -> Path | None:
    """Replace the data file with `backup`. Returns where the previous file was kept."""
    with writer_lock(data_path):
        check_backup(backup, data_path)
        return _swap_in(data_path, backup, now)


def _swap_in(data_path: Path, backup: Path, now: datetime) -> Path | None:
    real = Path(os.path.realpath(data_path))  # a link stays a link; its target is restored
    temp = real.with_name(f".{real.name}.restoring")
    try:
        # The backup's bytes are copied first: keeping the current file next can then
        # never change what is put back, whatever name it is kept under.
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as out, backup.open("rb") as source:
            shutil.copyfileobj(source, out, 1 << 20)
            out.flush()
            os.fsync(out.fileno())
        kept = _keep_current(data_path, now)
        for leftover in (_sibling(real, "-wal"), _sibling(real, "-shm")):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()
        protected = _put_keys_in_place(real, backup)
        os.replace(temp, real)
        fsync_directory(real.parent)  # the rename itself survives a power cut
        if not protected:
            with contextlib.suppress(FileNotFoundError):
                _sibling(real, ".keys").unlink()  # the file is plain again
        from .connection import remember_key

        remember_key(data_path, key_for(backup))
    except OSError as error:
        raise UnwritableFileError(
            f"OnTrack could not restore {data_path}: {error.strerror}. Nothing was changed."
        ) from error
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
    return kept


def _put_keys_in_place(real: Path, backup: Path) -> bool:
    """Before a protected backup is put back: its key file beside the data file (unless
    the data file's own, with today's passphrase, is for the same key). True if protected."""
    from .cipher import is_protected
    from .key_envelope import read_envelope, write_envelope

    if not is_protected(backup):
        return False
    envelope = read_envelope(backup)
    try:
        current = read_envelope(real)
    except DataFileError:
        current = None
    if current is None or current.key_id != envelope.key_id:
        write_envelope(real, envelope)
    return True


def _keep_current(data_path: Path, now: datetime) -> Path | None:
    if not data_path.exists() or data_path.stat().st_size == 0:
        return None
    target = backups_folder(data_path) / backup_name(data_path, now)
    while target.exists():  # never over another backup (one made this same second, say)
        now += timedelta(seconds=1)
        target = backups_folder(data_path) / backup_name(data_path, now)
    try:
        return backup_file(data_path, target)
    except DataFileError:
        # Too damaged to back up through SQLite: keep the bytes as they are instead.
        aside = data_path.with_name(f"{data_path.name}.damaged-{now.strftime(STAMP)}")
        shutil.copy2(data_path, aside)
        os.chmod(aside, 0o600)
        keys = _sibling(data_path, ".keys")
        if keys.exists():  # a protected file kept aside keeps the keys that open it
            shutil.copy2(keys, _sibling(aside, ".keys"))
        return aside


def _sibling(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)
