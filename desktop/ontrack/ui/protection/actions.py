"""The File menu's protection actions, and the work each asks of the window's owner.

Turning protection on or off rewrites the data file, which needs it closed: the window
emits `rewrite_requested` with a `Rewrite`, and its owner (app.WindowManager) closes the
window, runs it, opens the file again and hands the new window the result. Changing the
passphrase rewrites only the key file, so it is done here, with the window open.
Only Qt is imported at the top: the window's start-up pays for nothing of this.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMainWindow, QMenu

WRONG = "That passphrase does not open this file; nothing was changed."


@dataclass(frozen=True)
class Rewrite:
    """Work on the closed data file (`run`), and what to do with its result on the window
    that shows the file again (`then`)."""

    run: Callable[[Path], object]
    then: Callable[[QMainWindow, object], None]
    failure_title: str


class ProtectionActions(QObject):
    rewrite_requested = Signal(object)  # a Rewrite
    status_message = Signal(str)

    def __init__(
        self,
        window: QMainWindow,
        data_path: Path,
        protected: bool,
        count_backups: Callable[[], int],
    ) -> None:
        super().__init__(window)
        self._window = window
        self._path = data_path
        self._count_backups = count_backups
        self.protect_action = self._action(
            "Protect with a &passphrase…", self.protect, "Encrypt this data file and its backups"
        )
        self.change_action = self._action(
            "C&hange passphrase…", self.change, "Choose a new passphrase for this data file"
        )
        self.remove_action = self._action(
            "Remove protec&tion…", self.remove, "Decrypt this data file in place"
        )
        self.protect_action.setVisible(not protected)
        self.change_action.setVisible(protected)
        self.remove_action.setVisible(protected)

    def _action(self, text: str, slot: Callable[[], object], tip: str) -> QAction:
        action = QAction(text, self._window)
        action.triggered.connect(lambda _checked=False: slot())
        action.setStatusTip(tip)
        return action

    def add_to(self, menu: QMenu) -> None:
        menu.addActions([self.protect_action, self.change_action, self.remove_action])

    def _check(self, secret: str) -> str | None:
        from ...services import protection

        return None if protection.check(self._path, secret) else WRONG

    def protect(self) -> bool:
        from ...services import protection
        from .dialogs import ProtectDialog

        dialog = ProtectDialog(self._path, self._count_backups(), self._window)
        chosen = dialog.passphrase() if dialog.exec() == QDialog.DialogCode.Accepted else ""
        dialog.deleteLater()
        if not chosen:
            return False
        self.rewrite_requested.emit(
            Rewrite(
                lambda path: protection.protect(path, chosen),
                lambda window, result: _show_recovery_code(window, result, self._path.name),
                "The file was not protected",
            )
        )
        return True

    def change(self) -> bool:
        from ...services import protection
        from .dialogs import ChangePassphraseDialog

        dialog = ChangePassphraseDialog(self._path, self._check, self._window)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        current, new = dialog.values()
        dialog.deleteLater()
        if not accepted:
            return False
        try:
            protection.change_passphrase(self._path, current, new, lock=False)
        except protection.DataFileError as error:
            from ..open_problems import warn

            warn(self._window, "The passphrase was not changed", str(error))
            return False
        self.status_message.emit(
            f"Changed the passphrase of {self._path.name}. Your recovery code still opens it."
        )
        return True

    def remove(self) -> bool:
        from ...services import protection
        from .dialogs import RemoveProtectionDialog

        dialog = RemoveProtectionDialog(self._path, self._check, self._window)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        secret = dialog.secret()
        dialog.deleteLater()
        if not accepted:
            return False
        self.rewrite_requested.emit(
            Rewrite(
                lambda path: protection.unprotect(path, secret),
                lambda window, _: window.statusBar().showMessage(
                    f"{self._path.name} is no longer protected.", 15000
                ),
                "Protection was not removed",
            )
        )
        return True


def _show_recovery_code(window: QMainWindow, result: object, name: str) -> None:
    from ...services.protection import Protected
    from .recovery import RecoveryCodeDialog

    if not isinstance(result, Protected):
        return
    dialog = RecoveryCodeDialog(result.recovery_code, name, window)
    dialog.exec()
    dialog.deleteLater()
    window.statusBar().showMessage("This data file is protected with your passphrase.", 15000)
