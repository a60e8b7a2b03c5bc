"""An import that runs out of disk space (issue 14, item 6): one clear message that says what
happened, nothing imported, the file as it was; never "no such savepoint: nested_1".

On a full disk or a failed write SQLite may roll back the whole transaction by itself,
savepoints included; the import's inner savepoint then no longer exists. Three ways to get
there: a real full disk (a 1 MB tmpfs, where this machine lets the test mount one), a file
size limit (RLIMIT_FSIZE: the write fails part-way, SQLite rolls everything back), and
`max_page_count` on a table whose inserts SQLite does not guard with a statement journal.
"""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import pytest

from ontrack.domain.clock import FixedClock
from ontrack.domain.dataset import Dataset
from ontrack.domain.goals import Goal, Step
from ontrack.interchange.json_codec import dumps
from ontrack.services.registry import Services
from ontrack.storage.database import open_data_file
from ontrack.storage.dataset_read import load_dataset
from ontrack.storage.dataset_write import merge_dataset
from ontrack.storage.errors import DiskFullError, UnwritableFileError

BEFORE = Dataset(goals=(Goal("g1", "Keep me", why="as I was", steps=(Step("s", "a step"),)),))
# About 12 MB of text: more than the page cache holds, so SQLite writes (and fails) mid-way.
LARGE = Dataset(goals=tuple(Goal(f"n{n}", f"New {n}", why=f"w{n} " * 20_000) for n in range(120)))
NOTHING_IMPORTED = "nothing was imported, your data is as it was"


def _document(dataset: Dataset) -> str:
    return dumps(dataset, datetime(2026, 11, 24, tzinfo=UTC))


def _run(*args: str, limit: int | None = None) -> subprocess.CompletedProcess[str]:
    def with_limit() -> None:
        # A write past the limit fails with EFBIG instead of killing the process.
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        if limit is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit, resource.RLIM_INFINITY))

    return subprocess.run(
        [sys.executable, "-m", "ontrack", *args],
        capture_output=True,
        text=True,
        preexec_fn=with_limit,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
        check=False,
    )


def _seeded(path: Path) -> None:
    with open_data_file(path) as data:
        merge_dataset(data, BEFORE)


def _assert_unchanged(path: Path) -> None:
    with open_data_file(path) as data:
        assert data.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert load_dataset(data) == BEFORE


@contextmanager
def _small_disk(folder: Path) -> Iterator[Path]:
    folder.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(folder)],
        capture_output=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip("this machine does not let the test mount a small tmpfs")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=True)


def test_importing_onto_a_full_disk_says_so_and_changes_nothing(tmp_path: Path) -> None:
    source = tmp_path / "large.json"
    source.write_text(_document(LARGE), encoding="utf-8")
    with _small_disk(tmp_path / "disk") as disk:
        data_path = disk / "ontrack.sqlite"
        _seeded(data_path)
        result = _run("import", "--data", str(data_path), str(source))
        assert result.returncode == 1
        assert "Traceback" not in result.stderr
        assert "savepoint" not in result.stderr
        assert result.stderr.count("\n") == 1
        assert result.stderr.startswith(f"ontrack import: The disk is full: {NOTHING_IMPORTED}.")
        _assert_unchanged(data_path)


def test_an_import_that_fails_part_way_through_a_write_says_so(tmp_path: Path) -> None:
    source = tmp_path / "large.json"
    source.write_text(_document(LARGE), encoding="utf-8")
    data_path = tmp_path / "ontrack.sqlite"
    _seeded(data_path)
    result = _run("import", "--data", str(data_path), str(source), limit=3_000_000)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "savepoint" not in result.stderr
    assert result.stderr.count("\n") == 1
    assert f"failed (disk I/O error). {NOTHING_IMPORTED.capitalize()}." in result.stderr
    _assert_unchanged(data_path)


@pytest.fixture
def services(data_path: Path, clock: FixedClock) -> Iterator[Services]:
    _seeded(data_path)
    with open_data_file(data_path) as data:
        yield Services.create(data, clock)


def test_the_import_service_words_a_full_disk_for_the_window(services: Services) -> None:
    data = services.context.data
    pages = data.execute("PRAGMA page_count").fetchone()[0]
    data.execute(f"PRAGMA max_page_count = {pages + 5}")
    with pytest.raises(DiskFullError) as refused:
        services.transfer.import_dataset(LARGE)
    assert str(refused.value).startswith(f"The disk is full: {NOTHING_IMPORTED}.")
    data.execute("PRAGMA max_page_count = 1073741823")
    assert load_dataset(data) == BEFORE


def test_the_import_service_survives_sqlite_rolling_back_everything(services: Services) -> None:
    old = resource.getrlimit(resource.RLIMIT_FSIZE)
    previous = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    size = services.context.data.path.stat().st_size
    resource.setrlimit(resource.RLIMIT_FSIZE, (size + 2_000_000, old[1]))
    try:
        with pytest.raises(UnwritableFileError) as refused:
            services.transfer.import_dataset(LARGE)
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, old)
        signal.signal(signal.SIGXFSZ, previous)
    assert str(refused.value).endswith(NOTHING_IMPORTED.capitalize() + ".")
    assert not services.context.data.connection.in_transaction
    assert load_dataset(services.context.data) == BEFORE


def test_a_nested_write_that_sqlite_rolled_back_whole_reports_the_full_disk(
    services: Services,
) -> None:
    data = services.context.data
    # A plain table: SQLite keeps no statement journal for its inserts, so SQLITE_FULL rolls
    # back the whole transaction rather than the statement.
    data.execute("CREATE TABLE scratch (value)")
    pages = data.execute("PRAGMA page_count").fetchone()[0]
    data.execute(f"PRAGMA max_page_count = {pages + 2}")
    with pytest.raises(DiskFullError), data.transaction(), data.transaction():
        data.execute("INSERT INTO scratch VALUES (?)", ("x" * 100_000,))
    assert not data.connection.in_transaction
    data.execute("PRAGMA max_page_count = 1073741823")
    assert load_dataset(data) == BEFORE
    assert data.execute("SELECT count(*) FROM scratch").fetchone()[0] == 0
