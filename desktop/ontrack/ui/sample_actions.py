"""The window's half of "Explore sample data": make the sample file (once), open it, and
find the way back to the person's own file. The sample file itself is services.sample's."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox, QWidget

from ..domain.clock import Clock
from ..domain.file_errors import DataFileError
from ..services.sample import is_sample, make_sample_file, sample_path_for
from .settings import Settings


def explore_sample(
    parent: QWidget,
    data_path: Path,
    settings: QSettings,
    clock: Clock,
    open_file: Callable[[Path], None],
) -> None:
    """Open the sample data file (made on first use), remembering the file to go back to."""
    if is_sample(data_path):
        return
    path = sample_path_for(data_path)
    Settings(settings).sample_return = data_path
    try:
        make_sample_file(path, clock)
    except (DataFileError, OSError) as error:
        QMessageBox.warning(
            parent, "No sample data", f"The sample data file could not be made.\n\n{error}"
        )
        return
    open_file(path)


def leave_sample(
    data_path: Path,
    settings: QSettings,
    open_file: Callable[[Path], None],
    choose_file: Callable[[], None],
) -> None:
    """Back to the file remembered when the sample was opened; if none is, let the person
    choose one."""
    back = Settings(settings).sample_return
    if back is None or back == data_path:
        choose_file()
        return
    open_file(back)
