"""File ▸ Protect with a passphrase…, the unlock dialog, Change passphrase…, Remove
protection… and "Remember on this computer", driven as a person would."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from ontrack.app import WindowManager, create_main_window
from ontrack.domain.clock import FixedClock
from ontrack.services import keyring_store, protection
from ontrack.storage import connection, integrity
from ontrack.storage.key_envelope import sidecar
from ontrack.ui.main_window import MainWindow
from ontrack.ui.protection.dialogs import (
    ChangePassphraseDialog,
    ProtectDialog,
    RemoveProtectionDialog,
)
from ontrack.ui.protection.recovery import RecoveryCodeDialog
from ontrack.ui.protection.status import ProtectedSign
from ontrack.ui.protection.unlock import WRONG, UnlockDialog
from tests.storage.protected_data import fill, readable

PASSPHRASE = "plum orchard by the sea"


class MemoryKeyring(KeyringBackend):
    """A keyring that lives in this test's memory (a test double of the system's)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        del self.entries[(service, username)]


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    before = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(before)


@pytest.fixture
def no_keyring() -> Iterator[None]:
    from keyring.backends import fail

    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(before)


def when(qtbot: QtBot, kind: type[QWidget], act: Callable[[QWidget], None]) -> list[QWidget]:
    """Run `act` on the next modal dialog of `kind` once it is up."""
    seen: list[QWidget] = []

    def check() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind) or dialog in seen:
            QTimer.singleShot(10, check)
            return
        seen.append(dialog)
        act(dialog)

    QTimer.singleShot(0, check)
    return seen


def _type(qtbot: QtBot, field: QWidget, text: str) -> None:
    field.setFocus()
    field.clear()  # type: ignore[attr-defined]
    qtbot.keyClicks(field, text)


def _manager(qtbot: QtBot, settings: object, clock: FixedClock) -> WindowManager:
    return WindowManager(settings, clock)  # type: ignore[arg-type]


def _window(qtbot: QtBot, manager: WindowManager) -> MainWindow:
    window = manager.window
    assert window is not None
    qtbot.addWidget(window)
    return window


@pytest.fixture
def plain_file(tmp_path: Path) -> Path:
    return fill(tmp_path / "career.sqlite")


@pytest.fixture
def protected_file(plain_file: Path) -> Path:
    protection.protect(plain_file, PASSPHRASE)
    connection.forget_keys()
    return plain_file


def test_protect_from_the_menu_shows_the_recovery_code_once_checked(
    qtbot: QtBot, plain_file: Path, settings: object, clock: FixedClock
) -> None:
    manager = _manager(qtbot, settings, clock)
    assert manager.open(plain_file)
    first = _window(qtbot, manager)
    assert first.protection.protect_action.isVisible()
    assert not first.protection.change_action.isVisible()
    assert not _shows_lock(first)
    codes: list[str] = []

    def choose(dialog: QWidget) -> None:
        assert isinstance(dialog, ProtectDialog)
        assert not dialog.protect_button.isEnabled()
        _type(qtbot, dialog.new.first, PASSPHRASE)
        assert dialog.new.strength.text() == "Strong."
        _type(qtbot, dialog.new.second, PASSPHRASE + "x")
        assert dialog.new.mismatch.text() == "The two passphrases differ."
        assert not dialog.protect_button.isEnabled()
        _type(qtbot, dialog.new.second, PASSPHRASE)
        assert dialog.protect_button.isEnabled()
        qtbot.mouseClick(dialog.protect_button, Qt.MouseButton.LeftButton)

    def keep(dialog: QWidget) -> None:
        assert isinstance(dialog, RecoveryCodeDialog)
        codes.append(dialog.code_label.text())
        dialog.reject()  # Escape: refused until the code is confirmed
        assert dialog.isVisible()
        assert "Type the characters" in dialog.problem.text()
        _type(qtbot, dialog.check, "0000")
        qtbot.mouseClick(dialog.done_button, Qt.MouseButton.LeftButton)
        assert dialog.isVisible()
        letters = dialog.code.replace("-", "")
        asked = "".join(letters[i] for i in dialog._asked)
        _type(qtbot, dialog.check, asked.lower())
        qtbot.mouseClick(dialog.done_button, Qt.MouseButton.LeftButton)

    when(qtbot, ProtectDialog, choose)
    when(qtbot, RecoveryCodeDialog, keep)
    first.protection.protect_action.trigger()
    second = _window(qtbot, manager)
    assert second is not first
    assert codes, "the recovery code was shown"
    assert readable(plain_file.read_bytes()) == []
    assert sidecar(plain_file).is_file()
    assert second.protection.change_action.isVisible()
    assert not second.protection.protect_action.isVisible()
    assert "protected" in second.statusBar().currentMessage()
    assert _shows_lock(second)
    assert protection.check(plain_file, codes[0])
    second.close()


