"""Restoring from the window: File ▸ Restore from backup…, and a damaged file recovered from
its newest backup when OnTrack opens it."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from ontrack.app import WindowManager
from ontrack.domain.clock import FixedClock
from ontrack.domain.profile import Profile
from ontrack.storage.backup import automatic_backup, list_backups
from ontrack.storage.database import open_data_file
from ontrack.ui.restore_dialog import BackupsTableModel, RestoreDialog
from tests.gui.conftest import when_modal


def _name(path: Path) -> str:
    with sqlite3.connect(path) as connection:
        return str(connection.execute("SELECT name FROM profile").fetchone()[0])


def test_restore_from_the_menu_goes_back_and_keeps_the_current_data(
    qtbot: QtBot, demo_file: Path, settings: QSettings, clock: FixedClock
) -> None:
    manager = WindowManager(settings, clock)
    manager.open(demo_file)
    first = manager.window
    assert first is not None
    qtbot.addWidget(first)
    original = first.services.profile.get()
    first.backups.automatic()  # today's copy, with the original name
    first.services.profile.update(Profile("Changed Later", "", ""))

    def choose_newest(dialog: QWidget) -> None:
        assert isinstance(dialog, RestoreDialog)
        assert dialog.model.rowCount() == 1
        dialog.restore_button.click()

    when_modal(qtbot, choose_newest)
    first.restore_action.trigger()
    second = manager.window
    assert second is not None
    qtbot.addWidget(second)
    assert second is not first
    assert second.services.profile.get() == original
    assert "Restored from" in second.statusBar().currentMessage()
    kept = [b for b in list_backups(demo_file) if _name(b.path) == "Changed Later"]
    assert kept, "the data as it was before the restore is kept as a backup"
    second.close()


@pytest.mark.parametrize(
    "damaged",
    [b"SQLite format 3\x00" + b"\xee" * 8000, b"\x00garbage over the whole file" * 300],
    ids=["damaged", "overwritten"],
)
def test_a_damaged_file_is_restored_from_its_newest_backup_when_opened(
    qtbot: QtBot, demo_file: Path, settings: QSettings, clock: FixedClock, damaged: bytes
) -> None:
    with open_data_file(demo_file) as data:
        automatic_backup(data.connection, demo_file, datetime(2026, 11, 23, 18, 0))
    name = _name(demo_file)
    demo_file.write_bytes(damaged)
    seen: list[str] = []

    def restore(dialog: QWidget) -> None:
        assert isinstance(dialog, QMessageBox)
        seen.append(dialog.text())
        button = next(
            b for b in dialog.findChildren(QPushButton) if b.text() == "Restore the newest backup"
        )
        button.click()

    when_modal(qtbot, restore)
    manager = WindowManager(settings, clock)
    assert manager.open(demo_file)
    window = manager.window
    assert window is not None
    qtbot.addWidget(window)
    assert "damaged" in seen[0] or "not an OnTrack data file" in seen[0]
    assert window.services.profile.get().name == name
    aside = [p for p in demo_file.parent.iterdir() if ".damaged-" in p.name]
    assert [p.read_bytes() for p in aside] == [damaged]
    window.close()


def test_the_backups_model_passes_the_model_tester(qtmodeltester, demo_file: Path) -> None:  # type: ignore[no-untyped-def]
    with open_data_file(demo_file) as data:
        for day in (20, 21, 22):
            automatic_backup(data.connection, demo_file, datetime(2026, 11, day, 9, 0))
    model = BackupsTableModel(list_backups(demo_file))
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 3
    assert model.index(0, 0).data() == "22 Nov 2026 at 09:00"
