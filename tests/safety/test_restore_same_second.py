"""A restore in the same second as the backup it restores (found while merging issue 14's
work): the current file was kept under the backup's own name, over it, and that copy of
the current data was then 'restored'. The backup's bytes are now read first, and the
current file is never kept over another backup."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import datetime
from pathlib import Path

from ontrack.storage.backup import automatic_backup, list_backups
from ontrack.storage.database import open_data_file
from ontrack.storage.restore import restore_backup

WHEN = datetime(2026, 11, 24, 9, 30, 0)


def _name(path: Path) -> str:
    with closing(sqlite3.connect(path)) as connection:
        return str(connection.execute("SELECT name FROM profile").fetchone()[0])


def test_restoring_a_backup_made_this_same_second_brings_it_back(data_path: Path) -> None:
    with open_data_file(data_path) as data:
        data.execute("UPDATE profile SET name = 'As backed up'")
        made = automatic_backup(data.connection, data_path, WHEN)
        data.execute("UPDATE profile SET name = 'Changed since'")
    assert made is not None
    kept = restore_backup(data_path, made, WHEN)
    assert _name(data_path) == "As backed up"
    assert kept is not None
    assert kept != made
    assert sorted(_name(b.path) for b in list_backups(data_path)) == [
        "As backed up",
        "Changed since",
    ]