def test_unlock_says_when_the_passphrase_is_wrong_and_lets_the_person_try_again(
    qtbot: QtBot, protected_file: Path, settings: object, clock: FixedClock, no_keyring: None
) -> None:
    before = protected_file.read_bytes()

    def unlock(dialog: QWidget) -> None:
        assert isinstance(dialog, UnlockDialog)
        assert not dialog.remember.isVisibleTo(dialog)  # no keyring here: no choice
        assert protected_file.name in dialog.windowTitle()
        _type(qtbot, dialog.passphrase, "plum orchard")
        qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
        assert dialog.problem.text() == WRONG
        assert protected_file.read_bytes() == before
        _type(qtbot, dialog.passphrase, PASSPHRASE)
        qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)

    when(qtbot, UnlockDialog, unlock)
    manager = _manager(qtbot, settings, clock)
    assert manager.open(protected_file)
    window = _window(qtbot, manager)
    assert window.services.goals.get("g1").title == "Zanzibar onboarding revamp"
    window.close()


def test_cancelling_the_unlock_opens_nothing(
    qtbot: QtBot, protected_file: Path, settings: object, clock: FixedClock, no_keyring: None
) -> None:
    when(qtbot, UnlockDialog, lambda dialog: dialog.reject())  # type: ignore[attr-defined]
    manager = _manager(qtbot, settings, clock)
    assert not manager.open(protected_file)
    assert manager.window is None


def test_remember_on_this_computer_opens_without_asking_next_time(
    qtbot: QtBot,
    protected_file: Path,
    settings: object,
    clock: FixedClock,
    memory_keyring: MemoryKeyring,
) -> None:
    def unlock(dialog: QWidget) -> None:
        assert isinstance(dialog, UnlockDialog)
        assert dialog.remember.isVisibleTo(dialog)
        _type(qtbot, dialog.passphrase, PASSPHRASE)
        dialog.remember.click()
        qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)

    shown = when(qtbot, UnlockDialog, unlock)
    manager = _manager(qtbot, settings, clock)
    assert manager.open(protected_file)
    _window(qtbot, manager).close()
    assert len(shown) == 1
    assert len(memory_keyring.entries) == 1
    assert PASSPHRASE not in next(iter(memory_keyring.entries.values()))
    connection.forget_keys()  # as if OnTrack started again
    again = _manager(qtbot, settings, clock)
    assert again.open(protected_file)  # no dialog this time: nothing would answer it
    _window(qtbot, again).close()
    assert len(shown) == 1


def test_where_there_can_be_no_keyring_it_is_never_asked_and_remember_is_hidden(
    qtbot: QtBot,
    protected_file: Path,
    settings: object,
    clock: FixedClock,
    memory_keyring: MemoryKeyring,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # No session bus, no backend named (keyring_store.may_exist): keyring is not consulted,
    # even though one would answer here.
    monkeypatch.setattr(keyring_store, "may_exist", lambda: False)
    asked: list[str] = []
    monkeypatch.setattr(memory_keyring, "get_password", lambda *names: asked.append("get"))
    monkeypatch.setattr(keyring, "get_keyring", lambda: asked.append("backend") or memory_keyring)

    remember_shown: list[bool] = []

    def unlock(dialog: QWidget) -> None:
        assert isinstance(dialog, UnlockDialog)
        remember_shown.append(dialog.remember.isVisibleTo(dialog))
        _type(qtbot, dialog.passphrase, PASSPHRASE)
        qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)

    when(qtbot, UnlockDialog, unlock)
    manager = _manager(qtbot, settings, clock)
    assert manager.open(protected_file)
    _window(qtbot, manager).close()
    assert remember_shown == [False]
    assert asked == []


