"""OnTrack's look: palette accents, the attention marker and small painted icons."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QLabel

ACCENT = QColor("#2f6f8f")  # calm teal-blue: OnTrack's own colour
ATTENTION = QColor("#b85c00")  # amber-brown, readable on white
ATTENTION_BACKGROUND = QColor(255, 236, 204)
MUTED_TEXT = QColor("#5f6b73")


@cache
def attention_icon(size: int = 16) -> QIcon:
    """An amber disc with an exclamation mark: attention shown by shape, not colour alone."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(ATTENTION)
    painter.drawEllipse(QRectF(0.5, 0.5, size - 1, size - 1))
    font = QFont()
    font.setBold(True)
    font.setPixelSize(int(size * 0.75))
    painter.setFont(font)
    painter.setPen(QColor("white"))
    painter.drawText(QRectF(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, "!")
    painter.end()
    return QIcon(pixmap)


def mute(label: QLabel, scale: float = 1.0) -> None:
    """Secondary text: the muted colour (through the palette, not a style sheet, which
    would be slower to apply and paint) and, optionally, a different size."""
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, MUTED_TEXT)
    label.setPalette(palette)
    if scale != 1.0:
        label.setFont(heading_font(label.font(), scale, bold=False))


def warn(label: QLabel) -> None:
    """Text that warns (a refused edit, an overdue date): the attention colour, through the
    palette like `mute`. Colour is never the only signal: the words say it too."""
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, ATTENTION)
    label.setPalette(palette)


def heading_font(base: QFont, scale: float = 1.5, bold: bool = True) -> QFont:
    font = QFont(base)
    size = base.pointSizeF() if base.pointSizeF() > 0 else 10.0
    font.setPointSizeF(size * scale)
    font.setBold(bold)
    return font
