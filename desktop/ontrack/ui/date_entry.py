"""One way to enter a date, in every tab: `DateEntry`, a line to type the day in words or
ISO ("14 Mar 2026", "14 march 2026", "2026-03-14") with a calendar to pick it from.

The same keys everywhere: Up and Down move a day, Page Up and Page Down a month, F4 or
Alt+Down opens the calendar (Escape closes it), Return or leaving the field settles what
was typed. A date may be optional (empty means none, the field then says what none means:
"No deadline", "Not planned") or required. What is not a date stays as typed, so nothing
is lost, and the field says why in words; `value()` raises with the same words. There is
no sentinel day standing for "none": none is an empty field and `None`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import QDate, QPoint, QRect, Qt, Signal
from PySide6.QtGui import QAction, QColor, QIcon, QKeyEvent, QPainter, QPixmap
from PySide6.QtWidgets import QCalendarWidget, QLineEdit, QWidget

from ..domain.dates import MONTH_ABBREVIATIONS, add_months, written
from .look import attention_icon
from .plain_text import literal_tooltip

DATE_HINT = "day month year, e.g. 14 Mar 2026"
# "14 Mar 2026", "14 March 2026", "14 mar. 2026": how the rest of OnTrack writes dates.
_WRITTEN = re.compile(r"(\d{1,2})\s+([^\W\d_]{3,9})\.?,?\s+(\d{1,4})")
_MONTHS = [name.lower() for name in MONTH_ABBREVIATIONS]
_TRAILING = QLineEdit.ActionPosition.TrailingPosition


def parse_day(text: str) -> date | None:
    """A typed date ("14 Mar 2026", or ISO "2026-03-14"), or None when empty; ValueError
    (with a readable message) otherwise."""
    text = text.strip()
    if not text:
        return None
    try:
        match = _WRITTEN.fullmatch(text)
        if match is not None:
            month = _MONTHS.index(match[2][:3].lower()) + 1
            return date(int(match[3]), month, int(match[1]))
        return date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"“{text[:30]}” is not a date; type it as {DATE_HINT}") from None


def day_text(day: date | None) -> str:
    """A date as the rest of OnTrack shows it: "7 Sep 2026"; nothing for no date."""
    return written(day) if day else ""


class DateEntry(QLineEdit):
    """A date typed or picked. `edited` says the person settled an entry (Return, leaving
    the field, a day picked in the calendar); read it with `value()`."""

    edited = Signal()

    def __init__(
        self,
        name: str,
        *,
        required: bool = False,
        none_text: str = "",
        today: Callable[[], date],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._required = required
        self._today = today  # where Up, Down and the calendar start from an empty field
        self._calendar: QCalendarWidget | None = None
        self.setAccessibleName(name)
        none = "" if required else f"; leave it empty for {none_text.lower() or 'none'}"
        self._tip = f"{name}: type the {DATE_HINT}, or press F4 for a calendar{none}"
        self.setToolTip(self._tip)
        self.setPlaceholderText(none_text if not required else "e.g. 14 Mar 2026")
        self.setMaxLength(24)
        metrics = self.fontMetrics()
        self.setMinimumWidth(metrics.horizontalAdvance("30 Sep 2026") + 48)
        self.setMaximumWidth(metrics.horizontalAdvance("30 September 2026") + 64)
        # Made here rather than by `addAction(icon, position)`, whose action's wrapper
        # PySide drops when the entry is handed to C++ (a delegate's cell editor).
        self.pick_action = QAction(_calendar_icon(self), "Pick from the calendar (F4)", self)
        self.addAction(self.pick_action, _TRAILING)
        self.pick_action.setToolTip("Pick the date from a calendar (F4)")
        self.pick_action.triggered.connect(self.open_calendar)
        self._problem_action = QAction(attention_icon(), "", self)
        self.editingFinished.connect(self.settle)
        # A message is about the text settled last: a change (typed or set) takes it away.
        self.textChanged.connect(lambda _: self._show_problem(None))

    # -- the value -----------------------------------------------------------------------
    def value(self) -> date | None:
        """The date shown; None for an empty optional field. ValueError, in words, for
        text that is not a date, or an empty field that needs one."""
        day = parse_day(self.text())
        if day is None and self._required:
            raise ValueError(f"{self.accessibleName()} is needed; type it as {DATE_HINT}")
        return day

    def value_or(self, fallback: date | None) -> date | None:
        """The date shown, or `fallback` while the text is not one."""
        try:
            return self.value()
        except ValueError:
            return fallback

    def set_value(self, day: date | None) -> None:
        """Show `day` (programmatically: `edited` is not emitted)."""
        self.setText(day_text(day))

    def problem(self) -> str | None:
        try:
            self.value()
        except ValueError as error:
            return str(error)
        return None

    def settle(self) -> None:
        """Read what was typed: shown as every date reads, or the field says why not."""
        try:
            day = self.value()
        except ValueError as error:
            self._show_problem(str(error))  # the text stays as typed, to be put right
        else:
            if self.text() != day_text(day):
                self.setText(day_text(day))  # "14 march 2024" reads "14 Mar 2024"
            self._show_problem(None)
        self.edited.emit()

    def _show_problem(self, problem: str | None) -> None:
        shown = self._problem_action in self.actions()
        if problem is None:
            if shown:
                self.removeAction(self._problem_action)
            self.setToolTip(self._tip)
            self.setAccessibleDescription("")
            return
        self._problem_action.setToolTip(literal_tooltip(problem))
        if not shown:
            self.addAction(self._problem_action, _TRAILING)
        self.setToolTip(literal_tooltip(problem))
        self.setAccessibleDescription(problem)

    # -- keys ----------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, alt = event.key(), event.modifiers() & Qt.KeyboardModifier.AltModifier
        if key == Qt.Key.Key_F4 or (key == Qt.Key.Key_Down and alt):
            self.open_calendar()
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self._step(lambda day: day + timedelta(days=1 if key == Qt.Key.Key_Up else -1))
        elif key in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            self._step(lambda day: add_months(day, 1 if key == Qt.Key.Key_PageUp else -1))
        else:
            super().keyPressEvent(event)

    def _step(self, move: Callable[[date], date]) -> None:
        start = self.value_or(None) or self._today()
        try:
            self.setText(day_text(move(start)))
        except OverflowError:
            return  # past the first or the last day there is

    # -- the calendar --------------------------------------------------------------------
    def open_calendar(self) -> None:
        calendar = self._calendar or self._make_calendar()
        day = self.value_or(None)
        shown = day or self._today()
        calendar.setSelectedDate(QDate(shown.year, shown.month, shown.day))
        calendar.setCurrentPage(shown.year, shown.month)
        calendar.adjustSize()
        calendar.move(self.mapToGlobal(QPoint(0, self.height())))
        calendar.show()
        calendar.setFocus(Qt.FocusReason.PopupFocusReason)

    def _make_calendar(self) -> QCalendarWidget:
        calendar = QCalendarWidget(self)
        calendar.setWindowFlags(Qt.WindowType.Popup)
        calendar.setObjectName("dateEntryCalendar")
        calendar.setAccessibleName(f"{self.accessibleName()}: calendar")
        calendar.setGridVisible(True)
        calendar.setDateRange(QDate(1, 1, 1), QDate(9999, 12, 31))
        calendar.activated.connect(self._picked)
        calendar.clicked.connect(self._picked)
        self._calendar = calendar
        return calendar

    def _picked(self, day: QDate) -> None:
        if self._calendar is not None:
            self._calendar.hide()
        self.setFocus(Qt.FocusReason.PopupFocusReason)
        self.set_value(date(day.year(), day.month(), day.day()))
        self.edited.emit()


def _calendar_icon(widget: QWidget) -> QIcon:
    """A small calendar page in the text colour: no icon theme is needed."""
    size = 16
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    colour = QColor(widget.palette().text().color())
    painter = QPainter(pixmap)
    painter.setPen(colour)
    painter.drawRect(QRect(1, 2, size - 3, size - 4))
    painter.fillRect(QRect(1, 2, size - 2, 4), colour)
    for row in range(2):
        for column in range(3):
            painter.fillRect(QRect(4 + column * 3, 8 + row * 3, 2, 2), colour)
    painter.end()
    return QIcon(pixmap)
