"""The composition root: builds storage, services, the undo stack and the window, in order,
and passes each its dependencies. Also runs the window for `ontrack` with no subcommand."""

from __future__ import annotations

import os
import sqlite3
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QIcon, QUndoStack
from PySide6.QtWidgets import QApplication

from . import APP_ID, APP_NAME, __version__
from .domain.clock import Clock, SystemClock
from .domain.file_errors import DamagedFileError, DataFileError, ProtectedFileError
from .files.paths import default_data_path, set_application_names
from .files.resources import resource_path
from .services.registry import Services
from .storage.connection import damaged_message
from .storage.database import open_data_file
from .ui.look import plain_dialog_style
from .ui.main_window import MainWindow, preload_current_tab

if TYPE_CHECKING:  # loaded only when a window is opened for a person
    from .cli.early_unlock import EarlyUnlock
    from .ui.protection.actions import Rewrite
    from .ui.single_instance import SingleInstance


def default_settings() -> QSettings:
    """The person's settings file, readable by them alone (0600 in a 0700 folder), like the
    data: it names their folders and the way back from the sample file to their own."""
    settings = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, APP_NAME, APP_NAME)
    path = Path(settings.fileName())
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        os.chmod(path.parent, 0o700)
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))  # Qt keeps these rights
        os.chmod(path, 0o600)
    except OSError:
        pass  # an unwritable settings folder: Qt carries on with the settings in memory
    return settings


def create_main_window(
    data_file: str | Path,
    *,
    clock: Clock | None = None,
    settings: QSettings | None = None,
) -> MainWindow:
    """Build the whole application on `data_file` without entering the event loop.

    A QApplication must exist. Raises `DataFileError` if the file cannot be used. The data
    file's integrity check goes on in the background (see `storage.integrity`)."""
    if QApplication.instance() is None:
        raise RuntimeError("create_main_window needs a QApplication")
    clock = clock or SystemClock()
    path = Path(data_file)
    data = open_data_file(path, check_in_background=True)
    try:
        services = Services.create(data, clock)
        undo_stack = QUndoStack()
        window = MainWindow(services, undo_stack, settings or default_settings(), clock)
    except sqlite3.DatabaseError as error:  # a damaged page met while reading, before the check
        data.close()
        raise DamagedFileError(damaged_message(path, str(error))) from error
    except BaseException:
        data.close()
        raise
    undo_stack.setParent(window)
    return window


class WindowManager:
    """Keeps the one open window, and swaps it when the person opens another data file."""

    def __init__(
        self, settings: QSettings, clock: Clock, instance: SingleInstance | None = None
    ) -> None:
        self.settings = settings
        self.clock = clock
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
                window = create_main_window(path, clock=self.clock, settings=self.settings)
            except ProtectedFileError:
                from .ui.protection.unlock import unlock_interactively

                if unlock_interactively(self.window, path):
                    continue
                return self.window is not None
            except DataFileError as error:
                replacement = self._recover(path, error)
                if replacement is None:
                    return self.window is not None
                path = replacement
                continue
            break
        self.show(window)
        return True

    def show(self, window: MainWindow) -> None:
        """Make `window` the one shown, in place of the one before."""
        window.file_actions.open_requested.connect(self.open)
        window.restore_requested.connect(self.restore)
        window.rewrite_requested.connect(self.rewrite)
        old, self.window = self.window, window
        if old is not None:
            old.save_settings()
            old.close()
        window.show()
        if self._instance is not None:
            self._instance.listen(window.data_path)
        check = window.services.context.data.check
        if check is not None:
            from .ui.open_problems import DamageWatch

            watch = DamageWatch(check, window)
            watch.damaged.connect(lambda problem: self._found_damage(window, problem))
            # Once the window is painted: on two busy cores, reading every page of the file
            # competed with the first paint. A write before then starts it itself.
            QTimer.singleShot(0, window, check.start)

    def _found_damage(self, window: MainWindow, problem: str) -> None:
        """The check found the open file damaged: close it unwritten, offer a backup."""
        if window is not self.window:
            return
        path = window.data_path
        window.backups.enabled = False  # a damaged file is not copied over a good backup
        window.close()
        self.window = None
        replacement = self._recover(path, DamagedFileError(damaged_message(path, problem)))
        if replacement is not None:
            self.open(replacement)

    def restore(self, backup: Path) -> bool:
        """Put `backup` back in place of the open data file, then show it again."""
        from .storage.restore import check_backup, restore_backup
        from .ui.open_problems import warn

        window = self.window
        if window is None:
            return False
        path = window.data_path
        try:
            check_backup(backup, path)  # refuse a bad backup before closing anything
        except ProtectedFileError:  # protected with a key of its own: its own passphrase
            from .ui.protection.unlock import unlock_interactively

            what = f"The backup {backup.name}"
            if not unlock_interactively(window, backup, what=what):
                return False
            return self.restore(backup)
        except DataFileError as error:
            warn(window, "Nothing was restored", str(error))
            return False
        window.close()  # saves settings, makes the day's backup, closes the data file
        self.window = None
        try:
            kept = restore_backup(path, backup, self.clock.now().replace(tzinfo=None))
        except DataFileError as error:
            warn(None, "Nothing was restored", str(error))
            return self.open(path)
        opened = self.open(path)
        if opened:
            self._tell_restored(backup, kept)
        return opened

    def _tell_restored(self, backup: Path, kept: Path | None) -> None:
        if self.window is not None:
            note = f" Your data as it was is kept in {kept.name}." if kept else ""
            self.window.statusBar().showMessage(f"Restored from {backup.name}.{note}", 15000)

    def rewrite(self, job: Rewrite) -> bool:
        """Close the window, run `job` on its closed data file (protect, unprotect), then
        show the file again and hand the new window the result."""
        from .ui.open_problems import warn

        window = self.window
        if window is None:
            return False
        path = window.data_path
        window.close()  # saves settings, makes the day's backup, closes the data file
        self.window = None
        try:
            result, failed = job.run(path), False
        except DataFileError as error:
            warn(None, job.failure_title, str(error))
            result, failed = None, True
        opened = self.open(path)
        reopened = self.current_window()  # open() made a new one (mypy saw it set to None)
        if opened and reopened is not None and not failed:
            job.then(reopened, result)
        return opened

    def current_window(self) -> MainWindow | None:
        return self.window

    def _recover(self, path: Path, error: DataFileError) -> Path | None:
        """Ask what to do about a file that cannot be used; returns the file to try next
        (the same one once its backup is back in place), or None."""
        from .storage.restore import restore_backup
        from .ui.open_problems import ask_what_next, warn

        step = ask_what_next(self.window, path, error)
        if step.backup is None:
            return step.other
        try:
            restore_backup(path, step.backup, self.clock.now().replace(tzinfo=None))
        except DataFileError as failure:
            warn(self.window, "Nothing was restored", str(failure))
            return None
        return path


