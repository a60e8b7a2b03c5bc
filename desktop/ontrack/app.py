"""The composition root: builds storage, services, the undo stack and the window, in order,
and passes each its dependencies. Also runs the window for `ontrack` with no subcommand."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QIcon, QUndoStack
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from . import APP_ID, APP_NAME, __version__
from .domain.clock import Clock, SystemClock
from .domain.dates import written
from .paths import default_data_path, set_application_names
from .resources import resource_path
from .services.registry import Services
from .storage.database import open_data_file
from .storage.errors import DataFileError
from .ui.main_window import MainWindow

if TYPE_CHECKING:  # QtNetwork (~13 ms) loads only when a window is opened for a person
    from .ui.single_instance import SingleInstance


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

    def __init__(
        self, settings: QSettings, clock: Clock, instance: SingleInstance | None = None
    ) -> None:
        self._settings = settings
        self._clock = clock
        self._instance = instance
        self.window: MainWindow | None = None
        if instance is not None:
            instance.activation_requested.connect(self.bring_forward)

    def bring_forward(self) -> None:
        """Another launch on our data file asked for this window instead of opening it."""
        if self.window is not None:
            self.window.show()
            self.window.bring_forward()

    def open(self, path: Path) -> bool:
        if self._instance is not None and self.window is not None:
            from .ui.single_instance import Reply

            if self._instance.ask_running_instance(path) is Reply.RAISED:
                return True  # that file is open already (here or in another OnTrack): shown
        while True:
            try:
                window = create_main_window(path, clock=self._clock, settings=self._settings)
            except DataFileError as error:
                replacement = self._ask_for_another_file(str(error), path, error)
                if replacement is None:
                    return self.window is not None
                path = replacement
                continue
            break
        window.file_actions.open_requested.connect(self.open)
        window.restore_requested.connect(self.restore)
        old, self.window = self.window, window
        if old is not None:
            old.save_settings()
            old.close()
        window.show()
        if self._instance is not None:
            self._instance.listen(window.data_path)
        return True

    def restore(self, backup: Path) -> bool:
        """Put `backup` back in place of the open data file, then show it again."""
        from datetime import datetime

        from .storage.restore import check_backup, restore_backup

        window = self.window
        if window is None:
            return False
        path = window.data_path
        try:
            check_backup(backup)  # refuse a bad backup before closing anything
        except DataFileError as error:
            self._warn("Nothing was restored", str(error))
            return False
        window.close()  # saves settings, makes the day's backup, closes the data file
        self.window = None
        try:
            kept = restore_backup(path, backup, datetime.now())
        except DataFileError as error:
            self._warn("Nothing was restored", str(error))
            return self.open(path)
        opened = self.open(path)
        if opened and self.window is not None:
            note = f" Your data as it was is kept in {kept.name}." if kept else ""
            self.window.statusBar().showMessage(f"Restored from {backup.name}.{note}", 15000)
        return opened

    def _warn(self, title: str, text: str) -> None:
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(title)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(text)
        box.exec()
        box.deleteLater()

    def _ask_for_another_file(self, message: str, path: Path, error: DataFileError) -> Path | None:
        """What to do with a file that cannot be opened: restore its newest backup (when it is
        damaged and has one), open another file, or give up. Returns the file to try next."""
        from .storage.backup import list_backups
        from .storage.errors import DamagedFileError, NotAnOnTrackFileError

        # Truncated, overwritten or otherwise damaged: a backup can bring the data back
        # (the file itself is kept beside it). Other reasons (a newer version, a folder, no
        # permission) are not cured by a backup.
        curable = isinstance(error, DamagedFileError | NotAnOnTrackFileError)
        backups = list_backups(path) if curable and path.is_file() else []
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(f"{APP_NAME} cannot open this file")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(message)
        restore_button = None
        if backups:
            made = backups[0].made_at
            box.setInformativeText(
                f"Its newest backup is from {written(made.date())} at {made:%H:%M}. "
                "Restoring it keeps the damaged file beside it, untouched."
            )
            restore_button = box.addButton(
                "Restore the newest backup", QMessageBox.ButtonRole.AcceptRole
            )
        open_button = box.addButton("Open another file…", QMessageBox.ButtonRole.ActionRole)
        box.addButton(
            QMessageBox.StandardButton.Cancel if self.window else QMessageBox.StandardButton.Close
        )
        box.exec()
        clicked = box.clickedButton()
        box.deleteLater()
        if restore_button is not None and clicked is restore_button:
            from datetime import datetime

            from .storage.restore import restore_backup

            try:
                restore_backup(path, backups[0].path, datetime.now())
            except DataFileError as failure:
                self._warn("Nothing was restored", str(failure))
                return None
            return path
        if clicked is not open_button:
            return None
        name, _ = QFileDialog.getOpenFileName(self.window, "Open data file")
        return Path(name) if name else None


def application_icon() -> QIcon:
    """OnTrack's icon in every rendered size; QIcon reads a file only when a size is drawn."""
    icon = QIcon()
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        icon.addFile(str(resource_path("icons", f"ontrack-{size}.png")))
    return icon


def _explain_not_answering(path: Path) -> None:
    text = (
        f"{APP_NAME} is already open on {path}, but it does not answer. "
        "Switch to its window, or close it (or end it if it hangs) and start again. "
        "Opening the same file twice is not allowed, so that nothing you type is lost."
    )
    print(f"ontrack: {text}", file=sys.stderr)
    box = QMessageBox(QMessageBox.Icon.Warning, f"{APP_NAME} is already open", text)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()


def _application(argv: list[str]) -> QApplication:
    set_application_names()
    app = QApplication.instance() or QApplication(argv)
    from .ui.fonts import register_fallback_fonts  # with the window, never for the CLI

    register_fallback_fonts(app.font())  # CJK and emoji names on any desktop
    app.setApplicationVersion(__version__)
    app.setApplicationDisplayName(APP_NAME)
    app.setDesktopFileName(APP_ID)  # lets Wayland and taskbars match the .desktop entry
    app.setWindowIcon(application_icon())
    return app  # type: ignore[return-value]


def run_window(data_file: Path | None, exit_after_startup: bool = False) -> int:
    app = _application(sys.argv[:1])
    path = data_file or default_data_path()
    if exit_after_startup:
        # Open, load every tab, paint once, leave: what the start-up benchmark measures.
        try:
            window = create_main_window(path, settings=default_settings())
        except DataFileError as error:
            print(f"ontrack: {error}", file=sys.stderr)
            return 1
        window.backups.enabled = False  # a benchmark run is not a session worth a backup
        window.show()
        window.load_all_tabs()
        window.repaint()
        app.processEvents()
        window.close()
        return 0
    # One window per data file: a second launch brings the first one forward instead.
    from .ui.single_instance import Reply, SingleInstance

    instance = SingleInstance()
    reply = instance.ask_running_instance(path)
    if reply is Reply.RAISED:
        print(f"{APP_NAME} is already open on {path}; its window was brought forward.")
        return 0
    if reply is Reply.NOT_ANSWERING:
        _explain_not_answering(path)
        return 1
    instance.listen(path)  # at once, so that a launch a moment later finds this one
    manager = WindowManager(default_settings(), SystemClock(), instance)
    if not manager.open(path):
        return 1
    from .ui import errors

    errors.install(lambda: manager.window)  # an uncaught error becomes a message, not a crash
    if manager.window is not None:
        # Once the window is on screen: what is due today, at most once a day.
        QTimer.singleShot(300, manager.window.remind)
    return app.exec()
