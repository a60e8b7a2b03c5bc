"""Protecting a data file with a passphrase: turning it on and off, changing the
passphrase, and unlocking a protected file (by passphrase, recovery code or keyring).

The file's SQLCipher key is random; the passphrase and the recovery code each unwrap a copy
of it kept in the key file beside the data (see `storage.key_envelope`). So changing the
passphrase rewrites only that small file, atomically: the database and its backups keep
their key, and the recovery code goes on opening all of them. Turning protection on or off
rewrites the database in place (`storage.cipher.convert`) under the writer lock, so it runs
while no window has the file open. Nothing here is imported before a protected file is met.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path

from ..domain.file_errors import DataFileError
from ..storage import cipher, key_envelope
from ..storage.backup import list_backups
from ..storage.connection import key_for, remember_key
from ..storage.database import inspect_existing, looks_encrypted
from ..storage.key_envelope import PASSPHRASE, WrongSecretError
from ..storage.lock import writer_lock
from . import keyring_store

__all__ = ["DataFileError", "Protected", "WrongSecretError", "is_protected", "is_unlocked"]


@dataclass(frozen=True)
class Protected:
    """What turning protection on gives back: the recovery code, shown once."""

    recovery_code: str
    backups_encrypted: int


def is_protected(path: Path) -> bool:
    return cipher.is_protected(path)


def is_unlocked(path: Path) -> bool:
    return key_for(path) is not None


def unlock(path: Path, secret: str, *, remember: bool = False) -> None:
    """Open `path` with `secret` (its passphrase or recovery code) from now on in this
    program; `WrongSecretError` if it is neither. Reads the key file only."""
    key = key_for_secret(path, secret)
    use_key(path, key)
    if remember:
        keyring_store.remember(path, key)


def unlock_from_keyring(path: Path) -> bool:
    """Unlock `path` with the key remembered on this computer, if there is one."""
    key = remembered_key(path)
    if key is None:
        return False
    use_key(path, key)
    return True


def key_for_secret(path: Path, secret: str) -> bytes:
    """The file key that `secret` unwraps (`WrongSecretError` if it does not); unlocks
    nothing by itself (see `use_key`)."""
    return key_envelope.read_envelope(path).unwrap(secret)


def remembered_key(path: Path) -> bytes | None:
    """The file key remembered on this computer for `path`, if any."""
    return keyring_store.recall(path)


def use_key(path: Path, key: bytes) -> None:
    """Open `path` with `key` from now on in this program."""
    remember_key(path, key)


def protect(path: Path, passphrase: str) -> Protected:
    """Encrypt the plain data file at `path` in place, and its automatic backups."""
    if not passphrase:
        raise DataFileError("A passphrase cannot be empty.")
    if is_protected(path):
        raise DataFileError(f"{path} is protected already.")
    key = key_envelope.new_key()
    code = key_envelope.new_recovery_code()
    envelope = key_envelope.new_envelope(key, passphrase, code)
    with writer_lock(path):
        inspect_existing(path)
        cipher.convert(path, None, key, envelope)
        remember_key(path, key)
        # The plain backups would still tell all: they get the same key and key file.
        done = 0
        for info in list_backups(path):
            if not looks_encrypted(info.path):
                cipher.convert(info.path, None, key, envelope)
                remember_key(info.path, key)
                done += 1
    return Protected(code, done)


def change_passphrase(path: Path, current: str, new: str, *, lock: bool = True) -> None:
    """Wrap the file's key with `new` instead of the passphrase; `current` (the passphrase
    or the recovery code) proves the person may. The recovery code keeps working. `lock`:
    take the writer lock (False for the window, which holds it already)."""
    if not new:
        raise DataFileError("A passphrase cannot be empty.")
    envelope = key_envelope.read_envelope(path)
    key = envelope.unwrap(current)
    with writer_lock(path) if lock else contextlib.nullcontext():
        key_envelope.write_envelope(path, envelope.with_slot(PASSPHRASE, new, key))
    remember_key(path, key)


def check(path: Path, secret: str) -> bool:
    """Does `secret` open `path` (its passphrase or its recovery code)? Changes nothing."""
    try:
        key_envelope.read_envelope(path).unwrap(secret)
    except WrongSecretError:
        return False
    return True


def unprotect(path: Path, current: str) -> None:
    """Decrypt the data file in place; its backups stay protected (and open as before)."""
    key = key_envelope.read_envelope(path).unwrap(current)
    with writer_lock(path):
        remember_key(path, key)
        inspect_existing(path)
        cipher.convert(path, key, None, None)
    remember_key(path, None)
    keyring_store.forget(path)


def keyring_available() -> bool:
    return keyring_store.available()


def remembered(path: Path) -> bool:
    return remembered_key(path) is not None
