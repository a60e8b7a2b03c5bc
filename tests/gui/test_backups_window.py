"""Backups from the window: the day's copy when OnTrack closes, and File ▸ Back up now."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from ontrack.storage.backup import list_backups
from ontrack.ui.main_window import MainWindow
from tests.gui.conftest import when_modal


def _titles(path: Path) -> list[str]:
    with sqlite3.connect(path) as connection:
        return [row[0] for row in connection.execute("SELECT title FROM goal ORDER BY seq")]


def test_closing_makes_the_days_backup_once(
    open_window: Callable[[Path], MainWindow], demo_file: Path
) -> None:
    window = open_window(demo_file)
    window.close()
    backups = list_backups(demo_file)
    assert len(backups) == 1
    assert _titles(backups[0].path) == _titles(demo_file)
    again = open_window(demo_file)
    again.close()
    assert len(list_backups(demo_file)) == 1  # at most one a day


def test_back_up_now_writes_a_verified_copy_where_asked(window: MainWindow, tmp_path: Path) -> None:
    target = tmp_path / "usb" / "career.sqlite"
    assert window.backups.back_up_now(str(target))
    assert _titles(target) == _titles(window.data_path)
    assert "Backed up" in window.statusBar().currentMessage()
    file_menu = [a.text() for a in window.menuBar().actions()[0].menu().actions() if a.text()]
    assert "&Back up now…" in file_menu


def test_a_backup_that_cannot_be_written_is_explained(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("in the way", "utf-8")
    texts: list[str] = []

    def read(dialog: QWidget) -> None:
        assert isinstance(dialog, QMessageBox)
        texts.append(dialog.text())
        dialog.accept()

    when_modal(qtbot, read)
    assert not window.backups.back_up_now(str(blocker / "copy.sqlite"))
    assert "Cannot" in texts[0]
