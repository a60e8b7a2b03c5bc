"""The start-up reminder: once a day, only when something is due, never when turned off, and
a damaged setting is ignored. The clock is injected and the notification faked."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QMainWindow, QMenu, QSystemTrayIcon
from pytestqt.qtbot import QtBot

from ontrack.ui.reminders import TITLE, StartupReminder
from ontrack.ui.settings import LAST_REMINDED as LAST_SHOWN
from ontrack.ui.settings import REMINDERS_ENABLED as ENABLED
from tests.conftest import TODAY

DUE = "2 goals overdue · 1 person to reconnect with"


class MovableClock:
    def __init__(self, day: date) -> None:
        self.day = day

    def today(self) -> date:
        return self.day

    def now(self) -> datetime:
        return datetime(self.day.year, self.day.month, self.day.day, 9, tzinfo=UTC)


class FakeNotification:
    def __init__(self, shown: bool = True) -> None:
        self.messages: list[tuple[str, str]] = []
        self._shown = shown

    def __call__(self, title: str, text: str) -> bool:
        self.messages.append((title, text))
        return self._shown


@pytest.fixture
def clock() -> MovableClock:
    return MovableClock(TODAY)


def _reminder(
    settings: QSettings, clock: MovableClock, show: FakeNotification, due: str = DUE
) -> StartupReminder:
    return StartupReminder(settings, clock, lambda: due, show=show)


def test_shown_once_a_day_and_again_the_next_day(settings: QSettings, clock: MovableClock) -> None:
    show = FakeNotification()
    assert _reminder(settings, clock, show).maybe_notify() == DUE
    assert show.messages == [(TITLE, DUE)]
    assert settings.value(LAST_SHOWN) == TODAY.isoformat()

    # A second start the same day (a new reminder object, the same settings) says nothing.
    assert _reminder(settings, clock, show).maybe_notify() is None
    assert len(show.messages) == 1

    clock.day = TODAY + timedelta(days=1)
    assert _reminder(settings, clock, show).maybe_notify() == DUE
    assert len(show.messages) == 2
    assert settings.value(LAST_SHOWN) == clock.day.isoformat()


def test_the_text_comes_back_for_the_status_bar_where_there_is_no_tray(
    settings: QSettings, clock: MovableClock
) -> None:
    show = FakeNotification(shown=False)
    assert _reminder(settings, clock, show).maybe_notify() == DUE


def test_nothing_due_says_nothing_and_a_later_start_still_may(
    settings: QSettings, clock: MovableClock
) -> None:
    show = FakeNotification()
    assert _reminder(settings, clock, show, due="").maybe_notify() is None
    assert _reminder(settings, clock, show, due="  ").maybe_notify() is None
    assert show.messages == []
    assert settings.value(LAST_SHOWN) is None
    assert _reminder(settings, clock, show).maybe_notify() == DUE


def test_turned_off_it_says_nothing_and_does_not_even_ask(
    settings: QSettings, clock: MovableClock
) -> None:
    settings.setValue(ENABLED, False)
    asked: list[bool] = []
    show = FakeNotification()

    def due() -> str:
        asked.append(True)
        return DUE

    assert StartupReminder(settings, clock, due, show=show).maybe_notify() is None
    assert (show.messages, asked) == ([], [])


@pytest.mark.parametrize(
    ("enabled", "last", "shown"),
    [
        ("banana", None, True),  # not a yes or no: the default, on
        ("false", None, False),
        ("0", None, False),
        ("yes", None, True),
        (True, "not a date", True),  # a damaged day: as if never shown
        (True, "2026-13-45", True),
        (True, 12345, True),
        (True, TODAY.isoformat(), False),
    ],
)
def test_damaged_settings_are_ignored(
    settings: QSettings, clock: MovableClock, enabled: object, last: object, shown: bool
) -> None:
    settings.setValue(ENABLED, enabled)
    if last is not None:
        settings.setValue(LAST_SHOWN, last)
    show = FakeNotification()
    assert (_reminder(settings, clock, show).maybe_notify() == DUE) is shown
    assert len(show.messages) == int(shown)


def test_settings_written_to_disk_read_back_the_same(
    settings: QSettings, clock: MovableClock
) -> None:
    show = FakeNotification()
    _reminder(settings, clock, show).maybe_notify()
    settings.sync()
    again = QSettings(settings.fileName(), QSettings.Format.IniFormat)
    assert _reminder(again, clock, show).maybe_notify() is None


def test_the_menu_item_turns_the_reminder_off_and_on(
    settings: QSettings, clock: MovableClock, qtbot: QtBot
) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    reminder = StartupReminder(settings, clock, lambda: DUE, show=FakeNotification(), parent=window)
    action = reminder.toggle_action(window)
    menu = QMenu("&File", window)
    menu.addAction(action)
    assert action.isCheckable()
    assert action.isChecked()
    assert action.text() == "Remind &me of what is due at start-up"

    action.trigger()  # what clicking the menu item does
    assert not action.isChecked()
    assert settings.value(ENABLED) is False
    assert reminder.maybe_notify() is None

    action.trigger()
    assert settings.value(ENABLED) is True
    assert reminder.maybe_notify() == DUE


def test_the_menu_item_starts_unchecked_when_turned_off(
    settings: QSettings, clock: MovableClock, qtbot: QtBot
) -> None:
    settings.setValue(ENABLED, "false")
    window = QMainWindow()
    qtbot.addWidget(window)
    reminder = StartupReminder(settings, clock, lambda: DUE, show=FakeNotification())
    assert not reminder.toggle_action(window).isChecked()


def test_without_a_system_tray_the_default_shows_nothing_and_leaves_no_icon(
    settings: QSettings, clock: MovableClock, qtbot: QtBot
) -> None:
    # Offscreen Qt has no system tray: the text still comes back for the status bar.
    window = QMainWindow()
    qtbot.addWidget(window)
    raised: list[bool] = []
    reminder = StartupReminder(
        settings, clock, lambda: DUE, on_clicked=lambda: raised.append(True), parent=window
    )
    assert reminder.maybe_notify() == DUE
    assert reminder._tray is None
    reminder.close()
    window.close()


# Offscreen Qt's tray code, reached only because this test pretends there is a tray, warns
# that the platform lacks a tray signal; that warning is the fake's, not OnTrack's.
@pytest.mark.qt_log_ignore("systemTrayWindowChanged")
def test_the_tray_message_raises_the_window_when_clicked_and_goes_with_it(
    settings: QSettings, clock: MovableClock, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Pretend the platform has a tray that shows messages (offscreen Qt has none).
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: True))
    monkeypatch.setattr(QSystemTrayIcon, "supportsMessages", staticmethod(lambda: True))
    window = QMainWindow()
    pixmap = QPixmap(16, 16)
    pixmap.fill(Qt.GlobalColor.darkGreen)
    window.setWindowIcon(QIcon(pixmap))
    qtbot.addWidget(window)
    raised: list[bool] = []
    reminder = StartupReminder(
        settings, clock, lambda: DUE, on_clicked=lambda: raised.append(True), parent=window
    )
    assert reminder.maybe_notify() == DUE
    tray = window.findChild(QSystemTrayIcon)
    assert tray is not None
    assert tray.toolTip() == "OnTrack"
    assert tray.icon().cacheKey() == window.windowIcon().cacheKey()
    tray.messageClicked.emit()
    assert raised == [True]
    qtbot.waitUntil(lambda: window.findChild(QSystemTrayIcon) is None)

    # The next day's message, and the window closing before it has gone: the icon goes too.
    clock.day = TODAY + timedelta(days=1)
    assert reminder.maybe_notify() == DUE
    tray = window.findChild(QSystemTrayIcon)
    assert tray is not None
    assert tray.isVisible()
    window.close()
    assert not tray.isVisible()
    qtbot.waitUntil(lambda: window.findChild(QSystemTrayIcon) is None)


@pytest.mark.qt_log_ignore("systemTrayWindowChanged")  # the pretended tray's, as above
def test_the_window_is_watched_only_while_there_is_a_tray_icon(
    settings: QSettings, clock: MovableClock, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A filter written in Python costs every event of the window, from its first paint on.
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: True))
    monkeypatch.setattr(QSystemTrayIcon, "supportsMessages", staticmethod(lambda: True))
    seen: list[object] = []
    monkeypatch.setattr(
        StartupReminder, "eventFilter", lambda self, watched, event: seen.append(event) or False
    )
    window = QMainWindow()
    pixmap = QPixmap(16, 16)
    pixmap.fill(Qt.GlobalColor.darkGreen)
    window.setWindowIcon(QIcon(pixmap))  # a tray icon needs one
    qtbot.addWidget(window)
    reminder = StartupReminder(settings, clock, lambda: DUE, parent=window)
    window.show()
    window.resize(300, 200)
    qtbot.waitExposed(window)
    assert seen == []
    assert reminder.maybe_notify() == DUE  # a tray icon now, which goes with the window
    window.resize(320, 220)
    qtbot.waitUntil(lambda: bool(seen))
    reminder.close()
    seen.clear()
    window.resize(340, 240)
    qtbot.wait(50)
    assert seen == []
