"""A list view as high as its rows: the detail panel's steps, check-ins and links.

At least `least` one-line rows high (no empty box for a short list) and at most its first
`most` rows (a long one scrolls). Measuring means laying the rows out, so it is done once
per change, not once per cause: a new goal (its lists are reset), rows added or removed,
or a new width each ask for a fit, and one posted event does it after the layout has
settled the width and before the window paints (update requests are posted at low
priority, after it; a zero timer would fire after the paint and show the old height for a
frame). A hidden list waits until it is shown.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QEvent
from PySide6.QtWidgets import QListView

_FIT = QEvent.Type(QEvent.registerEventType())


class FittedListView(QListView):
    def __init__(self, least: int, most: int, parent: Any = None) -> None:
        super().__init__(parent)
        self._least = least
        self._most = most
        self._fit_posted = False
        self._fitted_for: tuple[int, int] | None = None  # (width, change count) measured
        self._changes = 0
        self.fits = 0  # how many times the rows were measured (tests: once per change)

    def setModel(self, model: QAbstractItemModel | None) -> None:  # type: ignore[override]
        super().setModel(model)
        if model is not None:
            for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved):
                signal.connect(self._model_changed)
        self._model_changed()

    def _model_changed(self, *args: Any) -> None:
        self._changes += 1
        self.request_fit()

    def request_fit(self) -> None:
        """Fit the height to the rows soon (once, however often this is asked)."""
        if not self._fit_posted:
            self._fit_posted = True
            QCoreApplication.postEvent(self, QEvent(_FIT))

    def customEvent(self, event: QEvent) -> None:  # only posted events of our own come here
        if event.type() == _FIT:
            self._fit_posted = False
            if self.isVisible():  # a hidden list is measured when shown (showEvent)
                self.fit()

    def fit(self) -> None:
        """Set the height to the rows' now (if anything changed since the last fit)."""
        model = self.model()
        if model is None or self._fitted_for == (self.width(), self._changes):
            return
        self.fits += 1
        line = self.fontMetrics().height() + 6
        gap = 2 * self.spacing()
        count = min(model.rowCount(), self._most)
        self.doItemsLayout()  # lay out at the current width, so wrapped rows are measured

        def height_of(row: int) -> int:
            laid_out = self.visualRect(model.index(row, 0)).height()
            return max(laid_out if laid_out > 0 else self.sizeHintForRow(row), line)

        heights = [height_of(row) + gap for row in range(count)]
        height = sum(heights) + max(0, self._least - count) * (line + gap)
        self.setFixedHeight(height + 2 * self.frameWidth() + 4)
        self._fitted_for = (self.width(), self._changes)

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self.request_fit()

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self.request_fit()  # wrapped rows grow when the list narrows
