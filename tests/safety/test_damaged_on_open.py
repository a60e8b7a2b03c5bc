"""Issue 14, items 3, 4 and (in part) 12: damage that leaves the header intact.

A page overwritten mid-file used to be opened, raise tracebacks in the window and in
`export`, and take edits; a file cut within its last page opened without a word; a
zero-length file with backups beside it was set up as a new empty file; an empty SQLite
file with another application's id was taken over. Now damage is found when the file is
opened (`PRAGMA quick_check`; in the window once it is painted), the file is never
written to, and the newest backup that holds records is offered."""

from __future__ import annotations

import hashlib
import sqlite3
from contextlib import closing
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from ontrack.app import WindowManager
from ontrack.cli import main
from ontrack.domain.clock import FixedClock
from ontrack.storage.backup import automatic_backup, list_backups, newest_worth_restoring
from ontrack.storage.database import open_data_file
from ontrack.storage.errors import DamagedFileError, NotAnOnTrackFileError
from ontrack.storage.migrations import APPLICATION_ID
from tests.gui.conftest import when_modal

PAGE = 4096


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _leftovers(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir() if p.name.startswith(path.name + "-"))


def _page_of(path: Path, table_pattern: str) -> int:
    """A leaf page of a table whose name matches `table_pattern` (SQL LIKE)."""
    with closing(sqlite3.connect(path)) as connection:
        row = connection.execute(
            "SELECT max(pageno) FROM dbstat WHERE name LIKE ? AND pagetype = 'leaf'",
            (table_pattern,),
        ).fetchone()
    assert row[0], f"no leaf page for {table_pattern}"
    return int(row[0])


