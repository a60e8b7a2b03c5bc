"""The status bar's sign that the open data file is protected: a small lock and the word
"Protected", with a tooltip that says what it means. Shown only for a protected file; the
window that shows a file after protection is turned on or off sets it again.

The lock is painted in the palette's text colour, so it reads on a light and a dark palette
alike and follows a change of palette. Only QtGui and QtWidgets: nothing of the protection
libraries loads for it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

NAME = "Protected data file"
MEANING = (
    "This data file is encrypted with your passphrase: without it, or your recovery code, "
    "nobody can read it, nor its backups. OnTrack works with it as usual while it is open."
)


def lock_pixmap(colour: QColor, size: int, ratio: float = 1.0) -> QPixmap:
    """A padlock `size` logical pixels tall in `colour`, sharp at device pixel `ratio`."""
    pixmap = QPixmap(round(size * ratio), round(size * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    unit = size / 16
    # The shackle: an arch over the body, drawn as a thick line so it stays open inside.
    pen = QPen(colour, 1.8 * unit)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    painter.setPen(pen)
    shackle = QPainterPath(QPointF(4.5 * unit, 8 * unit))
    shackle.lineTo(4.5 * unit, 5.5 * unit)
    shackle.arcTo(QRectF(4.5 * unit, 1.5 * unit, 7 * unit, 7 * unit), 180, -180)
    shackle.lineTo(11.5 * unit, 8 * unit)
    painter.drawPath(shackle)
    # The body, with a keyhole cut out of it (seen through to the background).
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawRoundedRect(QRectF(2.5 * unit, 7.5 * unit, 11 * unit, 7.5 * unit), unit, unit)
    painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Clear)
    painter.drawEllipse(QPointF(8 * unit, 10.6 * unit), 1.3 * unit, 1.3 * unit)
    painter.drawRect(QRectF(7.4 * unit, 11 * unit, 1.2 * unit, 2.4 * unit))
    painter.end()
    return pixmap


class ProtectedSign(QWidget):
    """A lock and "Protected", for the status bar's permanent area."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("protectedSign")
        self.setAccessibleName(NAME)
        self.setAccessibleDescription(MEANING)
        self.setToolTip(MEANING)
        self.lock = QLabel()
        self.lock.setObjectName("protectedLock")
        self.lock.setAccessibleName("Lock")
        self.text = QLabel("Protected")
        self.text.setObjectName("protectedText")
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.lock)
        layout.addWidget(self.text)
        self._paint_lock()

    def _paint_lock(self) -> None:
        colour = self.palette().color(QPalette.ColorRole.WindowText)
        size = max(12, self.fontMetrics().height() - 2)
        self.lock.setPixmap(lock_pixmap(colour, size, self.devicePixelRatioF()))

    def changeEvent(self, event: QEvent) -> None:
        # A new palette (the desktop switched to dark) or font: the lock follows it.
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange):
            self._paint_lock()
        super().changeEvent(event)
