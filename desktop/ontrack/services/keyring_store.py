"""Remembering a protected file's key on this computer, in the system keyring (Secret
Service on Linux, the macOS Keychain, Windows Credential Locker) through `keyring`.

What is stored is the file's random key itself, under the file's real path: a remembered
file opens without Argon2's deliberate slowness. An entry whose key no longer matches the
file's key file (protection turned off and on again) is ignored. Where no keyring exists
(or it refuses), nothing is remembered and `available()` says so, so the window hides the
choice. `keyring` loads only here, the first time a protected file is met.

Loading `keyring` and letting it find its backend costs 120–270 ms, even where it finds
none; so it is loaded only where a keyring may exist by what costs nothing to look at
(`may_exist`): a session bus on Linux and the BSDs (the Secret Service and KWallet live
on it), macOS and Windows always, or a backend chosen by the person (keyring's
`PYTHON_KEYRING_BACKEND` or its `keyringrc.cfg`). A start-up without one pays nothing.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path

SERVICE = "OnTrack data file key"


def may_exist(
    environ: Mapping[str, str] = os.environ,
    platform: str = sys.platform,
    configured: bool | None = None,
) -> bool:
    """Could this computer have a keyring? False only where it surely has none, judged
    from the environment and one file's existence, without loading `keyring`.
    `configured`: whether keyring's own configuration file exists (None: look)."""
    if "keyring" in sys.modules or environ.get("PYTHON_KEYRING_BACKEND"):
        return True  # loaded already (it costs nothing more to ask), or chosen by name
    if platform in ("darwin", "win32"):
        return True  # the Keychain and the Credential Locker are always there
    if environ.get("DBUS_SESSION_BUS_ADDRESS"):
        return True
    runtime = environ.get("XDG_RUNTIME_DIR")
    if runtime and os.path.exists(os.path.join(runtime, "bus")):
        return True  # a session bus at its standard place (libdbus finds it there)
    return _config_file_exists(environ) if configured is None else configured


def _config_file_exists(environ: Mapping[str, str]) -> bool:
    """keyring's `keyringrc.cfg` (where a person names a backend of their choice), looked
    for where keyring looks on Linux and the BSDs."""
    root = environ.get("XDG_CONFIG_HOME") or os.path.join(os.path.expanduser("~"), ".config")
    return os.path.isfile(os.path.join(root, "python_keyring", "keyringrc.cfg"))


def available() -> bool:
    if not may_exist():
        return False
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
