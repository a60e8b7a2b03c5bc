"""Issue 14, item 12: nothing left behind, and messages that read right.

A refused or read-only open left `-wal` and `-shm` beside the file; a backup that failed
on a full disk left a `.partial-journal`; "Unterminated string starting at at line"."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
from contextlib import closing
from pathlib import Path

import pytest

from ontrack.cli import main
from ontrack.storage.database import open_data_file
from ontrack.storage.errors import NewerVersionError
from ontrack.storage.migrations import LATEST_VERSION


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_a_refused_newer_file_leaves_nothing_beside_it(data_path: Path) -> None:
    with open_data_file(data_path) as data:
        data.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    before = _names(data_path.parent)
    with pytest.raises(NewerVersionError):
        open_data_file(data_path)
    assert main(["export", "--data", str(data_path), "--out", str(data_path) + ".json"]) == 1
    assert _names(data_path.parent) == before


def test_a_backup_that_fails_for_lack_of_space_leaves_nothing_behind(tmp_path: Path) -> None:
    source = tmp_path / "career.sqlite"
    assert main(["demo", "--data", str(source)]) == 0
    target_folder = tmp_path / "copies"
    target_folder.mkdir()
    # A child process whose files may not grow past 64 KiB: the disk is "full" for it.
    child = textwrap.dedent(
        f"""
        import resource, signal, sys
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (65536, 65536))
        from ontrack.cli import main
        sys.exit(main(["backup", "--data", {str(source)!r},
                       "--out", {str(target_folder / "copy.sqlite")!r}]))
        """
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", child], capture_output=True, text=True, env=env)
    assert result.returncode == 1, result.stderr
    assert result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr
    assert "the disk may be full" in result.stderr
    assert _names(target_folder) == []


def test_a_json_error_says_at_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "ontrack", "version": 1, "goals": [{"id": "unterminated', "utf-8")
    assert main(["import", "--data", str(tmp_path / "d.sqlite"), str(broken)]) == 1
    err = capsys.readouterr().err
    assert "Unterminated string starting at line 1" in err
    assert "at at" not in err


def test_a_read_only_reader_leaves_no_log_beside_a_file_nobody_has_open(
    data_path: Path,
) -> None:
    with open_data_file(data_path) as data:
        data.execute("UPDATE profile SET name = 'Dana'")
    before = _names(data_path.parent)
    with open_data_file(data_path, writer=False) as data:
        assert data.execute("SELECT name FROM profile").fetchone()[0] == "Dana"
    assert _names(data_path.parent) == before
    with closing(sqlite3.connect(data_path)) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
