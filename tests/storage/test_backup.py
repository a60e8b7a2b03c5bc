"""Backups and restore: verified copies through SQLite's backup API, retention, and a
restore that never loses the current file."""

from __future__ import annotations

import hashlib
import sqlite3
import stat
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from ontrack.domain.dataset import Dataset
from ontrack.domain.goals import Goal
from ontrack.storage.backup import (
    automatic_backup,
    backup_file,
    backups_folder,
    list_backups,
    make_backup,
)
from ontrack.storage.database import open_data_file
from ontrack.storage.dataset_read import load_dataset
from ontrack.storage.dataset_write import merge_dataset
from ontrack.storage.errors import DamagedFileError, NotAnOnTrackFileError
from ontrack.storage.restore import restore_backup

NOW = datetime(2026, 11, 24, 18, 30)


def _goals(path: Path) -> list[str]:
    with open_data_file(path) as data:
        return [g.title for g in load_dataset(data).goals]


def _file_with(path: Path, *titles: str) -> Path:
    with open_data_file(path) as data:
        merge_dataset(data, Dataset(goals=tuple(Goal(t, t) for t in titles)))
    return path


def test_a_backup_of_a_live_file_is_whole_private_and_self_contained(data_path: Path) -> None:
    with open_data_file(data_path) as data:
        merge_dataset(data, Dataset(goals=(Goal("g", "Lead a project"),)))
        target = make_backup(data.connection, data_path.parent / "b" / "copy.sqlite")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert stat.S_IMODE(target.parent.stat().st_mode) == 0o700
    assert not Path(f"{target}-wal").exists()
    assert _goals(target) == ["Lead a project"]


def test_automatic_backups_once_a_day_and_thinned(data_path: Path) -> None:
    _file_with(data_path, "A")
    with open_data_file(data_path) as data:
        first = automatic_backup(data.connection, data_path, NOW)
        assert first is not None
        assert automatic_backup(data.connection, data_path, NOW + timedelta(hours=2)) is None
        for day in range(1, 40):
            automatic_backup(data.connection, data_path, NOW + timedelta(days=day))
    backups = list_backups(data_path)
    assert backups[0].made_at == NOW + timedelta(days=39)
    assert len(backups) <= 7 + 4 + 12
    assert len(backups) >= 7
    assert stat.S_IMODE(backups_folder(data_path).stat().st_mode) == 0o700


def test_files_that_are_not_backups_are_left_alone(data_path: Path) -> None:
    _file_with(data_path, "A")
    folder = backups_folder(data_path)
    folder.mkdir()
    (folder / "notes.txt").write_text("mine", "utf-8")
    (folder / f"{data_path.stem}-not-a-date.sqlite").write_text("x", "utf-8")
    with open_data_file(data_path) as data:
        automatic_backup(data.connection, data_path, NOW)
    assert len(list_backups(data_path)) == 1
    assert (folder / "notes.txt").read_text("utf-8") == "mine"


def test_restore_swaps_in_the_backup_and_keeps_the_current_file(tmp_path: Path) -> None:
    data_path = _file_with(tmp_path / "mine.sqlite", "Old goal")
    backup = backup_file(data_path, tmp_path / "saved.sqlite")
    _file_with(data_path, "New goal")
    kept = restore_backup(data_path, backup, NOW)
    assert _goals(data_path) == ["Old goal"]
    assert kept is not None
    assert _goals(kept) == ["Old goal", "New goal"]


def test_a_leftover_write_ahead_log_is_not_replayed_onto_the_backup(tmp_path: Path) -> None:
    data_path = _file_with(tmp_path / "mine.sqlite", "Old goal")
    backup = backup_file(data_path, tmp_path / "saved.sqlite")
    # Leave a write-ahead log behind, as a crash would: a second connection keeps it alive.
    holder = sqlite3.connect(data_path)
    holder.execute("PRAGMA wal_autocheckpoint = 0")
    holder.execute(
        "INSERT INTO goal (id, seq, title, why, measure, status, progress) "
        "VALUES ('w', 99, 'Only in the log', '', '', 'not_started', 0)"
    )
    holder.commit()
    restore_backup(data_path, backup, NOW)
    holder.close()
    assert _goals(data_path) == ["Old goal"]
    with sqlite3.connect(data_path) as check:
        assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


@pytest.mark.parametrize("kind", ["damaged", "foreign"])
def test_a_bad_backup_is_refused_and_nothing_changes(tmp_path: Path, kind: str) -> None:
    data_path = _file_with(tmp_path / "mine.sqlite", "Keep me")
    before = hashlib.sha256(data_path.read_bytes()).hexdigest()
    bad = tmp_path / "bad.sqlite"
    if kind == "damaged":
        whole = backup_file(data_path, tmp_path / "whole.sqlite").read_bytes()
        bad.write_bytes(whole[:100] + b"\x00" * (len(whole) - 100))
    else:
        sqlite3.connect(bad).execute("CREATE TABLE songs (title)").connection.commit()
    with pytest.raises((DamagedFileError, NotAnOnTrackFileError)):
        restore_backup(data_path, bad, NOW)
    assert hashlib.sha256(data_path.read_bytes()).hexdigest() == before
    assert not backups_folder(data_path).exists()


def test_a_damaged_current_file_is_moved_aside_not_lost(tmp_path: Path) -> None:
    data_path = _file_with(tmp_path / "mine.sqlite", "Good")
    backup = backup_file(data_path, tmp_path / "saved.sqlite")
    damaged = b"SQLite format 3\x00" + b"\xee" * 8000
    data_path.write_bytes(damaged)
    kept = restore_backup(data_path, backup, NOW)
    assert kept is not None
    assert kept.read_bytes() == damaged
    assert _goals(data_path) == ["Good"]
