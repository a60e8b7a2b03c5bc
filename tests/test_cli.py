"""The command line: one clear line for a user's mistake, never a traceback, never a
half-written output, and the data file unchanged when anything is refused."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ontrack import __version__
from ontrack.cli import main


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "-m", "ontrack", *args], capture_output=True, text=True, env=env
    )


def test_version() -> None:
    result = _run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"OnTrack {__version__}"


def test_demo_export_import_round_trip(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first, second = tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    out1, out2 = tmp_path / "one.json", tmp_path / "two.json"
    assert main(["demo", "--data", str(first), "--seed", "3"]) == 0
    assert main(["--data", str(first), "export", "--out", str(out1)]) == 0
    assert main(["import", "--data", str(second), str(out1)]) == 0
    assert main(["export", "--data", str(second), "--out", str(out2)]) == 0
    one, two = json.loads(out1.read_text("utf-8")), json.loads(out2.read_text("utf-8"))
    assert one.pop("exported_at")
    assert two.pop("exported_at")
    assert one == two
    assert len(one["goals"]) > 5
    assert "Imported" in capsys.readouterr().out


def test_demo_refuses_a_file_that_holds_data(tmp_path: Path) -> None:
    path = tmp_path / "mine.sqlite"
    assert main(["demo", "--data", str(path)]) == 0
    before = _digest(path)
    result = _run("demo", "--data", str(path))
    assert result.returncode == 1
    assert "already holds data" in result.stderr
    assert result.stderr.count("\n") == 1
    assert _digest(path) == before


def test_importing_a_bad_document_names_the_place_and_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "mine.sqlite"
    assert main(["demo", "--data", str(path)]) == 0
    before = _digest(path)
    bad = tmp_path / "bad.json"
    bad.write_text(
        json.dumps(
            {
                "format": "ontrack",
                "version": 1,
                "goals": [{"id": "g", "title": "x", "status": "done", "deadline": "2025-13-01"}],
            }
        ),
        "utf-8",
    )
    result = _run("import", "--data", str(path), str(bad))
    assert result.returncode == 1
    assert 'goals[0].deadline: "2025-13-01" is not a date' in result.stderr
    assert "Traceback" not in result.stderr
    assert _digest(path) == before


@pytest.mark.parametrize(
    ("content", "words"),
    [(b"{not json", "line 1"), (b'{"format": "other"}', "not an OnTrack file")],
)
def test_importing_junk_is_one_clear_line(tmp_path: Path, content: bytes, words: str) -> None:
    junk = tmp_path / "junk.json"
    junk.write_bytes(content)
    result = _run("import", "--data", str(tmp_path / "d.sqlite"), str(junk))
    assert result.returncode == 1
    assert words in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_missing_input_and_missing_data_file(tmp_path: Path) -> None:
    result = _run("import", "--data", str(tmp_path / "d.sqlite"), str(tmp_path / "nope.json"))
    assert result.returncode == 1
    assert "nope.json" in result.stderr
    assert "Traceback" not in result.stderr
    result = _run("export", "--data", str(tmp_path / "missing.sqlite"), "--out", "x.json")
    assert result.returncode == 1
    assert "no data file" in result.stderr
    assert not (tmp_path / "missing.sqlite").exists()


def test_an_unwritable_output_leaves_nothing_behind(tmp_path: Path) -> None:
    data = tmp_path / "d.sqlite"
    assert main(["demo", "--data", str(data)]) == 0
    result = _run("export", "--data", str(data), "--out", str(tmp_path / "no" / "such" / "x.json"))
    assert result.returncode == 1
    assert "cannot write" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("d.sqlite")) == [
        "home"
    ]


def test_a_data_file_that_is_not_ours_is_refused(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("my private notes\n", "utf-8")
    result = _run("export", "--data", str(notes), "--out", str(tmp_path / "x.json"))
    assert result.returncode == 1
    assert "not an OnTrack data file" in result.stderr
    assert notes.read_text("utf-8") == "my private notes\n"


def test_exit_after_startup_opens_and_closes(tmp_path: Path) -> None:
    data = tmp_path / "d.sqlite"
    assert main(["demo", "--data", str(data)]) == 0
    result = _run("--data", str(data), "--exit-after-startup")
    assert result.returncode == 0, result.stderr
    every_tab = _run("--data", str(data), "--exit-after-startup=all")
    assert every_tab.returncode == 0, every_tab.stderr


def test_exit_after_startup_on_a_file_in_use_is_one_line(tmp_path: Path) -> None:
    from ontrack.storage.database import open_data_file

    data = tmp_path / "d.sqlite"
    with open_data_file(data):  # another OnTrack writing to it
        result = _run("--data", str(data), "--exit-after-startup")
    assert result.returncode == 1
    assert "in use by another OnTrack" in result.stderr
    assert "Traceback" not in result.stderr


def test_backup_and_restore_from_the_command_line(tmp_path: Path) -> None:
    data = tmp_path / "mine.sqlite"
    assert main(["demo", "--data", str(data)]) == 0
    saved = tmp_path / "saved.sqlite"
    assert main(["backup", "--data", str(data), "--out", str(saved)]) == 0
    original = tmp_path / "original.json"
    assert main(["export", "--data", str(data), "--out", str(original)]) == 0
    data.unlink()
    assert main(["demo", "--data", str(data), "--seed", "9"]) == 0
    assert main(["restore", "--data", str(data), str(saved)]) == 0
    again = tmp_path / "again.json"
    assert main(["export", "--data", str(data), "--out", str(again)]) == 0
    one, two = json.loads(original.read_text("utf-8")), json.loads(again.read_text("utf-8"))
    one.pop("exported_at")
    two.pop("exported_at")
    assert one == two
    assert list((tmp_path / "backups").iterdir())  # the file it replaced was kept


def test_restoring_something_that_is_not_a_backup_is_one_clear_line(tmp_path: Path) -> None:
    data = tmp_path / "mine.sqlite"
    assert main(["demo", "--data", str(data)]) == 0
    before = _digest(data)
    junk = tmp_path / "junk.sqlite"
    junk.write_text("not a database", "utf-8")
    result = _run("restore", "--data", str(data), str(junk))
    assert result.returncode == 1
    assert "not an OnTrack data file" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert _digest(data) == before


def test_import_contacts_from_the_command_line_twice_adds_no_duplicates(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "mine.sqlite"
    source = Path(__file__).parent / "data" / "linkedin" / "Connections.csv"
    assert main(["import-contacts", "--data", str(data), str(source)]) == 0
    first = capsys.readouterr().out
    assert main(["import-contacts", "--data", str(data), str(source)]) == 0
    second = capsys.readouterr().out
    assert "6 new" in first
    assert "0 new, 6 merged" in second
    out = tmp_path / "all.json"
    assert main(["export", "--data", str(data), "--out", str(out)]) == 0
    assert len(json.loads(out.read_text("utf-8"))["contacts"]) == 6


def test_export_calendar_writes_an_ics_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "mine.sqlite"
    out = tmp_path / "dates.ics"
    assert main(["demo", "--data", str(data)]) == 0
    assert main(["export-calendar", "--data", str(data), "--out", str(out)]) == 0
    text = out.read_text("utf-8")
    assert text.startswith("BEGIN:VCALENDAR")
    events = text.count("BEGIN:VEVENT")
    assert events > 10
    assert f"Exported {events:,} dates to {out}." in capsys.readouterr().out


def test_export_calendar_of_a_missing_file_is_one_clear_line(tmp_path: Path) -> None:
    result = _run(
        "export-calendar", "--data", str(tmp_path / "none.sqlite"), "--out", str(tmp_path / "x")
    )
    assert result.returncode != 0
    assert result.stderr.startswith("ontrack export-calendar: ")
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "x").exists()
