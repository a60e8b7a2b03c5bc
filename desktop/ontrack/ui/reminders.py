"""The start-up reminder: once a day, when something is due, a system notification says what.

`StartupReminder.maybe_notify()` is called once the window is up. It asks what is due (a
callable: the agenda's headline, e.g. "2 goals overdue · 1 person to reconnect with", empty
when nothing is) and shows it as a tray message where the platform has a system tray that
shows messages. Wherever it does not, the same text is returned for the window's status bar,
so nothing is lost.

Two settings, both in the person's (editable, damageable) settings file:
- `reminders/enabled` (default true): File ▸ "Remind me of what is due at start-up";
- `reminders/last_shown`: the day of the last reminder, so that a second start the same day
  stays quiet. A value that is not a date or a yes/no is ignored, never an error.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QWidget

from .. import APP_NAME
from ..domain.clock import Clock

if TYPE_CHECKING:
    from PySide6.QtWidgets import QSystemTrayIcon

ENABLED = "reminders/enabled"
LAST_SHOWN = "reminders/last_shown"
TITLE = f"{APP_NAME}: what is due"
MESSAGE_MS = 10_000
# The tray icon exists only to carry the message; it goes when the message has had its time.
TRAY_LIFETIME_MS = MESSAGE_MS + 5_000

ShowMessage = Callable[[str, str], bool]  # (title, text) -> shown by the system?

_YES = {"true", "1", "yes", "on"}
_NO = {"false", "0", "no", "off"}


def reminders_enabled(settings: QSettings) -> bool:
    value = settings.value(ENABLED, True)
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    return text not in _NO if text in _YES | _NO else True


def last_shown(settings: QSettings) -> date | None:
    value = settings.value(LAST_SHOWN)
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


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
        if parent is not None:
            parent.installEventFilter(self)  # the tray icon goes when the window closes

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Close:
            self.close()
        return False

    def maybe_notify(self) -> str | None:
        """Say what is due, at most once a day; returns the text said, or None.

        The text comes back even when a tray message was shown, for the status bar too."""
        if not reminders_enabled(self._settings):
            return None
        today = self._clock.today()
        if last_shown(self._settings) == today:
            return None
        text = self._due_text().strip()
        if not text:
            return None  # nothing due: a later start today may still have something to say
        self._show(TITLE, text)
        self._settings.setValue(LAST_SHOWN, today.isoformat())
        return text

    def toggle_action(self, parent: QObject) -> QAction:
        """A checkable menu item bound to the `reminders/enabled` setting."""
        action = QAction("Remind &me of what is due at start-up", parent)
        action.setCheckable(True)
        action.setChecked(reminders_enabled(self._settings))
        action.setStatusTip("Once a day, when OnTrack starts, a notification says what is due")
        action.toggled.connect(lambda on: self._settings.setValue(ENABLED, bool(on)))
        return action

    def close(self) -> None:
        """Take the tray icon away now (the window is closing)."""
        if self._tray is not None:
            self._tray.hide()
            self._tray.deleteLater()
            self._tray = None

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
            QTimer.singleShot(TRAY_LIFETIME_MS, self, self.close)
        self._tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, MESSAGE_MS)
        return True

    def _clicked(self) -> None:
        if self._on_clicked is not None:
            self._on_clicked()
        self.close()
