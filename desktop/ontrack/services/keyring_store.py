"""Remembering a protected file's key on this computer, in the system keyring (Secret
Service on Linux, the macOS Keychain, Windows Credential Locker) through `keyring`.

What is stored is the file's random key itself, under the file's real path: a remembered
file opens without Argon2's deliberate slowness. An entry whose key no longer matches the
file's key file (protection turned off and on again) is ignored. Where no keyring exists
(or it refuses), nothing is remembered and `available()` says so, so the window hides the
choice. `keyring` loads only here, the first time a protected file is met.
"""

from __future__ import annotations

import os
from pathlib import Path

SERVICE = "OnTrack data file key"


def available() -> bool:
    try:
        import keyring
        from keyring.backends import fail

        backend = keyring.get_keyring()
    except Exception:  # a broken keyring installation is the same as none
        return False
    return not isinstance(backend, fail.Keyring) and "null" not in type(backend).__module__


def _name(path: Path) -> str:
    return os.path.realpath(path)


def remember(path: Path, key: bytes) -> bool:
    from ..storage.key_envelope import key_id

    if not available():
        return False
    import keyring

    try:
        keyring.set_password(SERVICE, _name(path), f"{key_id(key)}:{key.hex()}")
    except Exception:  # locked, refused, no session bus: the passphrase still works
        return False
    return True


def recall(path: Path) -> bytes | None:
    from ..storage.key_envelope import key_id, read_envelope

    if not available():
        return None
    import keyring

    try:
        stored = keyring.get_password(SERVICE, _name(path))
        expected = read_envelope(path).key_id
    except Exception:  # no keyring, or a missing or damaged key file
        return None
    if not stored or ":" not in stored:
        return None
    stored_id, _, hex_key = stored.partition(":")
    try:
        key = bytes.fromhex(hex_key)
    except ValueError:
        return None
    return key if stored_id == expected and key_id(key) == expected else None


def forget(path: Path) -> None:
    if not available():
        return
    import keyring

    try:
        keyring.delete_password(SERVICE, _name(path))
    except Exception:  # there was none: forgotten already
        return
