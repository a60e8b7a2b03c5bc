"""Opening, creating and refusing data files; the bytes of a refused file never change."""

from __future__ import annotations

import hashlib
import sqlite3
import stat
from pathlib import Path

import pytest

from ontrack.storage.database import open_data_file
from ontrack.storage.errors import (
    DamagedFileError,
    DataFileError,
    NewerVersionError,
    NotAnOnTrackFileError,
)
from ontrack.storage.migrations import APPLICATION_ID, LATEST_VERSION


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_file_is_private_and_at_the_latest_version(data_path: Path) -> None:
    with open_data_file(data_path) as data:
        version = data.execute("PRAGMA user_version").fetchone()[0]
        app_id = data.execute("PRAGMA application_id").fetchone()[0]
        journal = data.execute("PRAGMA journal_mode").fetchone()[0]
        foreign_keys = data.execute("PRAGMA foreign_keys").fetchone()[0]
    assert (version, app_id, journal, foreign_keys) == (LATEST_VERSION, APPLICATION_ID, "wal", 1)
    assert stat.S_IMODE(data_path.stat().st_mode) == 0o600


def test_missing_folders_are_created_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "new" / "deeper" / "data.sqlite"
    open_data_file(path).close()
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_reopening_keeps_the_data(data_path: Path) -> None:
    with open_data_file(data_path) as data:
        data.execute("UPDATE profile SET name = 'Dana'")
    with open_data_file(data_path) as data:
        assert data.execute("SELECT name FROM profile").fetchone()[0] == "Dana"


def test_create_false_refuses_a_missing_file(data_path: Path) -> None:
    with pytest.raises(DataFileError, match="no data file"):
        open_data_file(data_path, create=False)
    assert not data_path.exists()


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="folder"):
        open_data_file(tmp_path)


@pytest.mark.parametrize(
    "content",
    [b"hello, this is a text file\n" * 10, b"\x00" * 4096, bytes(range(256)) * 8],
    ids=["text", "zeros", "garbage"],
)
def test_a_file_that_is_not_sqlite_is_refused_untouched(data_path: Path, content: bytes) -> None:
    data_path.write_bytes(content)
    with pytest.raises(NotAnOnTrackFileError, match="not an OnTrack data file"):
        open_data_file(data_path)
    assert data_path.read_bytes() == content


def test_another_programs_database_is_refused_untouched(data_path: Path) -> None:
    connection = sqlite3.connect(data_path)
    connection.execute("CREATE TABLE songs (title TEXT)")
    connection.commit()
    connection.close()
    before = _digest(data_path)
    with pytest.raises(NotAnOnTrackFileError, match="not an OnTrack data file"):
        open_data_file(data_path)
    assert _digest(data_path) == before


def test_a_newer_version_is_refused_untouched(data_path: Path) -> None:
    open_data_file(data_path).close()
    connection = sqlite3.connect(data_path)
    connection.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    connection.commit()
    connection.close()
    before = _digest(data_path)
    with pytest.raises(NewerVersionError, match="newer version of OnTrack"):
        open_data_file(data_path)
    assert _digest(data_path) == before


def test_a_truncated_file_is_refused_untouched(data_path: Path) -> None:
    with open_data_file(data_path) as data:
        data.execute("UPDATE profile SET name = ?", ("x" * 100_000,))
    whole = data_path.read_bytes()
    data_path.write_bytes(whole[: len(whole) // 3])
    before = _digest(data_path)
    with pytest.raises(DataFileError):
        open_data_file(data_path)
    assert _digest(data_path) == before


def test_a_header_with_garbage_after_it_is_damaged(data_path: Path) -> None:
    data_path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 5000)
    before = _digest(data_path)
    with pytest.raises(DamagedFileError, match="damaged"):
        open_data_file(data_path)
    assert _digest(data_path) == before


def test_an_empty_sqlite_file_becomes_an_ontrack_file(data_path: Path) -> None:
    sqlite3.connect(data_path).close()  # zero bytes: nothing to lose
    open_data_file(data_path).close()
    with open_data_file(data_path) as data:
        assert data.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
