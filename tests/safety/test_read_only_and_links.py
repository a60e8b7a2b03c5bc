"""Issue 14, items 8, 9 and 11: a read-only folder, a symbolic link, the settings file.

A healthy file in a read-only folder was called "damaged" and "Restore the newest backup"
then crashed; a restore over a symlinked data path replaced the link with a plain file; the
settings file was created 0644 in a 0755 folder. The read-only cases run as a person
without write rights: the suite runs as root here, where permissions do not bite, so as
root they run the command in a child process as the unprivileged user `nobody`."""

from __future__ import annotations

import os
import pwd
import shutil
import stat
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from unittest import mock

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from ontrack.cli import main
from ontrack.files.paths import set_application_names
from ontrack.storage.errors import DamagedFileError, ReadOnlyFileError
from ontrack.ui.open_problems import ask_what_next
from tests.gui.conftest import when_modal

AS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


@pytest.fixture
def read_only_folder(tmp_path: Path) -> Iterator[Path]:
    """A folder holding a healthy demo file that the test's user cannot write to."""
    # Outside tmp_path (0700, root's): `nobody` must be able to reach it.
    base = Path(tempfile.mkdtemp(prefix="ontrack-ro-"))
    os.chmod(base, 0o755)
    folder = base / "shared"
    folder.mkdir()
    path = folder / "career.sqlite"
    assert main(["demo", "--data", str(path)]) == 0
    os.chmod(path, 0o644)
    os.chmod(folder, 0o555)
    try:
        yield folder
    finally:
        os.chmod(folder, 0o755)
        shutil.rmtree(base)


def _run_without_write_rights(code: str, folder: Path) -> subprocess.CompletedProcess[str]:
    """Run Python `code` as a person who may read `folder` but not write to it."""
    writable = folder.parent / "mine"
    writable.mkdir(mode=0o777, exist_ok=True)
    os.chmod(writable, 0o777)
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        HOME=str(writable),
        XDG_RUNTIME_DIR=str(writable),
        PYTHONDONTWRITEBYTECODE="1",
    )
    nobody = pwd.getpwnam("nobody").pw_uid if AS_ROOT else None

    def drop_rights() -> None:
        if nobody is not None:
            os.setgid(65534)
            os.setuid(nobody)

    return subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=env,
        cwd=writable,
        preexec_fn=drop_rights,
    )


def test_a_read_only_folder_is_said_to_be_read_only_and_can_still_be_read(
    read_only_folder: Path,
) -> None:
    data = read_only_folder / "career.sqlite"
    before = sorted(p.name for p in read_only_folder.iterdir())
    code = f"""
import sys
from ontrack.cli import main
from ontrack.storage.database import open_data_file
from ontrack.storage.errors import ReadOnlyFileError
try:
    open_data_file({str(data)!r})
except ReadOnlyFileError as error:
    print("refused:", error)
sys.exit(main(["export", "--data", {str(data)!r}, "--out", "out.json"]))
"""
    result = _run_without_write_rights(code, read_only_folder)
    assert result.returncode == 0, result.stderr
    assert "refused:" in result.stdout
    assert "read-only" in result.stdout
    assert "damaged" not in result.stdout
    assert (read_only_folder.parent / "mine" / "out.json").stat().st_size > 1000
    assert sorted(p.name for p in read_only_folder.iterdir()) == before  # no -wal, no -shm


def test_no_restore_is_offered_where_it_could_not_be_written(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "career.sqlite"
    assert main(["demo", "--data", str(path)]) == 0
    offered: list[list[str]] = []

    def look(dialog: QWidget) -> None:
        assert isinstance(dialog, QMessageBox)
        offered.append([b.text().replace("&", "") for b in dialog.findChildren(QPushButton)])
        dialog.reject()

    for error in (
        ReadOnlyFileError(f"{path} can only be read"),
        DamagedFileError(f"{path} is damaged"),  # in a folder this person cannot write to
    ):
        when_modal(qtbot, look)
        with mock.patch("ontrack.ui.open_problems.os.access", return_value=False):
            assert ask_what_next(None, path, error).backup is None
    assert all("Restore the newest backup" not in buttons for buttons in offered)
    assert len(offered) == 2


def test_restore_through_a_symbolic_link_restores_its_target(tmp_path: Path) -> None:
    real = tmp_path / "synced" / "career.sqlite"
    real.parent.mkdir()
    assert main(["demo", "--data", str(real)]) == 0
    copy = tmp_path / "copy.sqlite"
    assert main(["backup", "--data", str(real), "--out", str(copy)]) == 0
    link = tmp_path / "career.sqlite"
    link.symlink_to(real)
    assert main(["import", "--data", str(link), str(_one_goal_document(tmp_path))]) == 0
    grown = real.stat().st_size
    assert main(["restore", "--data", str(link), str(copy)]) == 0
    assert link.is_symlink()
    assert link.resolve() == real.resolve()
    assert real.read_bytes() == copy.read_bytes()
    assert real.stat().st_size <= grown


def _one_goal_document(folder: Path) -> Path:
    document = folder / "one.json"
    document.write_text(
        '{"format": "ontrack", "version": 1, "goals": [{"id": "g-extra", "title": "Extra", '
        '"status": "not_started", "progress": 0}]}',
        "utf-8",
    )
    return document


def test_the_settings_file_is_the_persons_alone(qtbot: QtBot) -> None:
    from ontrack.app import default_settings

    assert QApplication.instance() is not None
    set_application_names()
    settings = default_settings()
    settings.setValue("files/last_folder", "/home/someone/private")
    settings.sync()
    path = Path(settings.fileName())
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
