"""The start-up reminder: once a day, when something is due, a system notification says what.

`StartupReminder.maybe_notify()` is called once the window is up. It asks what is due (a
callable: the agenda's headline, e.g. "2 goals overdue · 1 person to reconnect with", empty
when nothing is) and shows it as a tray message where the platform has a system tray that
shows messages. Wherever it does not, the same text is returned for the window's status bar,
so nothing is lost.

Two settings (`ui.settings`): whether to remind at all (File ▸ "Remind me of what is due
at start-up", on by default) and the day of the last reminder, so that a second start the
same day stays quiet.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, QTimer
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QWidget

from .. import APP_NAME
from ..domain.clock import Clock
from .settings import Settings

if TYPE_CHECKING:
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QSystemTrayIcon

TITLE = f"{APP_NAME}: what is due"
MESSAGE_MS = 10_000
# The tray icon exists only to carry the message; it goes when the message has had its time.
TRAY_LIFETIME_MS = MESSAGE_MS + 5_000

ShowMessage = Callable[[str, str], bool]  # (title, text) -> shown by the system?


class StartupReminder(QObject):
    def __init__(
        self,
        settings: QSettings,
        clock: Clock,
        due_text: Callable[[], str],
        *,
        show: ShowMessage | None = None,
        on_clicked: Callable[[], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """`show` defaults to a tray message; `on_clicked` runs when the person clicks the
        message or the tray icon (raise the window). With `parent` (the main window) the tray
        icon uses its icon and goes when it does."""
        super().__init__(parent)
        self._settings = settings
        self._clock = clock
        self._due_text = due_text
        self._show = show or self._show_in_tray
        self._on_clicked = on_clicked
        self._window = parent
        self._tray: QSystemTrayIcon | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        from PySide6.QtCore import QEvent  # its enum of ~180 types: ~8 ms, not at start-up

        if watched is self._window and event.type() == QEvent.Type.Close:
            self.close()
        return False

    def maybe_notify(self) -> str | None:
        """Say what is due, at most once a day; returns the text said, or None.

        The text comes back even when a tray message was shown, for the status bar too."""
        settings = Settings(self._settings)
        if not settings.reminders_enabled:
            return None
        today = self._clock.today()
        if settings.last_reminded == today:
            return None
        text = self._due_text().strip()
        if not text:
            return None  # nothing due: a later start today may still have something to say
        self._show(TITLE, text)
        settings.last_reminded = today
        return text

    def toggle_action(self, parent: QObject) -> QAction:
        """A checkable menu item bound to the `reminders/enabled` setting."""
        action = QAction("Remind &me of what is due at start-up", parent)
        action.setCheckable(True)
        action.setChecked(Settings(self._settings).reminders_enabled)
        action.setStatusTip("Once a day, when OnTrack starts, a notification says what is due")
        action.toggled.connect(self._remind_at_start)
        return action

    def _remind_at_start(self, on: bool) -> None:
        Settings(self._settings).reminders_enabled = on

    def close(self) -> None:
        """Take the tray icon away now (the window is closing)."""
        if self._tray is not None:
            self._tray.hide()
            self._tray.deleteLater()
            self._tray = None
            if self._window is not None:
                self._window.removeEventFilter(self)

    # -- the system tray ---------------------------------------------------------------
    def _show_in_tray(self, title: str, text: str) -> bool:
        # Imported here: the window builds a reminder at start-up, the tray is needed at most
        # once a day (its class costs a few ms to load).
        from PySide6.QtWidgets import QSystemTrayIcon

        if not (QSystemTrayIcon.isSystemTrayAvailable() and QSystemTrayIcon.supportsMessages()):
            return False
        if self._tray is None:
            icon = self._window.windowIcon() if self._window is not None else QIcon()
            self._tray = QSystemTrayIcon(icon, self)
            self._tray.setToolTip(APP_NAME)
            self._tray.messageClicked.connect(self._clicked)
            self._tray.activated.connect(lambda _reason: self._clicked())
            self._tray.show()
            if self._window is not None:
                # The tray icon goes when the window closes. Watched only while there is
                # one: a filter in Python costs every event of the window (#19).
                self._window.installEventFilter(self)
            QTimer.singleShot(TRAY_LIFETIME_MS, self, self.close)
        self._tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, MESSAGE_MS)
        return True

    def _clicked(self) -> None:
        if self._on_clicked is not None:
            self._on_clicked()
        self.close()
