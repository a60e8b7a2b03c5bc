"""The key envelope: wrapped copies of a random key, each opened by its own secret."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ontrack.storage import key_envelope
from ontrack.storage.errors import DamagedFileError
from ontrack.storage.key_envelope import (
    WrongSecretError,
    new_envelope,
    new_key,
    new_recovery_code,
    normal_recovery_code,
    read_envelope,
    sidecar,
    write_envelope,
)


def test_the_passphrase_and_the_recovery_code_each_unwrap_the_key(tmp_path: Path) -> None:
    key, code = new_key(), new_recovery_code()
    write_envelope(tmp_path / "d.sqlite", new_envelope(key, "horse battery", code))
    envelope = read_envelope(tmp_path / "d.sqlite")
    assert envelope.unwrap("horse battery") == key
    assert envelope.unwrap(code) == key
    assert envelope.unwrap(code.lower().replace("-", " ")) == key
    with pytest.raises(WrongSecretError):
        envelope.unwrap("horse battery ")
    with pytest.raises(WrongSecretError):
        envelope.unwrap("")


def test_the_key_file_holds_no_key_and_no_secret(tmp_path: Path) -> None:
    key, code = new_key(), new_recovery_code()
    write_envelope(tmp_path / "d.sqlite", new_envelope(key, "horse battery", code))
    text = sidecar(tmp_path / "d.sqlite").read_text()
    assert key.hex() not in text
    assert "horse" not in text
    assert normal_recovery_code(code) not in text.upper()
    assert sidecar(tmp_path / "d.sqlite").stat().st_mode & 0o077 == 0


def test_a_copy_moved_to_another_slot_does_not_open(tmp_path: Path) -> None:
    path = tmp_path / "d.sqlite"
    write_envelope(path, new_envelope(new_key(), "same secret", new_recovery_code()))
    document = json.loads(sidecar(path).read_text())
    passphrase, recovery = document["slots"]
    recovery["nonce"], recovery["wrapped"] = passphrase["nonce"], passphrase["wrapped"]
    recovery["kdf"] = passphrase["kdf"]
    document["slots"] = [recovery]
    sidecar(path).write_text(json.dumps(document))
    with pytest.raises(WrongSecretError):
        read_envelope(path).unwrap("same secret")


@pytest.mark.parametrize("text", ["", "{", '{"format": "x"}', '{"format": "OnTrack key envelope"}'])
def test_a_damaged_key_file_is_told_apart(tmp_path: Path, text: str) -> None:
    sidecar(tmp_path / "d.sqlite").write_text(text)
    with pytest.raises(DamagedFileError, match="key file"):
        read_envelope(tmp_path / "d.sqlite")


def test_a_missing_key_file_says_so(tmp_path: Path) -> None:
    with pytest.raises(DamagedFileError, match="missing"):
        read_envelope(tmp_path / "d.sqlite")


def test_recovery_codes_are_random_and_readable() -> None:
    codes = {new_recovery_code() for _ in range(50)}
    assert len(codes) == 50
    for code in codes:
        assert len(code) == 23
        assert code.count("-") == 3
        assert not set(code) & set("ILOU")
    assert normal_recovery_code("abcde-fghjk-mnpqr-stvwx") == "ABCDEFGHJKMNPQRSTVWX"
    assert normal_recovery_code("too short") == ""


def test_the_cost_is_kept_with_each_copy(tmp_path: Path) -> None:
    cheap = key_envelope.Cost(time_cost=1, memory_cost=32, parallelism=1)
    key = new_key()
    envelope = key_envelope.Envelope(key_envelope.key_id(key)).with_slot(
        "passphrase", "x", key, cheap
    )
    write_envelope(tmp_path / "d.sqlite", envelope)
    assert read_envelope(tmp_path / "d.sqlite").slots[0].cost == cheap
