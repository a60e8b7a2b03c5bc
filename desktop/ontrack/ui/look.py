"""OnTrack's look: palette accents, the attention marker and small painted icons."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QLabel

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStyle

ACCENT = QColor("#2f6f8f")  # calm teal-blue: OnTrack's own colour
ATTENTION = QColor("#b85c00")  # amber-brown, readable on white
ATTENTION_BACKGROUND = QColor(255, 236, 204)
MUTED_TEXT = QColor("#5f6b73")
# The same roles on a dark palette: light enough to read on it, never a light background.
_DARK = {
    "accent": QColor("#6fb3d6"),
    "attention": QColor("#f0a04b"),
    "attention_background": QColor(96, 62, 20),
}


def app_palette() -> QPalette:
    """The application's palette (what item models, which have no widget, paint with)."""
    return QGuiApplication.palette()


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def accent(palette: QPalette) -> QColor:
    return _DARK["accent"] if is_dark(palette) else ACCENT


def attention_colour(palette: QPalette) -> QColor:
    return _DARK["attention"] if is_dark(palette) else ATTENTION


def attention_background(palette: QPalette) -> QColor:
    return _DARK["attention_background"] if is_dark(palette) else ATTENTION_BACKGROUND


def muted_text(palette: QPalette) -> QColor:
    """Secondary text: part way from the text colour to the background, in any palette."""
    if not is_dark(palette):
        return MUTED_TEXT
    text, back = (
        palette.color(QPalette.ColorRole.WindowText),
        palette.color(QPalette.ColorRole.Window),
    )
    return QColor(
        round(text.red() * 0.65 + back.red() * 0.35),
        round(text.green() * 0.65 + back.green() * 0.35),
        round(text.blue() * 0.65 + back.blue() * 0.35),
    )


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
    palette.setColor(QPalette.ColorRole.WindowText, muted_text(palette))
    label.setPalette(palette)
    if scale != 1.0:
        label.setFont(heading_font(label.font(), scale, bold=False))


def warn(label: QLabel) -> None:
    """Text that warns (a refused edit, an overdue date): the attention colour, through the
    palette like `mute`. Colour is never the only signal: the words say it too."""
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, attention_colour(palette))
    label.setPalette(palette)


def heading_font(base: QFont, scale: float = 1.5, bold: bool = True) -> QFont:
    font = QFont(base)
    size = base.pointSizeF() if base.pointSizeF() > 0 else 10.0
    font.setPointSizeF(size * scale)
    font.setBold(bold)
    return font


def plain_dialog_style(style: QStyle | None = None) -> QStyle | None:
    """The style to use in place of `style` (by default the application's: the one chosen
    by the platform, -style or QT_STYLE_OVERRIDE) so that no dialog button has an icon, or
    None if it shows none already, as most do. A style written in Python answers each of
    the many questions Qt asks its style while laying out and painting (about 35 ms of
    start-up), so it is put in only where it is needed.

    The question is put to a throwaway button box, not to the style: touching QStyle from
    Python makes its many enums (about 9 ms) at every start, for nothing on most desktops."""
    from PySide6.QtWidgets import QApplication, QDialogButtonBox

    box = QDialogButtonBox()
    if style is not None:
        box.setStyle(style)
    icons = not box.addButton(QDialogButtonBox.StandardButton.Close).icon().isNull()
    if not icons:
        return None
    from .plain_style import PlainDialogButtons

    return PlainDialogButtons((style or QApplication.style()).name())