def test_change_passphrase_checks_the_current_one_first(
    qtbot: QtBot, protected_file: Path, settings: object, clock: FixedClock, no_keyring: None
) -> None:
    protection.unlock(protected_file, PASSPHRASE)
    manager = _manager(qtbot, settings, clock)
    assert manager.open(protected_file)
    window = _window(qtbot, manager)

    def change(dialog: QWidget) -> None:
        assert isinstance(dialog, ChangePassphraseDialog)
        _type(qtbot, dialog.current, "not it")
        _type(qtbot, dialog.new.first, "a new one entirely")
        _type(qtbot, dialog.new.second, "a new one entirely")
        qtbot.mouseClick(dialog.change_button, Qt.MouseButton.LeftButton)
        assert "does not open" in dialog.problem.text()
        _type(qtbot, dialog.current, PASSPHRASE)
        qtbot.mouseClick(dialog.change_button, Qt.MouseButton.LeftButton)

    when(qtbot, ChangePassphraseDialog, change)
    window.protection.change_action.trigger()
    assert "Changed the passphrase" in window.statusBar().currentMessage()
    assert protection.check(protected_file, "a new one entirely")
    assert not protection.check(protected_file, PASSPHRASE)
    window.close()


def test_remove_protection_leaves_a_plain_file_open(
    qtbot: QtBot, protected_file: Path, settings: object, clock: FixedClock, no_keyring: None
) -> None:
    protection.unlock(protected_file, PASSPHRASE)
    manager = _manager(qtbot, settings, clock)
    assert manager.open(protected_file)
    first = _window(qtbot, manager)
    assert _shows_lock(first)

    def remove(dialog: QWidget) -> None:
        assert isinstance(dialog, RemoveProtectionDialog)
        assert not dialog.remove_button.isEnabled()
        _type(qtbot, dialog.current, PASSPHRASE)
        qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)

    when(qtbot, RemoveProtectionDialog, remove)
    first.protection.remove_action.trigger()
    second = _window(qtbot, manager)
    assert second is not first
    assert protected_file.read_bytes()[:16] == b"SQLite format 3\x00"
    assert not sidecar(protected_file).exists()
    assert second.protection.protect_action.isVisible()
    assert "no longer protected" in second.statusBar().currentMessage()
    assert not _shows_lock(second)
    second.close()


def _shows_lock(window: MainWindow) -> bool:
    sign = window.statusBar().findChild(QWidget, "protectedSign")
    return sign is not None and sign.isVisibleTo(window)


def test_the_status_bar_says_the_file_is_protected_and_what_that_means(
    qtbot: QtBot, protected_file: Path, settings: object, clock: FixedClock, no_keyring: None
) -> None:
    protection.unlock(protected_file, PASSPHRASE)
    manager = _manager(qtbot, settings, clock)
    assert manager.open(protected_file)
    window = _window(qtbot, manager)
    qtbot.waitExposed(window)
    sign = window.statusBar().findChild(ProtectedSign, "protectedSign")
    assert sign is not None
    assert sign.isVisible()
    assert sign.text.text() == "Protected"
    assert sign.accessibleName() == "Protected data file"
    assert "passphrase" in sign.toolTip()
    assert "recovery code" in sign.toolTip()
    assert sign.accessibleDescription() == sign.toolTip()
    # Beside the file's name, to its left.
    assert sign.geometry().right() < max(
        child.geometry().left()
        for child in window.statusBar().findChildren(QLabel)
        if child.text() == protected_file.name
    )
    light = sign.lock.pixmap().toImage()
    dark = QPalette(window.palette())
    dark.setColor(QPalette.ColorRole.Window, QColor("#202124"))
    dark.setColor(QPalette.ColorRole.WindowText, QColor("#e8eaed"))
    sign.setPalette(dark)
    # The lock is repainted in the dark palette's light text colour.
    assert sign.lock.pixmap().toImage() != light
    assert _darkest_opaque(sign.lock.pixmap().toImage()).lightness() > 128
    window.close()


