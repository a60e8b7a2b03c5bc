"""The composition root: builds storage, services, the undo stack and the window, in order,
and passes each its dependencies. Also runs the window for `ontrack` with no subcommand."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from . import APP_NAME, __version__
from .domain.clock import Clock, SystemClock
from .paths import default_data_path, set_application_names
from .services.registry import Services
from .storage.database import open_data_file
from .storage.errors import DataFileError
from .ui.main_window import MainWindow


def default_settings() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, APP_NAME, APP_NAME)


def create_main_window(
    data_file: str | Path,
    *,
    clock: Clock | None = None,
    settings: QSettings | None = None,
) -> MainWindow:
    """Build the whole application on `data_file` without entering the event loop.

    A QApplication must exist. Raises `DataFileError` if the file cannot be used.
    """
    if QApplication.instance() is None:
        raise RuntimeError("create_main_window needs a QApplication")
    clock = clock or SystemClock()
    data = open_data_file(Path(data_file))
    services = Services.create(data, clock)
    undo_stack = QUndoStack()
    window = MainWindow(services, undo_stack, settings or default_settings(), clock)
    undo_stack.setParent(window)
    return window


class WindowManager:
    """Keeps the one open window, and swaps it when the person opens another data file."""

    def __init__(self, settings: QSettings, clock: Clock) -> None:
        self._settings = settings
        self._clock = clock
        self.window: MainWindow | None = None

    def open(self, path: Path) -> bool:
        while True:
            try:
                window = create_main_window(path, clock=self._clock, settings=self._settings)
            except DataFileError as error:
                replacement = self._ask_for_another_file(str(error))
                if replacement is None:
                    return self.window is not None
                path = replacement
                continue
            break
        window.file_actions.open_requested.connect(self.open)
        old, self.window = self.window, window
        if old is not None:
            old.save_settings()
            old.close()
        window.show()
        return True

    def _ask_for_another_file(self, message: str) -> Path | None:
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(f"{APP_NAME} cannot open this file")
        box.setText(message)
        open_button = box.addButton("Open another file…", QMessageBox.ButtonRole.AcceptRole)
        box.addButton(
            QMessageBox.StandardButton.Cancel if self.window else QMessageBox.StandardButton.Close
        )
        box.exec()
        if box.clickedButton() is not open_button:
            return None
        name, _ = QFileDialog.getOpenFileName(self.window, "Open data file")
        return Path(name) if name else None


def _application(argv: list[str]) -> QApplication:
    set_application_names()
    app = QApplication.instance() or QApplication(argv)
    app.setApplicationVersion(__version__)
    app.setApplicationDisplayName(APP_NAME)
    return app  # type: ignore[return-value]


def run_window(data_file: Path | None, exit_after_startup: bool = False) -> int:
    app = _application(sys.argv[:1])
    path = data_file or default_data_path()
    manager = WindowManager(default_settings(), SystemClock())
    if exit_after_startup:
        # Open, load every tab, paint once, leave: what the start-up benchmark measures.
        try:
            window = create_main_window(path, settings=default_settings())
        except DataFileError as error:
            print(f"ontrack: {error}", file=sys.stderr)
            return 1
        window.show()
        window.load_all_tabs()
        window.repaint()
        app.processEvents()
        window.close()
        return 0
    if not manager.open(path):
        return 1
    return app.exec()
