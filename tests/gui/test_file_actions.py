"""File ▸ Import, Export, New and Open from the window, including what a person sees when
a file is refused."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from ontrack.app import WindowManager
from ontrack.domain.clock import FixedClock
from ontrack.domain.dataset import Dataset
from ontrack.interchange.json_codec import write_file
from ontrack.ui.main_window import MainWindow
from tests.gui.conftest import when_modal


def _close_and_read(texts: list[str]) -> Callable[[QWidget], None]:
    def act(dialog: QWidget) -> None:
        assert isinstance(dialog, QMessageBox)
        texts.append(dialog.text())
        dialog.accept()

    return act


def test_import_fills_every_tab_and_clears_undo(
    qtbot: QtBot,
    open_window: Callable[[Path], MainWindow],
    data_path: Path,
    tmp_path: Path,
    small_dataset: Dataset,
) -> None:
    window = open_window(data_path)
    window.load_all_tabs()
    source = tmp_path / "mine.json"
    write_file(source, small_dataset, datetime(2026, 11, 24, tzinfo=UTC))
    with qtbot.waitSignal(window.file_actions.imported, timeout=30_000):
        assert window.file_actions.import_file(str(source))
    assert window.tab_page("goalsTab").model.total() == len(small_dataset.goals)
    assert window.tab_page("networkTab").model.total() == len(small_dataset.contacts)
    assert "Imported" in window.statusBar().currentMessage()
    assert window.undo_stack.count() == 0
    overview = window.tab_page("overviewTab")
    window.show_tab("overviewTab")
    assert not overview.showing_welcome()  # no longer the welcome
    assert overview.greeting.text().endswith(small_dataset.profile.name.split()[0])


def test_a_bad_file_is_explained_and_nothing_changes(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    before = window.services.transfer.export_dataset()
    bad = tmp_path / "bad.json"
    bad.write_text(
        json.dumps(
            {
                "format": "ontrack",
                "version": 1,
                "goals": [{"id": "x", "title": "<b>t</b>", "status": "soon"}],
            }
        ),
        "utf-8",
    )
    texts: list[str] = []
    when_modal(qtbot, _close_and_read(texts))
    with qtbot.waitSignal(window.file_actions.imported, timeout=30_000) as ended:
        assert window.file_actions.import_file(str(bad))  # started; refused in the worker
    assert ended.args == [None]
    assert "bad.json could not be imported" in texts[0]
    assert "goals[0].status" in texts[0]
    assert window.services.transfer.export_dataset() == before


def test_export_writes_everything(
    window: MainWindow, tmp_path: Path, small_dataset: Dataset
) -> None:
    out = tmp_path / "out.json"
    assert window.file_actions.export_file(str(out))
    document = json.loads(out.read_text("utf-8"))
    assert len(document["goals"]) == len(small_dataset.goals)
    assert document["exported_at"] == "2026-11-24T09:00:00+00:00"


def test_export_to_a_folder_that_does_not_exist_says_so(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    texts: list[str] = []
    when_modal(qtbot, _close_and_read(texts))
    assert not window.file_actions.export_file(str(tmp_path / "gone" / "out.json"))
    assert "could not write" in texts[0]
    assert not (tmp_path / "gone").exists()


def test_opening_another_data_file_swaps_the_window(
    qtbot: QtBot, demo_file: Path, tmp_path: Path, settings: QSettings, clock: FixedClock
) -> None:
    manager = WindowManager(settings, clock)
    assert manager.open(demo_file)
    first = manager.window
    qtbot.addWidget(first)
    other = tmp_path / "other.sqlite"
    first.file_actions.open_requested.emit(other)
    second = manager.window
    qtbot.addWidget(second)
    assert second is not first
    assert second.data_path == other
    assert first.isHidden()
    assert second.windowTitle().startswith("other")
    second.close()


def test_a_file_that_is_not_ours_is_refused_and_the_window_stays(
    qtbot: QtBot, demo_file: Path, tmp_path: Path, settings: QSettings, clock: FixedClock
) -> None:
    manager = WindowManager(settings, clock)
    manager.open(demo_file)
    first = manager.window
    qtbot.addWidget(first)
    notes = tmp_path / "notes.txt"
    notes.write_text("private\n", "utf-8")
    texts: list[str] = []

    def cancel(dialog: QWidget) -> None:
        assert isinstance(dialog, QMessageBox)
        texts.append(dialog.text())
        dialog.reject()

    when_modal(qtbot, cancel)
    assert manager.open(notes)
    assert manager.window is first
    assert "not an OnTrack data file" in texts[0]
    assert notes.read_text("utf-8") == "private\n"
    first.close()
