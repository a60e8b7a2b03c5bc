"""Small editing widgets the Network panes share: the keep-in-touch cadence chooser, the
event chooser, and a plain-text editor that reports when it is left. (Dates are typed in
the one `ui.date_entry.DateEntry`.)"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QSpinBox, QWidget

from ...domain.keep_in_touch import CADENCES
from ...domain.network import MAX_RECONNECT_DAYS
from ..long_text import LongTextEdit


class CadenceChooser(QWidget):
    """None, every 2 weeks, monthly, quarterly, twice a year, or a custom number of days."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.combo = QComboBox()
        self.combo.setObjectName("cadenceChooser")
        for cadence in CADENCES:
            self.combo.addItem(cadence.label, cadence.days)
        self.combo.addItem("Custom…", -1)
        self.combo.setToolTip(
            "How often you want to be in touch; the next reconnect date "
            "is your last interaction plus this"
        )
        self.days = QSpinBox()
        self.days.setRange(1, MAX_RECONNECT_DAYS)
        self.days.setSuffix(" days")
        self.days.setToolTip("Reconnect every this many days")
        self.days.setAccessibleName("Reconnect every (days)")
        self.days.setVisible(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.combo)
        layout.addWidget(self.days)
        layout.addStretch(1)
        self.combo.activated.connect(self._chosen)
        self.days.editingFinished.connect(self.changed)

    def value(self) -> int | None:
        data = self.combo.currentData()
        if data == -1:
            return self.days.value()
        return data if isinstance(data, int) else None

    def set_value(self, days: int | None) -> None:
        index = self.combo.findData(days) if days is not None else 0
        if days is not None and index < 0:
            index = self.combo.count() - 1
            self.days.setValue(days)
        self.combo.setCurrentIndex(max(index, 0))
        self.days.setVisible(self.combo.currentData() == -1)

    def _chosen(self) -> None:
        custom = self.combo.currentData() == -1
        self.days.setVisible(custom)
        if custom:
            self.days.setFocus()
        self.changed.emit()


class EventChooser(QComboBox):
    """ "No event" or one of hundreds of events; the list is filled when first needed (the
    popup opens or the keyboard arrives), since filling it costs more than the whole pane."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._events: list[tuple[str, str, date]] = []
        self._filled = False
        self.addItem("No event", None)

    def set_events(self, events: list[tuple[str, str, date]]) -> None:
        if events != self._events:
            self._events = events
            self._filled = False

    def ensure_filled(self) -> None:
        if self._filled:
            return
        self._filled = True
        chosen = self.currentData()
        self.clear()
        self.addItem("No event", None)
        for event_id, name, day in self._events:
            self.addItem(f"{name} ({day.year})", event_id)
        self.setCurrentIndex(max(0, self.findData(chosen)) if chosen else 0)

    def showPopup(self) -> None:
        self.ensure_filled()
        super().showPopup()

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.ensure_filled()
        super().focusInEvent(event)


class NotesEdit(LongTextEdit):
    """Plain text (never markup) that reports when the person leaves it."""

    left = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, what="Notes")

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if event.reason() != Qt.FocusReason.PopupFocusReason:
            self.left.emit()
