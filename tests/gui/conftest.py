"""Fixtures for driving the real window: a data file with sample data, private settings,
and a helper to answer modal dialogs the way a person would."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget
from pytestqt.qtbot import QtBot

from ontrack.app import create_main_window
from ontrack.demo import generate
from ontrack.domain.clock import FixedClock
from ontrack.domain.dataset import Dataset
from ontrack.storage.database import open_data_file
from ontrack.storage.dataset_write import merge_dataset
from ontrack.ui.fonts import register_fallback_fonts
from ontrack.ui.main_window import MainWindow
from tests.conftest import TODAY, FileTemplates


@pytest.fixture(scope="session")
def small_dataset() -> Dataset:
    return generate("small", 7, TODAY)


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def demo_file(tmp_path: Path, small_dataset: Dataset, file_templates: FileTemplates) -> Path:
    """A data file of the test's own holding the small demo (a copy of one filled once)."""

    def fill(path: Path) -> None:
        with open_data_file(path) as data:
            merge_dataset(data, small_dataset)

    return file_templates.copy("small-demo", fill, tmp_path / "demo.sqlite")


@pytest.fixture(scope="session")
def fallback_fonts(qapp: QApplication) -> list[str]:
    """The carried CJK and emoji fonts, registered once as the real start does
    (`app._application`): a grab of a test's window shows CJK names as a person sees them,
    not as empty boxes (this machine has no CJK font of its own)."""
    return register_fallback_fonts(qapp.font())


@pytest.fixture
def open_window(
    qtbot: QtBot, clock: FixedClock, settings: QSettings, fallback_fonts: list[str]
) -> Iterator[Callable[[Path], MainWindow]]:
    opened: list[MainWindow] = []

    def _open(path: Path) -> MainWindow:
        window = create_main_window(path, clock=clock, settings=settings)
        qtbot.addWidget(window)
        with qtbot.waitExposed(window):
            window.show()
        opened.append(window)
        return window

    yield _open
    for window in opened:
        window.close()


@pytest.fixture
def window(open_window: Callable[[Path], MainWindow], demo_file: Path) -> MainWindow:
    return open_window(demo_file)


def when_modal(qtbot: QtBot, act: Callable[[QWidget], None]) -> list[QWidget]:
    """Run `act` on the next modal dialog once it is up (modal dialogs block the caller)."""
    seen: list[QWidget] = []

    def check() -> None:
        dialog = QApplication.activeModalWidget()
        # A progress dialog (a slow read under load) comes and goes by itself: not the one.
        if dialog is None or isinstance(dialog, QProgressDialog):
            QTimer.singleShot(10, check)
            return
        seen.append(dialog)
        act(dialog)

    QTimer.singleShot(0, check)
    return seen


@pytest.fixture
def walk_everything(
    qtbot: QtBot,
    open_window: Callable[[Path], MainWindow],
    demo_file: Path,
    small_dataset: Dataset,
    data_path: Path,
) -> Callable[[Callable[[QWidget, str], list[str]]], list[str]]:
    """`walk_everything(check)`: every window, tab and dialog walked (window_walk), what
    `check(top_level_widget, where)` found at each stop, gathered."""
    from tests.gui.window_walk import walk  # it uses when_modal from here

    return lambda check: walk(qtbot, open_window, demo_file, small_dataset, data_path, check)
