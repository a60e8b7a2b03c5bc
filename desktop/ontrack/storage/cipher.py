"""SQLCipher: opening a protected data file with its key, and turning a file from plain to
protected and back in place, safely.

The key is 32 random bytes (see `key_envelope`), given to SQLCipher as a raw key,
`PRAGMA key = "x'<64 hex digits>'"`: hex that OnTrack made, so no passphrase ever goes into
SQL text. SQLCipher 4's own defaults do the rest (AES-256 in CBC with an HMAC per page).

A conversion writes a new copy beside the file with `sqlcipher_export`, checks it (SQLite's
integrity check, the same data version, the same number of rows in every table), flushes
it to disk and only then renames it over the original: a crash at any moment leaves the old
file or the new one, each with what it needs beside it. `sqlcipher3` loads here, on first
use, so a plain file never pays for it.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Any

from ..files.atomic import fsync_directory
from .connection import database_errors
from .database import looks_encrypted
from .errors import DamagedFileError, DataFileError, UnwritableFileError
from .key_envelope import Envelope, sidecar, write_envelope

CONVERTING = ".converting"


def is_protected(path: Path) -> bool:
    """A protected data file: not plain SQLite, with its key envelope beside it."""
    return looks_encrypted(path) and sidecar(path).is_file()


def key_pragma(key: bytes) -> str:
    if len(key) != 32:
        raise ValueError("a file key is 32 bytes")
    return f"\"x'{key.hex()}'\""  # hex of our own bytes: nothing a person typed


def connect_keyed(path: Path | str, key: bytes, *, uri: bool = False) -> Any:
    """A `sqlcipher3` connection to the protected database at `path` (a URI if `uri`),
    keyed and checked: `DamagedFileError`-worthy errors surface here, not at first use."""
    import sqlcipher3

    connection = sqlcipher3.connect(path, uri=uri, isolation_level=None, check_same_thread=False)
    try:
        connection.execute(f"PRAGMA key = {key_pragma(key)}")
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except BaseException:
        connection.close()
        raise
    return connection


def convert(path: Path, old: bytes | None, new: bytes | None, envelope: Envelope | None) -> None:
    """Rewrite the database at `path` from key `old` to key `new` (None: plain), in place.

    `envelope` (for a `new` key) is written beside the file before the new copy is renamed
    over it; a plain result's envelope is removed after. The caller holds the writer lock."""
    temp = path.with_name(f".{path.name}{CONVERTING}")
    _remove(temp)
    try:
        _export(path, old, temp, new)
        _check_copy(path, old, temp, new)
        _fsync(temp)
        if envelope is not None:
            write_envelope(path, envelope)  # first: whichever file is there has its keys
        for log in (_sibling(path, "-wal"), _sibling(path, "-shm")):
            _remove(log)  # checkpointed by the export; a stale one would be replayed
        os.replace(temp, path)
        fsync_directory(path.parent)
        if new is None:
            _remove(sidecar(path))
    except OSError as error:
        raise UnwritableFileError(
            f"OnTrack could not rewrite {path}: {error.strerror}. Nothing was changed."
        ) from error
    finally:
        _remove(temp)
        _remove(_sibling(temp, "-journal"))


def _export(source: Path, old: bytes | None, target: Path, new: bytes | None) -> None:
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.close(fd)
    connection = _open(source, old)
    try:
        # Everything committed goes into the main file first; the copy is made from it.
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        application = connection.execute("PRAGMA application_id").fetchone()[0]
        target_key = key_pragma(new) if new is not None else "''"
        connection.execute(f"ATTACH DATABASE ? AS converted KEY {target_key}", (str(target),))
        # The copy is nobody's until it is checked and flushed as a whole (below): no
        # journal and no flush per table (30 times faster).
        connection.execute("PRAGMA converted.journal_mode = off")
        connection.execute("PRAGMA converted.synchronous = off")
        connection.execute("SELECT sqlcipher_export('converted')")
        # sqlcipher_export copies the schema and rows; these two header fields are ours.
        connection.execute(f"PRAGMA converted.user_version = {int(version)}")
        connection.execute(f"PRAGMA converted.application_id = {int(application)}")
        connection.execute("DETACH DATABASE converted")
    except database_errors("Error") as error:
        raise DataFileError(f"OnTrack could not rewrite {source}: {error}.") from error
    finally:
        connection.close()


def _open(path: Path, key: bytes | None) -> Any:
    if key is not None:
        return connect_keyed(path, key)
    import sqlcipher3

    return sqlcipher3.connect(path, isolation_level=None)


def _check_copy(source: Path, old: bytes | None, copy: Path, new: bytes | None) -> None:
    """The copy holds what the original holds, and passes SQLite's integrity check."""
    try:
        before, after = _open(source, old), _open(copy, new)
        try:
            verdict = after.execute("PRAGMA integrity_check").fetchone()[0]
            same = _summary(before) == _summary(after)
        finally:
            before.close()
            after.close()
    except database_errors("Error") as error:
        message = f"The rewritten copy of {source} could not be read ({error})."
        raise DamagedFileError(message) from error
    if verdict != "ok" or not same:
        raise DamagedFileError(
            f"The rewritten copy of {source} did not match it ({verdict}); nothing was changed."
        )


def _summary(connection: Any) -> list[object]:
    names = [
        row[0]
        for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "ORDER BY name"
        )
    ]
    counts = [
        (name, connection.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0])
        for name in names
        if not name.endswith(("_data", "_idx", "_docsize", "_config", "_content"))
    ]
    header = [connection.execute(f"PRAGMA {p}").fetchone()[0] for p in _HEADER]
    return [*header, *counts]


_HEADER = ("user_version", "application_id")


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _sibling(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def _remove(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        path.unlink()
