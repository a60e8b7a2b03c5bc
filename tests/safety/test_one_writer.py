"""Issue 14, items 2 and 5: one writer at a time, and no write that reverts another's.

`ontrack restore` used to replace the file under an open window, which went on saying
that later edits were saved; a second import died with a traceback ("database is
locked"); and the Goals panel saved its own older copy of a goal over an import's change.
Now every writer (the window, import, import-contacts, demo, restore) holds the data
file's writer lock, a second one is refused in words with nothing changed, and an edit
writes only the fields it changed, onto the record as it is now."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from ontrack.cli import main
from ontrack.services.goals import GoalService
from ontrack.services.network import NetworkService
from ontrack.storage.database import open_data_file
from ontrack.storage.errors import FileInUseError
from ontrack.ui.main_window import MainWindow


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def export_file(tmp_path: Path, demo_file: Path) -> Path:
    out = tmp_path / "export.json"
    assert main(["export", "--data", str(demo_file), "--out", str(out)]) == 0
    return out


@pytest.fixture
def demo_file(tmp_path: Path) -> Path:
    path = tmp_path / "career.sqlite"
    assert main(["demo", "--data", str(path)]) == 0
    return path


def _refused(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert main(list(argv)) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1, err  # one line, no traceback
    assert "in use by another OnTrack" in err
    return err


def test_every_writing_command_is_refused_while_the_file_is_open(
    demo_file: Path, export_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    backup = tmp_path / "copy.sqlite"
    assert main(["backup", "--data", str(demo_file), "--out", str(backup)]) == 0
    vcard = tmp_path / "one.vcf"
    vcard.write_text("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana Souza\r\nEND:VCARD\r\n")
    capsys.readouterr()
    with open_data_file(demo_file) as data:  # as the window holds it
        data.execute("UPDATE profile SET name = 'Kept'")
        before = _digest(demo_file)
        _refused(capsys, "restore", "--data", str(demo_file), str(backup))
        _refused(capsys, "import", "--data", str(demo_file), str(export_file))
        _refused(capsys, "import-contacts", "--data", str(demo_file), str(vcard))
        _refused(capsys, "demo", "--data", str(demo_file))
        assert _digest(demo_file) == before
        # Reading beside the writer is fine.
        assert main(["export", "--data", str(demo_file), "--out", str(tmp_path / "r.json")]) == 0
    assert json.loads((tmp_path / "r.json").read_text("utf-8"))["profile"]["name"] == "Kept"
    # Once the writer has closed the file, the same commands work.
    assert main(["restore", "--data", str(demo_file), str(backup)]) == 0


def test_a_second_program_writing_the_file_refuses_an_import(
    demo_file: Path, export_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    holder = textwrap.dedent(
        """
        import sys
        from ontrack.storage.database import open_data_file
        data = open_data_file(sys.argv[1])
        print("ready", flush=True)
        sys.stdin.read()
        """
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    other = subprocess.Popen(
        [sys.executable, "-c", holder, str(demo_file)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env=env,
        text=True,
    )
    try:
        assert other.stdout is not None
        assert other.stdout.readline().strip() == "ready"
        _refused(capsys, "import", "--data", str(demo_file), str(export_file))
        with pytest.raises(FileInUseError):
            open_data_file(demo_file)
    finally:
        other.communicate("")
    assert main(["import", "--data", str(demo_file), str(export_file)]) == 0


def test_restore_is_refused_while_the_window_has_the_file_and_edits_still_land(
    demo_file: Path,
    tmp_path: Path,
    open_window: Callable[[Path], MainWindow],
    capsys: pytest.CaptureFixture[str],
) -> None:
    backup = tmp_path / "copy.sqlite"
    assert main(["backup", "--data", str(demo_file), "--out", str(backup)]) == 0
    window = open_window(demo_file)
    _refused(capsys, "restore", "--data", str(demo_file), str(backup))
    profile = window.services.profile.get()
    window.services.profile.update(type(profile)("After the refusal", "", ""))
    window.close()
    with closing(sqlite3.connect(demo_file)) as connection:
        name = connection.execute("SELECT name FROM profile").fetchone()[0]
    assert name == "After the refusal"


def _change_behind_the_window(path: Path, sql: str, *parameters: object) -> None:
    """Another program's write, which the window is not told about."""
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute(sql, parameters)
    finally:
        connection.close()


def test_a_goal_edit_does_not_revert_a_change_made_meanwhile(
    qtbot: QtBot, demo_file: Path, open_window: Callable[[Path], MainWindow]
) -> None:
    window = open_window(demo_file)
    goals = GoalService(window.services.context)
    goal = goals.get(goals.items()[0].id)
    window.open_tab("goalsTab", goal.id)
    page = window.tab_page("goalsTab")
    panel = page.detail  # type: ignore[attr-defined]
    assert panel.goal.id == goal.id
    _change_behind_the_window(
        demo_file, "UPDATE goal SET measure = 'Changed elsewhere' WHERE id = ?", goal.id
    )
    panel.why_edit.setFocus()
    panel.why_edit.selectAll()
    qtbot.keyClicks(panel.why_edit, "Typed in the window")
    panel.commit_pending()
    saved = goals.get(goal.id)
    assert saved.why == "Typed in the window"
    assert saved.measure == "Changed elsewhere"
    window.undo_stack.undo()
    undone = goals.get(goal.id)
    assert undone.why == goal.why
    assert undone.measure == "Changed elsewhere"


def test_a_contact_edit_does_not_revert_a_note_written_meanwhile(
    qtbot: QtBot, demo_file: Path, open_window: Callable[[Path], MainWindow]
) -> None:
    window = open_window(demo_file)
    network = NetworkService(window.services.context)
    contact = network.all_contacts()[0]
    window.open_tab("networkTab", contact.id)
    pane = window.tab_page("networkTab").pane  # type: ignore[attr-defined]
    _change_behind_the_window(
        demo_file, "UPDATE contact SET notes = 'Noted elsewhere' WHERE id = ?", contact.id
    )
    pane.company.setFocus()
    pane.company.selectAll()
    qtbot.keyClicks(pane.company, "Initech")
    qtbot.keyClick(pane.company, Qt.Key.Key_Return)
    saved = network.contact(contact.id)
    assert saved.company == "Initech"
    assert saved.notes == "Noted elsewhere"
