"""The key envelope: copies of a protected data file's random key, each wrapped by one
secret (the passphrase, the recovery code), kept in a small JSON file beside the data
(`<data>.keys`) and beside every backup (`<backup>.keys`).

Each copy is wrapped with AES-256-GCM under a key derived from its secret by Argon2id
(argon2-cffi's `hash_secret_raw`, with a random salt per copy). The GCM tag makes a wrong
secret fail here, before the database is touched: a wrong passphrase is told apart from a
damaged file. The envelope names its file key by `key_id` (a hash of the key that says
nothing about it) so that a backup is known to share the data file's key.

`argon2` and `cryptography` load on first use: a person who never protects a file never
pays for them.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import secrets
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from ..files.atomic import write_bytes_atomically
from .errors import DamagedFileError, DataFileError

FORMAT = "OnTrack key envelope"
VERSION = 1
KEY_BYTES = 32
SIDECAR = ".keys"
PASSPHRASE = "passphrase"
RECOVERY = "recovery"
# Crockford's base32 alphabet: no I, L, O or U, so a code read aloud or written down by
# hand is not misread; 20 characters carry 100 random bits.
RECOVERY_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
RECOVERY_LENGTH = 20


class WrongSecretError(DataFileError):
    """The passphrase or recovery code does not open this file; nothing was touched."""


@dataclass(frozen=True)
class Cost:
    """Argon2id's cost: about 0.25 s and 64 MiB on a laptop of 2024."""

    time_cost: int = 3
    memory_cost: int = 64 * 1024  # KiB
    parallelism: int = 1


DEFAULT_COST = Cost()


@dataclass(frozen=True)
class Slot:
    kind: str
    salt: bytes
    nonce: bytes
    wrapped: bytes
    cost: Cost


@dataclass(frozen=True)
class Envelope:
    key_id: str
    slots: tuple[Slot, ...] = field(default=())

    def unwrap(self, secret: str) -> bytes:
        """The file key, from the passphrase or the recovery code; `WrongSecretError` if
        neither slot opens with it."""
        from cryptography.exceptions import InvalidTag
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        for slot in self.slots:
            text = normal_recovery_code(secret) if slot.kind == RECOVERY else secret
            if not text:
                continue
            wrapping = _derive(text, slot.salt, slot.cost)
            try:
                key = AESGCM(wrapping).decrypt(slot.nonce, slot.wrapped, self._aad(slot.kind))
            except InvalidTag:
                continue
            if key_id(key) == self.key_id:
                return key
        raise WrongSecretError("That passphrase (or recovery code) does not open this file.")

    def with_slot(self, kind: str, secret: str, key: bytes, cost: Cost | None = None) -> Envelope:
        """This envelope with `kind`'s copy of `key` wrapped by `secret` (replacing the old)."""
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        cost = cost or DEFAULT_COST
        text = normal_recovery_code(secret) if kind == RECOVERY else secret
        salt, nonce = os.urandom(16), os.urandom(12)
        wrapped = AESGCM(_derive(text, salt, cost)).encrypt(nonce, key, self._aad(kind))
        others = tuple(slot for slot in self.slots if slot.kind != kind)
        return Envelope(self.key_id, (*others, Slot(kind, salt, nonce, wrapped, cost)))

    def _aad(self, kind: str) -> bytes:
        # Binds each wrapped copy to its slot and its key: a copy moved between slots or
        # envelopes does not open.
        return f"{FORMAT}/{VERSION}/{kind}/{self.key_id}".encode()


def new_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def key_id(key: bytes) -> str:
    return hashlib.sha256(b"OnTrack key id\0" + key).hexdigest()[:32]


def new_envelope(key: bytes, passphrase: str, recovery_code: str) -> Envelope:
    envelope = Envelope(key_id(key))
    return envelope.with_slot(PASSPHRASE, passphrase, key).with_slot(RECOVERY, recovery_code, key)


def new_recovery_code() -> str:
    """Twenty random characters in groups of five: `7KQ2M-…`."""
    raw = "".join(secrets.choice(RECOVERY_ALPHABET) for _ in range(RECOVERY_LENGTH))
    return "-".join(raw[i : i + 5] for i in range(0, RECOVERY_LENGTH, 5))


def normal_recovery_code(text: str) -> str:
    """A recovery code as typed (any case, spaces or dashes, O for 0) in its one form;
    '' if it cannot be one."""
    cleaned = text.upper().replace("-", "").replace(" ", "")
    cleaned = cleaned.translate(str.maketrans("OIL", "011"))
    if len(cleaned) != RECOVERY_LENGTH or any(c not in RECOVERY_ALPHABET for c in cleaned):
        return ""
    return cleaned


def _derive(secret: str, salt: bytes, cost: Cost) -> bytes:
    from argon2.low_level import Type, hash_secret_raw

    # NFC: the same passphrase typed on another system (é as one character or two) matches.
    data = unicodedata.normalize("NFC", secret).encode("utf-8", "surrogatepass")
    return hash_secret_raw(
        data, salt, cost.time_cost, cost.memory_cost, cost.parallelism, KEY_BYTES, Type.ID
    )


def sidecar(path: Path) -> Path:
    """Where the envelope of the database at `path` lives."""
    return path.with_name(path.name + SIDECAR)


def write_envelope(path: Path, envelope: Envelope) -> None:
    """Write `envelope` beside the database at `path`, atomically and durably."""
    slots = [
        {
            "kind": slot.kind,
            "kdf": {
                "name": "argon2id",
                "time_cost": slot.cost.time_cost,
                "memory_cost": slot.cost.memory_cost,
                "parallelism": slot.cost.parallelism,
                "salt": _b64(slot.salt),
            },
            "cipher": "aes-256-gcm",
            "nonce": _b64(slot.nonce),
            "wrapped": _b64(slot.wrapped),
        }
        for slot in envelope.slots
    ]
    document = {"format": FORMAT, "version": VERSION, "key_id": envelope.key_id, "slots": slots}
    text = json.dumps(document, indent=2) + "\n"
    write_bytes_atomically(sidecar(path), text.encode("ascii"))


def read_envelope(path: Path) -> Envelope:
    """The envelope beside the database at `path`; `DamagedFileError` if it is missing or
    not one of ours."""
    place = sidecar(path)
    try:
        document = json.loads(place.read_text("utf-8"))
        if document.get("format") != FORMAT or document.get("version") != VERSION:
            raise ValueError("not an OnTrack key envelope of this version")
        slots = tuple(_slot(item) for item in document["slots"])
        return Envelope(str(document["key_id"]), slots)
    except FileNotFoundError as error:
        raise DamagedFileError(
            f"{path} is protected, but its key file {place.name} is missing beside it. "
            "Put it back from where the file was copied, or restore a backup."
        ) from error
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise DamagedFileError(f"The key file {place} is damaged ({error}).") from error


def _slot(item: dict[str, object]) -> Slot:
    kdf = item["kdf"]
    if not isinstance(kdf, dict) or kdf.get("name") != "argon2id":
        raise ValueError("an unknown key derivation")
    cost = Cost(int(kdf["time_cost"]), int(kdf["memory_cost"]), int(kdf["parallelism"]))
    return Slot(
        str(item["kind"]),
        _unb64(kdf["salt"]),
        _unb64(item["nonce"]),
        _unb64(item["wrapped"]),
        cost,
    )


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: object) -> bytes:
    return base64.b64decode(str(text), validate=True)