def _overwrite_page(path: Path, page: int) -> None:
    with path.open("r+b") as stream:
        stream.seek((page - 1) * PAGE)
        stream.write(bytes(range(256)) * (PAGE // 256))


def _backed_up(path: Path) -> None:
    with open_data_file(path) as data:
        automatic_backup(data.connection, path, datetime(2026, 11, 23, 18, 0))


def test_a_page_overwritten_mid_file_is_refused_untouched(
    demo_file: Path,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    _overwrite_page(demo_file, _page_of(demo_file, "contact"))
    before = _digest(demo_file)
    with pytest.raises(DamagedFileError, match="is damaged"):
        open_data_file(demo_file)
    assert main(["export", "--data", str(demo_file), "--out", str(tmp_path / "x.json")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "is damaged" in err
    assert not (tmp_path / "x.json").exists()
    assert _digest(demo_file) == before
    assert _leftovers(demo_file) == []


@pytest.mark.parametrize("table", ["contact", "feedback_fts%"])
def test_a_report_of_a_damaged_file_is_refused_and_written_nowhere(
    demo_file: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path, table: str
) -> None:
    # The report checks the file beside its work: damage it reads ("contact") and damage
    # it never reads (the search index) both refuse it, in words, before a PDF is written.
    _overwrite_page(demo_file, _page_of(demo_file, table))
    before = _digest(demo_file)
    out = tmp_path / "r.pdf"
    assert main(["report", "--data", str(demo_file), "--out", str(out), "--all"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "is damaged" in err
    assert not out.exists()
    assert _digest(demo_file) == before
    assert _leftovers(demo_file) == []


def test_a_write_waits_for_the_background_check_and_is_refused(demo_file: Path) -> None:
    _overwrite_page(demo_file, _page_of(demo_file, "feedback_fts%"))
    before = _digest(demo_file)
    data = open_data_file(demo_file, check_in_background=True)
    try:
        assert data.execute("SELECT count(*) FROM goal").fetchone()[0] > 0  # reads go on
        assert data.check is not None
        assert not data.check.started  # the window starts it once painted
        with pytest.raises(DamagedFileError), data.transaction():
            data.execute("UPDATE profile SET name = 'Never written'")
    finally:
        data.close()
    assert _digest(demo_file) == before


def test_the_window_closes_a_file_found_damaged_and_offers_its_backup(
    qtbot: QtBot,
    demo_file: Path,
    settings: QSettings,
    clock: FixedClock,
) -> None:
    _backed_up(demo_file)
    manager = WindowManager(settings, clock)
    assert manager.open(demo_file)  # the day's statuses settled: the next open only reads
    assert manager.window is not None
    manager.window.close()
    manager.window = None
    # A page the window does not read when it opens: only the background check finds it.
    _overwrite_page(demo_file, _page_of(demo_file, "feedback_fts%"))
    before = _digest(demo_file)
    seen: list[str] = []

    def cancel(dialog: QWidget) -> None:
        assert isinstance(dialog, QMessageBox)
        seen.append(dialog.text())
        buttons = {b.text().replace("&", ""): b for b in dialog.findChildren(QPushButton)}
        assert "Restore the newest backup" in buttons
        buttons["Close"].click()

    when_modal(qtbot, cancel)
    assert manager.open(demo_file)
    assert manager.window is not None, seen
    qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
    assert manager.window is None
    assert "is damaged" in seen[0]
    assert _digest(demo_file) == before  # nothing was written to it, before or after


def test_a_check_closed_before_it_started_reads_nothing_and_says_so(demo_file: Path) -> None:
    _overwrite_page(demo_file, _page_of(demo_file, "feedback_fts%"))
    data = open_data_file(demo_file, check_in_background=True)
    check = data.check
    assert check is not None
    heard: list[str | None] = []
    check.when_done(heard.append)
    data.close()  # closed at once (the window was closed before its first paint)
    assert heard == [None]  # cancelled: no verdict, and no damage claimed
    check.start()  # too late: nothing runs
    assert check.problem() is None


def test_the_window_starts_the_check_once_it_is_painted(
    qtbot: QtBot, demo_file: Path, settings: QSettings, clock: FixedClock
) -> None:
    manager = WindowManager(settings, clock)
    assert manager.open(demo_file)  # the day's statuses settled: the next open only reads
    assert manager.window is not None
    manager.window.close()
    assert manager.open(demo_file)
    window = manager.window
    assert window is not None
    qtbot.addWidget(window)
    check = window.services.context.data.check
    assert check is not None
    assert not check.started  # the window is built and shown first
    qtbot.waitUntil(lambda: check.started)
    assert check.problem() is None
    window.close()


def test_a_file_cut_within_its_last_page_is_refused(demo_file: Path) -> None:
    with demo_file.open("r+b") as stream:
        stream.truncate(demo_file.stat().st_size - 100)
    before = _digest(demo_file)
    with pytest.raises(DamagedFileError, match="middle of a page"):
        open_data_file(demo_file)
    assert _digest(demo_file) == before


def test_a_zero_length_file_with_backups_is_damage_not_a_new_file(demo_file: Path) -> None:
    _backed_up(demo_file)
    demo_file.write_bytes(b"")
    with pytest.raises(DamagedFileError, match="empty, but OnTrack has backups"):
        open_data_file(demo_file)
    assert demo_file.stat().st_size == 0
    newest = newest_worth_restoring(demo_file)
    assert newest is not None
    assert newest.path == list_backups(demo_file)[0].path


def test_an_empty_file_is_never_backed_up_over_a_real_backup(
    tmp_path: Path, data_path: Path
) -> None:
    with open_data_file(data_path) as data:
        data.execute("UPDATE profile SET name = 'Dana'")
        automatic_backup(data.connection, data_path, datetime(2026, 11, 22, 9, 0))
        data.execute("UPDATE profile SET name = ''")
        # The next day the file is empty: no backup is made of it...
        assert automatic_backup(data.connection, data_path, datetime(2026, 11, 23, 9, 0)) is None
    # ...and an empty backup left by an earlier version never displaces the real one.
    empty = data_path.parent / "backups" / f"{data_path.stem}-2026-11-24-090000.sqlite"
    with open_data_file(tmp_path / "empty.sqlite") as blank:
        blank.connection.execute(f"VACUUM INTO '{empty}'")
    newest = newest_worth_restoring(data_path)
    assert list_backups(data_path)[0].path == empty
    assert newest is not None
    assert newest.made_at == datetime(2026, 11, 22, 9, 0)


def test_an_empty_database_of_another_application_is_refused_untouched(data_path: Path) -> None:
    connection = sqlite3.connect(data_path)
    connection.execute("PRAGMA application_id = 1234")
    connection.close()
    before = _digest(data_path)
    with pytest.raises(NotAnOnTrackFileError):
        open_data_file(data_path)
    assert _digest(data_path) == before
    assert APPLICATION_ID != 1234
