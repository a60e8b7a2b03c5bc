"""Issue 14, item 1: a data folder whose name holds `#`, `?`, `%`, spaces, quotes or
non-ASCII letters. SQLite URIs built from such paths unescaped cut the path at `#` or `?`:
backups came out empty and were called verified, and a restore kept such an empty copy as
its safety backup. Every path reaches SQLite through `storage.connection.sqlite_uri`."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from ontrack.cli import main
from ontrack.domain.dataset import Dataset
from ontrack.domain.report_period import Period
from ontrack.services.calendar import _read_separately
from ontrack.storage.backup import backup_file
from ontrack.storage.database import open_data_file
from ontrack.storage.dataset_write import merge_dataset
from ontrack.storage.report_read import load_report_dataset, load_report_dataset_separately
from ontrack.storage.restore import check_backup
from tests.conftest import TODAY

FOLDER_NAMES = ["my #1", "what?now", "100% sure", "two  spaces", 'it\'s "quoted"', "Žofie 李"]


def _tables(path: Path) -> int:
    with closing(sqlite3.connect(path)) as connection:
        return int(connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0])


def _goal_titles(path: Path) -> list[str]:
    connection = sqlite3.connect(path)
    try:
        return [row[0] for row in connection.execute("SELECT title FROM goal ORDER BY id")]
    finally:
        connection.close()


@pytest.fixture(params=FOLDER_NAMES)
def awkward(tmp_path: Path, small_dataset: Dataset, request: pytest.FixtureRequest) -> Path:
    folder = tmp_path / request.param
    folder.mkdir()
    path = folder / "career.sqlite"
    with open_data_file(path) as data:
        merge_dataset(data, small_dataset)
    return path


def test_backup_verify_and_restore_keep_every_record(awkward: Path, tmp_path: Path) -> None:
    before = _goal_titles(awkward)
    copy = tmp_path / "copy.sqlite"
    assert main(["backup", "--data", str(awkward), "--out", str(copy)]) == 0
    assert _tables(copy) > 10
    assert _goal_titles(copy) == before
    check_backup(copy)  # verified: the copy is whole and OnTrack's
    # Change the file, then put the copy back: the data as it was comes back, and the
    # file it replaced is kept whole (not an empty stand-in).
    with open_data_file(awkward) as data:
        data.execute("DELETE FROM goal")
    assert main(["restore", "--data", str(awkward), str(copy)]) == 0
    assert _goal_titles(awkward) == before
    kept = list((awkward.parent / "backups").iterdir())
    assert len(kept) == 1
    assert _tables(kept[0]) > 10
    # Nothing appeared at the path cut short at the awkward character.
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["copy.sqlite", awkward.parent.name, "home"]
    )


def test_the_read_only_connections_read_the_real_file(awkward: Path) -> None:
    all_time = Period(None, TODAY)
    with open_data_file(awkward) as data:
        expected = load_report_dataset(data, all_time)
    assert expected.goals  # a file with something in it
    assert load_report_dataset_separately(awkward, all_time) == expected  # the report's worker
    assert _read_separately(awkward, TODAY)  # the calendar export's worker
    direct = backup_file(awkward, awkward.parent / "direct.sqlite")
    assert _goal_titles(direct) == _goal_titles(awkward)


def test_the_report_is_written_from_the_real_file(awkward: Path) -> None:
    out = awkward.parent / "report #1.pdf"
    assert main(["report", "--data", str(awkward), "--out", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF")
    assert out.stat().st_size > 20_000
