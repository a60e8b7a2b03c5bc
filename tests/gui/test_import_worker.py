"""File ▸ Import… runs in a worker thread: the window keeps working and shows progress, one
import runs at a time, Cancel and closing the window leave the data as it was, and a failed
write is told in words."""

from __future__ import annotations

import itertools
import resource
import signal
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QThread, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QPushButton
from pytestqt.qtbot import QtBot

from ontrack.domain.dataset import Dataset
from ontrack.domain.goals import Goal, Step
from ontrack.interchange.json_codec import write_file
from ontrack.storage.database import open_data_file
from ontrack.storage.dataset_read import load_dataset
from ontrack.ui.file_actions import STILL_IMPORTING
from ontrack.ui.import_worker import ImportJob
from ontrack.ui.main_window import MainWindow

WAIT_MS = 120_000
BIG_GOALS = 3000


@pytest.fixture(scope="module")
def big_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Some 6 MB of JSON: reading, checking and writing it takes a good part of a second or
    more. Written once for the module: an import only reads it."""
    big = Dataset(
        goals=tuple(
            Goal(f"big-{n}", f"Imported goal {n}", why="Why it matters, at length. " * 40,
                 steps=tuple(Step(f"s{k}", f"Step {k} of goal {n}") for k in range(8)))
            for n in range(BIG_GOALS)
        )
    )  # fmt: skip
    path = tmp_path_factory.mktemp("import") / "big.json"
    write_file(path, big, datetime(2026, 11, 24, tzinfo=UTC))
    return path


@pytest.fixture
def empty_window(open_window: Callable[[Path], MainWindow], data_path: Path) -> MainWindow:
    window = open_window(data_path)
    window.load_all_tabs()
    return window


def _goals_in(path: Path) -> int:
    with open_data_file(path, writer=False) as data:  # beside the window, reading
        return len(load_dataset(data).goals)


def test_the_window_keeps_working_and_shows_progress_while_it_imports(
    qtbot: QtBot, empty_window: MainWindow, big_file: Path
) -> None:
    window = empty_window
    ticks: list[float] = []
    timer = QTimer(window, interval=20)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    labels: list[str] = []
    with qtbot.waitSignal(window.file_actions.imported, timeout=WAIT_MS) as ended:
        assert window.file_actions.import_file(str(big_file))
        job = window.findChild(ImportJob)
        assert job is not None
        assert job.isRunning()
        assert job is not QThread.currentThread()
        job.stage.connect(labels.append)
    timer.stop()
    summary = ended.args[0]
    assert summary is not None
    assert summary.added == BIG_GOALS
    # The GUI thread went on handling events all along: no gap longer than half a second.
    gaps = [later - earlier for earlier, later in itertools.pairwise(ticks)]
    assert len(ticks) > 5
    assert max(gaps) < 0.5
    assert "Importing 3,000 records…" in labels
    # The data change reached the pages, and the status bar says what happened.
    assert window.tab_page("goalsTab").model.total() == BIG_GOALS
    assert window.statusBar().currentMessage().startswith("Imported 3,000 records from big.json")
    progress = window.findChild(QProgressDialog, "importProgress")
    assert progress is not None
    assert not progress.isVisible()


def test_the_progress_dialog_shows_what_is_being_done(
    qtbot: QtBot, empty_window: MainWindow, big_file: Path
) -> None:
    window = empty_window
    seen: list[str] = []
    with qtbot.waitSignal(window.file_actions.imported, timeout=WAIT_MS):
        window.file_actions.import_file(str(big_file))
        progress = window.findChild(QProgressDialog, "importProgress")
        assert progress is not None
        qtbot.waitUntil(progress.isVisible, timeout=WAIT_MS)
        seen.append(progress.labelText())
    assert seen[0] in ("Reading big.json…", "Importing 3,000 records…")
    assert progress.isModal()


def test_one_import_at_a_time(qtbot: QtBot, empty_window: MainWindow, big_file: Path) -> None:
    window = empty_window
    with qtbot.waitSignal(window.file_actions.imported, timeout=WAIT_MS):
        assert window.file_actions.import_file(str(big_file))
        assert not window.file_actions.import_file(str(big_file))
        assert window.statusBar().currentMessage() == STILL_IMPORTING
    assert _goals_in(window.data_path) == BIG_GOALS


def test_cancel_leaves_the_data_as_it_was(
    qtbot: QtBot, empty_window: MainWindow, big_file: Path
) -> None:
    window = empty_window
    with qtbot.waitSignal(window.file_actions.imported, timeout=WAIT_MS) as ended:
        window.file_actions.import_file(str(big_file))
        progress = window.findChild(QProgressDialog, "importProgress")
        assert progress is not None
        button = progress.findChild(QPushButton)
        assert button is not None
        assert button.text() == "Cancel"
        button.click()
    assert ended.args == [None]
    assert "cancelled; nothing changed" in window.statusBar().currentMessage()
    assert window.tab_page("goalsTab").model.total() == 0
    assert _goals_in(window.data_path) == 0


def test_closing_the_window_during_an_import_cancels_it_safely(
    empty_window: MainWindow, big_file: Path
) -> None:
    window = empty_window
    path = window.data_path
    assert window.file_actions.import_file(str(big_file))
    job = window.findChild(ImportJob)
    assert job is not None
    window.close()
    assert job.isFinished()
    with open_data_file(path, writer=False) as data:  # beside the window, reading
        assert data.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert len(load_dataset(data).goals) in (0, BIG_GOALS)  # whole or not at all


@pytest.fixture
def file_size_limit(empty_window: MainWindow) -> Iterator[None]:
    """Writes that would make a file larger than it is now plus 1 MB fail (EFBIG), the way
    a full disk fails them: SQLite rolls the whole import back."""
    old = resource.getrlimit(resource.RLIMIT_FSIZE)
    previous = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    size = empty_window.data_path.stat().st_size
    resource.setrlimit(resource.RLIMIT_FSIZE, (size + 1_000_000, old[1]))
    yield
    resource.setrlimit(resource.RLIMIT_FSIZE, old)
    signal.signal(signal.SIGXFSZ, previous)


def test_a_failed_write_is_told_in_words(
    qtbot: QtBot, empty_window: MainWindow, big_file: Path, file_size_limit: None
) -> None:
    window = empty_window
    texts: list[str] = []

    def read_and_close() -> None:
        # The progress dialog is modal too: wait for the message box that follows it.
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, read_and_close)
            return
        texts.append(box.text())
        box.accept()

    with qtbot.waitSignal(window.file_actions.imported, timeout=WAIT_MS) as ended:
        QTimer.singleShot(0, read_and_close)
        window.file_actions.import_file(str(big_file))
    assert ended.args == [None]
    assert texts[0].startswith("big.json could not be imported.")
    assert "Nothing was imported, your data is as it was." in texts[0]
    assert "savepoint" not in texts[0]
    assert _goals_in(window.data_path) == 0