def application_icon() -> QIcon:
    """OnTrack's icon in every rendered size; QIcon reads a file only when a size is drawn."""
    icon = QIcon()
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        icon.addFile(str(resource_path("icons", f"ontrack-{size}.png")))
    return icon


def _explain_not_answering(path: Path) -> None:
    from PySide6.QtWidgets import QMessageBox  # here: its enums cost start-up ~1.5 ms

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
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv)
    from .ui.fonts import register_fallback_fonts  # with the window, never for the CLI

    register_fallback_fonts(app.font())  # CJK and emoji names on any desktop
    app.setApplicationVersion(__version__)
    app.setApplicationDisplayName(APP_NAME)
    app.setDesktopFileName(APP_ID)  # lets Wayland and taskbars match the .desktop entry
    app.setWindowIcon(application_icon())
    plain = plain_dialog_style()  # every dialog's buttons alike: no icons
    if plain is not None:
        app.setStyle(plain)
    return app


def run_window(
    data_file: Path | None,
    exit_after_startup: str | None = None,
    passphrase_file: Path | None = None,
    unlock: EarlyUnlock | None = None,
) -> int:
    """Open the window on `data_file` and run until it is closed. `exit_after_startup`
    ("current" or "all") takes the same path but leaves once the window is painted with
    its current tab (or every tab) loaded: what the start-up benchmark measures. `unlock`:
    the unlock of a protected `data_file` begun already (see `cli.main`), else it begins
    here with `passphrase_file`."""
    app = _application(sys.argv[:1])
    path = data_file or default_data_path()
    if unlock is None:
        from .cli.early_unlock import begin_unlock

        unlock = begin_unlock(path, passphrase_file)
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
    if unlock is not None:
        preload_current_tab(manager.settings)  # beside the key being worked out
    if exit_after_startup:
        return _start_and_leave(app, manager, path, unlock, every_tab=exit_after_startup == "all")
    if unlock is not None:
        unlock.wait()  # if it did not unlock the file, the unlock dialog asks
    if not manager.open(path):
        return 1
    from .ui import errors

    errors.install(lambda: manager.window)  # an uncaught error becomes a message, not a crash
    if manager.window is not None:
        # Once the window is on screen: what is due today, at most once a day.
        QTimer.singleShot(300, manager.window.remind)
    return app.exec()


def _start_and_leave(
    app: QApplication,
    manager: WindowManager,
    path: Path,
    unlock: EarlyUnlock | None,
    *,
    every_tab: bool,
) -> int:
    # A file that cannot be opened is one line here, not a dialog: nobody is there to answer.
    if not _unlocked_without_asking(path, unlock):
        print(f"ontrack: {path} is protected: give --passphrase-file FILE", file=sys.stderr)
        return 1
    try:
        window = create_main_window(path, clock=manager.clock, settings=manager.settings)
    except DataFileError as error:
        print(f"ontrack: {error}", file=sys.stderr)
        return 1
    window.backups.enabled = False  # a benchmark run is not a session worth a backup
    manager.show(window)
    if every_tab:
        window.load_all_tabs()
    window.repaint()
    app.processEvents()
    window.close()
    return 0


def _unlocked_without_asking(path: Path, unlock: EarlyUnlock | None = None) -> bool:
    """A plain file, or a protected one unlocked already, by the passphrase given or by a
    key remembered on this computer (`unlock`, begun here if None)."""
    from .storage.database import looks_encrypted

    if not looks_encrypted(path):  # the first 16 bytes: the plain file's only cost
        return True
    if unlock is None:
        from .cli.early_unlock import begin_unlock

        unlock = begin_unlock(path, None)
    return unlock is not None and unlock.wait()
