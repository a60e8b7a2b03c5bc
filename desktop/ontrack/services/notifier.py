"""The one `data_changed` signal that every service announces its changes on."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from .change import Change


class ChangeNotifier(QObject):
    data_changed = Signal(object)  # a Change

    def announce(self, change: Change) -> None:
        self.data_changed.emit(change)
