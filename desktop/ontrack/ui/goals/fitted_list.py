"""A list view as high as its rows: the detail panel's steps, check-ins and links.

At least `least` one-line rows high (no empty box for a short list) and at most its first
`most` rows (a long one scrolls). Measuring means laying the rows out, so it is done as
few times as the list needs, each at the moment that gives the right answer:

- first shown: once, in a posted event, after the layout has given the list its width and
  before the window paints (update requests are posted at low priority, after it), however
  many causes asked (the goal shown, the list shown, resized);
- new rows once shown: at once, so that the layout pass that follows places everything at
  its new height (and the scroll area around it decides on its scroll bar knowing it);
- a new width: when the event loop next turns, once the layout and the list's own scroll
  bar have settled; rows that do not wrap keep their height and are not measured again.

A hidden list waits until it is shown.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QEvent, QTimer
from PySide6.QtWidgets import QListView

_FIT = QEvent.Type(QEvent.registerEventType())


class FittedListView(QListView):
    def __init__(self, least: int, most: int, parent: Any = None) -> None:
        super().__init__(parent)
        self._least = least
        self._most = most
        self._fit_posted = False
        self._refit_timer = False
        self._fitted = False  # measured once shown (at a width the layout gave it)
        self._changes = 0  # model changes, and how many the last measurement saw
        self._measured_changes = -1
        self.fits = 0  # how many times the rows were measured (tests: once per change)

    def setModel(self, model: QAbstractItemModel | None) -> None:  # type: ignore[override]
        super().setModel(model)
        if model is not None:
            for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved):
                signal.connect(self._model_changed)
        self._model_changed()

    def _model_changed(self, *args: Any) -> None:
        self._changes += 1
        if self._fitted and self.isVisible():
            # Shown and laid out already (another goal, say): measure now, so that the
            # layout pass that follows places everything at its new height at once (and
            # the scroll area around it decides on its scroll bar knowing it).
            self.fit()
        else:
            self.request_fit()  # not shown yet, or never laid out: once it is

    def request_fit(self) -> None:
        """Fit the height to the rows soon (once, however often this is asked)."""
        if not self._fit_posted:
            self._fit_posted = True
            QCoreApplication.postEvent(self, QEvent(_FIT))

    def customEvent(self, event: QEvent) -> None:  # only posted events of our own come here
        if event.type() == _FIT:
            self._fit_posted = False
            if self.isVisible() and self._width_matters():  # hidden: measured when shown
                self.fit()

    def fit(self) -> None:
        """Set the height to the rows' now."""
        if self.model() is None:
            return
        self.fits += 1
        self.setFixedHeight(self.fitted_height())
        self._fitted = True
        self._measured_changes = self._changes

    def _width_matters(self) -> bool:
        # Rows that do not wrap are as high at any width: only new rows change the height.
        return self.wordWrap() or not self._fitted or self._measured_changes != self._changes

    def fitted_height(self) -> int:
        """The height that shows the rows as laid out at the current width."""
        model = self.model()
        if model is None:
            return self.height()
        line = self.fontMetrics().height() + 6
        gap = 2 * self.spacing()
        count = min(model.rowCount(), self._most)
        self.doItemsLayout()  # lay out at the current width, so wrapped rows are measured
        height = self._rows_height(count, gap)
        return height + max(0, self._least - count) * (line + gap) + 2 * self.frameWidth() + 4

    def _rows_height(self, count: int, gap: int) -> int:
        model = self.model()

        def height_of(row: int) -> int:
            # As laid out (a row is as high as its text, or its check box): padding every
            # row to a full `line` left an empty band under a list of short rows.
            laid_out = self.visualRect(model.index(row, 0)).height()
            return laid_out if laid_out > 0 else max(self.sizeHintForRow(row), 1)

        return sum(height_of(row) + gap for row in range(count))

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self.request_fit()

    def resizeEvent(self, event: Any) -> None:  # the viewport's size (QAbstractScrollArea)
        super().resizeEvent(event)
        if event.oldSize().width() == event.size().width():
            return
        if not self._width_matters():
            return
        if not self._fitted:
            self.request_fit()  # first shown: measured before it is first painted
        elif not self._refit_timer:
            # Wrapped rows grow when the list narrows. A resize comes in the middle of a
            # layout pass (its own scroll bar may come or go just after): measure once all
            # that has settled, as the event loop turns.
            self._refit_timer = True
            QTimer.singleShot(0, self, self._refit)

    def _refit(self) -> None:
        self._refit_timer = False
        if self.isVisible() and self._width_matters():
            self.fit()