def test_a_protected_files_integrity_check_waits_for_the_window_to_be_painted(
    qtbot: QtBot,
    protected_file: Path,
    settings: object,
    clock: FixedClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Its check decrypts every page: beside the start-up it would slow it down.
    checked: list[Path] = []
    real = integrity.quick_check
    monkeypatch.setattr(
        integrity, "quick_check", lambda c: checked.append(protected_file) or real(c)
    )
    protection.unlock(protected_file, PASSPHRASE)
    window = create_main_window(protected_file, clock=clock, settings=settings)  # type: ignore[arg-type]
    qtbot.addWidget(window)
    qtbot.wait(50)
    assert checked == []
    _manager(qtbot, settings, clock).show(window)
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: checked == [protected_file])
    window.close()


def _darkest_opaque(image: QImage) -> QColor:
    colours = [
        image.pixelColor(x, y)
        for x in range(image.width())
        for y in range(image.height())
        if image.pixelColor(x, y).alpha() == 255
    ]
    assert colours, "the lock has solid pixels"
    return min(colours, key=QColor.lightness)


def test_exporting_a_protected_file_warns_first(
    qtbot: QtBot, protected_file: Path, settings: object, clock: FixedClock, no_keyring: None
) -> None:
    protection.unlock(protected_file, PASSPHRASE)
    manager = _manager(qtbot, settings, clock)
    assert manager.open(protected_file)
    window = _window(qtbot, manager)
    warned: list[str] = []

    def cancel(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        warned.append(box.text())
        box.button(QMessageBox.StandardButton.Cancel).click()

    when(qtbot, QMessageBox, cancel)
    assert not window.file_actions.export_file()
    assert "the export is not" in warned[0]
    window.close()


def test_every_protection_dialog_names_its_controls(qtbot: QtBot, protected_file: Path) -> None:
    from tests.gui.test_accessible_names import nameless

    dialogs: list[QWidget] = [
        ProtectDialog(protected_file, 3),
        ChangePassphraseDialog(protected_file, lambda _: None),
        RemoveProtectionDialog(protected_file, lambda _: None),
        RecoveryCodeDialog("ABCDE-FGHJK-MNPQR-STVWX", protected_file.name, seed=1),
        UnlockDialog(protected_file, can_remember=True),
    ]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        with qtbot.waitExposed(dialog):
            dialog.show()
        assert nameless(dialog, dialog.objectName()) == []
        dialog.hide()


def test_restoring_a_backup_made_under_another_key_asks_for_its_passphrase(
    qtbot: QtBot, plain_file: Path, settings: object, clock: FixedClock, no_keyring: None
) -> None:
    from ontrack.storage.backup import backup_file

    protection.protect(plain_file, "the first one")
    older = plain_file.parent / "older.sqlite"
    backup_file(plain_file, older)
    protection.unprotect(plain_file, "the first one")
    protection.protect(plain_file, PASSPHRASE)  # a new key: the backup has its own
    connection.forget_keys()
    protection.unlock(plain_file, PASSPHRASE)
    manager = _manager(qtbot, settings, clock)
    assert manager.open(plain_file)
    first = _window(qtbot, manager)
    asked: list[str] = []

    def unlock(dialog: QWidget) -> None:
        assert isinstance(dialog, UnlockDialog)
        asked.append(dialog.windowTitle())
        assert not dialog.remember.isVisibleTo(dialog)  # a backup is not remembered
        _type(qtbot, dialog.passphrase, PASSPHRASE)  # today's: not the backup's
        qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
        assert dialog.problem.text() == WRONG
        _type(qtbot, dialog.passphrase, "the first one")
        qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)

    when(qtbot, UnlockDialog, unlock)
    assert manager.restore(older)
    second = _window(qtbot, manager)
    assert second is not first
    assert asked == ["Unlock older.sqlite"]
    assert "Restored from older.sqlite" in second.statusBar().currentMessage()
    second.close()
    connection.forget_keys()
    assert protection.check(plain_file, "the first one")  # the backup's keys came with it
