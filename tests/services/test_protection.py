"""Protecting a data file (issue #20): what a thief of the disk, the log or a backup can
read, what a wrong passphrase touches, and that every backup keeps opening."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from ontrack.services import protection
from ontrack.services.protection import WrongSecretError
from ontrack.storage import connection
from ontrack.storage.backup import backup_file, backups_folder, list_backups
from ontrack.storage.database import open_data_file
from ontrack.storage.dataset_read import load_dataset
from ontrack.storage.errors import DamagedFileError, ProtectedFileError
from ontrack.storage.key_envelope import sidecar
from ontrack.storage.restore import restore_backup
from tests.storage.protected_data import PHRASES, fill, readable

NOW = datetime(2026, 11, 24, 18, 30)
PASSPHRASE = "correct horse battery staple"


def _lock_all() -> None:
    """As a new program would start: nothing unlocked."""
    connection.forget_keys()


def _digest(*paths: Path) -> list[str]:
    return [hashlib.sha256(p.read_bytes()).hexdigest() for p in paths]


def _titles(path: Path) -> list[str]:
    with open_data_file(path, writer=False) as data:
        return [goal.title for goal in load_dataset(data).goals]


@pytest.fixture
def protected(data_path: Path) -> tuple[Path, str]:
    fill(data_path)
    backup_file(data_path, backups_folder(data_path) / "ontrack-2026-11-01-090000.sqlite")
    done = protection.protect(data_path, PASSPHRASE)
    assert done.backups_encrypted == 1
    _lock_all()
    return data_path, done.recovery_code


def test_the_plain_file_can_be_read_by_anyone(data_path: Path) -> None:
    # The test below can fail: the phrases are there to be found in a plain file.
    fill(data_path)
    assert readable(data_path.read_bytes()) == list(PHRASES)


def test_no_phrase_is_readable_in_the_file_its_log_or_its_backups(
    protected: tuple[Path, str],
) -> None:
    path, _ = protected
    protection.unlock(path, PASSPHRASE)
    with open_data_file(path) as data:
        data.execute("PRAGMA wal_autocheckpoint = 0")  # the new rows stay in the log
        with data.transaction():
            data.execute("UPDATE goal SET title = ? WHERE id = 'g1'", (PHRASES[1] + " II",))
        log = Path(f"{path}-wal").read_bytes()
        assert len(log) > 4096
        assert readable(log) == []
        backup_file(path, path.parent / "copy.sqlite")
    assert readable(path.read_bytes()) == []
    assert readable((path.parent / "copy.sqlite").read_bytes()) == []
    for info in list_backups(path):
        assert readable(info.path.read_bytes()) == []
        assert sidecar(info.path).is_file()
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(path).execute("SELECT * FROM goal").fetchall()


def test_a_protected_file_asks_to_be_unlocked(protected: tuple[Path, str]) -> None:
    path, _ = protected
    with pytest.raises(ProtectedFileError, match="protected with a passphrase"):
        open_data_file(path)
    protection.unlock(path, PASSPHRASE)
    assert _titles(path) == [PHRASES[1]]


def test_a_wrong_passphrase_changes_nothing_and_may_be_tried_again(
    protected: tuple[Path, str],
) -> None:
    path, _ = protected
    before = _digest(path, sidecar(path))
    names = sorted(os.listdir(path.parent))
    for attempt in ("wrong", PASSPHRASE.upper(), PASSPHRASE + " ", "x" * 1000):
        with pytest.raises(WrongSecretError):
            protection.unlock(path, attempt)
    assert _digest(path, sidecar(path)) == before
    assert sorted(os.listdir(path.parent)) == names
    protection.unlock(path, PASSPHRASE)  # no lock-out
    assert _titles(path) == [PHRASES[1]]


@pytest.mark.parametrize(
    "secret",
    [
        'it\'s "quoted"',
        "semi; colon; DROP TABLE goal;--",
        "back\\slash\\",
        "x'00'",
        "日本語の合言葉 🔐",
        "e\u0301té",
    ],
)
def test_any_passphrase_works(data_path: Path, secret: str) -> None:
    fill(data_path)
    protection.protect(data_path, secret)
    _lock_all()
    protection.unlock(data_path, secret)
    assert _titles(data_path) == [PHRASES[1]]


def test_the_same_passphrase_typed_in_either_unicode_form_opens_the_file(data_path: Path) -> None:
    fill(data_path)
    protection.protect(data_path, "e\u0301té")  # é as e and a combining accent
    _lock_all()
    protection.unlock(data_path, "été")  # é as one character
    assert _titles(data_path) == [PHRASES[1]]


def test_the_recovery_code_opens_the_file_and_every_backup(protected: tuple[Path, str]) -> None:
    path, code = protected
    protection.unlock(path, code)
    assert _titles(path) == [PHRASES[1]]
    backup_file(path, path.parent / "copy.sqlite")
    for backup in [path.parent / "copy.sqlite", *(i.path for i in list_backups(path))]:
        _lock_all()
        protection.unlock(backup, code)
        assert _titles(backup) == [PHRASES[1]]


def test_a_changed_passphrase_leaves_the_recovery_code_and_old_backups_working(
    protected: tuple[Path, str],
) -> None:
    path, code = protected
    old_backup = list_backups(path)[0].path
    with pytest.raises(WrongSecretError):
        protection.change_passphrase(path, "not it", "new words")
    protection.change_passphrase(path, PASSPHRASE, "new words")
    _lock_all()
    with pytest.raises(WrongSecretError):
        protection.unlock(path, PASSPHRASE)
    protection.unlock(path, "new words")
    _lock_all()
    protection.unlock(path, code)
    _lock_all()
    protection.unlock(old_backup, PASSPHRASE)  # a backup opens with its own passphrase
    assert _titles(old_backup) == [PHRASES[1]]


def test_removing_protection_gives_a_plain_file_and_keeps_backups_openable(
    protected: tuple[Path, str],
) -> None:
    path, code = protected
    with pytest.raises(WrongSecretError):
        protection.unprotect(path, "not it")
    protection.unprotect(path, PASSPHRASE)
    assert path.read_bytes()[:16] == b"SQLite format 3\x00"
    assert not sidecar(path).exists()
    _lock_all()
    assert _titles(path) == [PHRASES[1]]
    backup = list_backups(path)[0].path
    protection.unlock(backup, code)
    assert _titles(backup) == [PHRASES[1]]


def test_a_damaged_protected_file_is_told_apart_and_its_backup_restores(
    protected: tuple[Path, str],
) -> None:
    path, _ = protected
    with path.open("r+b") as stream:  # a page in the middle, scrambled
        stream.seek(3 * 4096 + 100)
        stream.write(os.urandom(512))
    protection.unlock(path, PASSPHRASE)  # the passphrase is right: the key unwraps
    with pytest.raises(DamagedFileError, match="damaged"):
        open_data_file(path)
    from ontrack.storage.backup import newest_worth_restoring

    newest = newest_worth_restoring(path)  # the backup shares the key: it is offered
    assert newest is not None
    kept = restore_backup(path, newest.path, NOW)
    assert kept is not None
    assert sidecar(kept).is_file()
    assert _titles(path) == [PHRASES[1]]


def test_a_backup_with_a_key_of_its_own_asks_for_its_own_passphrase(data_path: Path) -> None:
    fill(data_path)
    protection.protect(data_path, "first")
    backup_file(data_path, data_path.parent / "then.sqlite")
    protection.unprotect(data_path, "first")
    protection.protect(data_path, "second")  # a new key
    _lock_all()
    protection.unlock(data_path, "second")
    with pytest.raises(ProtectedFileError):
        restore_backup(data_path, data_path.parent / "then.sqlite", NOW)
    protection.unlock(data_path.parent / "then.sqlite", "first")
    restore_backup(data_path, data_path.parent / "then.sqlite", NOW)
    _lock_all()
    protection.unlock(data_path, "first")  # the restored file has the backup's keys
    assert _titles(data_path) == [PHRASES[1]]


def test_restoring_a_plain_backup_leaves_a_plain_file(data_path: Path) -> None:
    fill(data_path)
    backup_file(data_path, data_path.parent / "plain.sqlite")
    protection.protect(data_path, PASSPHRASE)
    restore_backup(data_path, data_path.parent / "plain.sqlite", NOW)
    assert not sidecar(data_path).exists()
    _lock_all()
    assert _titles(data_path) == [PHRASES[1]]


def test_a_file_without_its_key_file_says_what_is_missing(protected: tuple[Path, str]) -> None:
    path, _ = protected
    shutil.move(sidecar(path), path.parent / "elsewhere")
    from ontrack.storage.errors import NotAnOnTrackFileError

    with pytest.raises(NotAnOnTrackFileError, match=r"ontrack\.sqlite\.keys"):
        open_data_file(path)
