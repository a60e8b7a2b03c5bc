"""A labelled five-point rating for one statement, operable by keyboard and mouse.

One focusable widget per statement, so Tab moves from statement to statement; on the
focused statement the digits 1–5 choose a rating and the Left/Right arrows move it. The
chosen point is filled *and* bold with a tick, so it does not rely on colour alone.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFocusEvent, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from ..look import ACCENT

POINTS = 5
_DIGITS = {getattr(Qt.Key, f"Key_{n}"): n for n in range(1, POINTS + 1)}


class RatingScale(QWidget):
    rated = Signal(int)

    def __init__(self, labels: tuple[str, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._labels = labels
        self._rating: int | None = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setToolTip("Choose 1–5 with the digit keys or the arrow keys, or click")

    @property
    def rating(self) -> int | None:
        return self._rating

    def set_rating(self, rating: int | None, *, announce: bool = False) -> None:
        if rating == self._rating:
            return
        self._rating = rating
        self.setAccessibleDescription(
            f"{rating}: {self._labels[rating - 1]}" if rating else "not rated yet"
        )
        self.update()
        if announce and rating is not None:
            self.rated.emit(rating)

    def sizeHint(self) -> QSize:
        return QSize(560, self.fontMetrics().height() * 2 + 24)

    def minimumSizeHint(self) -> QSize:
        return QSize(360, self.sizeHint().height())

    # -- input --------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in _DIGITS and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self.set_rating(_DIGITS[Qt.Key(key)], announce=True)
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_Left):
            step = 1 if key == Qt.Key.Key_Right else -1
            start = self._rating or (0 if step > 0 else POINTS + 1)
            self.set_rating(min(max(start + step, 1), POINTS), announce=True)
        else:
            super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            for point in range(1, POINTS + 1):
                if self._cell(point).contains(event.position()):
                    self.setFocus(Qt.FocusReason.MouseFocusReason)
                    self.set_rating(point, announce=True)
                    return
        super().mousePressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()

    # -- painting -----------------------------------------------------------------------
    def _cell(self, point: int) -> QRectF:
        # A margin of 4 leaves room for the focus frame around the five cells.
        gap, margin = 6.0, 4.0
        width = (self.width() - 2 * margin - gap * (POINTS - 1)) / POINTS
        left = margin + (point - 1) * (width + gap)
        return QRectF(left, margin, width, self.height() - 2 * margin)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text_colour = palette.windowText().color()
        for point in range(1, POINTS + 1):
            cell = self._cell(point)
            chosen = point == self._rating
            fill = QColor(ACCENT) if chosen else palette.base().color()
            border = QPen(ACCENT if chosen else QColor("#9aa5ad"), 2 if chosen else 1)
            painter.setPen(border)
            painter.setBrush(fill)
            painter.drawRoundedRect(cell.adjusted(0.5, 0.5, -0.5, -0.5), 5, 5)
            font = self.font()
            font.setBold(chosen)
            painter.setFont(font)
            painter.setPen(QColor("white") if chosen else text_colour)
            top = cell.adjusted(0, 3, 0, -cell.height() / 2)
            bottom = cell.adjusted(2, cell.height() / 2 - 2, -2, -3)
            number = f"✓ {point}" if chosen else str(point)
            painter.drawText(top, int(Qt.AlignmentFlag.AlignCenter), number)
            label = self.fontMetrics().elidedText(
                self._labels[point - 1], Qt.TextElideMode.ElideRight, int(bottom.width())
            )
            painter.drawText(bottom, int(Qt.AlignmentFlag.AlignCenter), label)
        if self.hasFocus():
            pen = QPen(palette.highlight().color(), 2, Qt.PenStyle.DotLine)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(QRectF(self.rect()).adjusted(1, 1, -1, -1), 6, 6)
        painter.end()
