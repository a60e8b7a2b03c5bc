"""Help ▸ About: OnTrack's icon, what it is, its version, and where this person's data lives."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QMessageBox, QWidget

from ... import APP_NAME, __version__
from ...files.resources import resource_path

ICON_SIZE = 64


def application_pixmap(size: int, device_pixel_ratio: float = 1.0) -> QPixmap:
    """OnTrack's icon at `size` logical pixels, from the sharpest rendered PNG that fits."""
    wanted = round(size * device_pixel_ratio)
    for candidate in (16, 24, 32, 48, 64, 128, 256, 512):
        if candidate >= wanted:
            break
    pixmap = QPixmap(str(resource_path("icons", f"ontrack-{candidate}.png")))
    if pixmap.isNull():
        return pixmap
    if candidate != wanted:
        pixmap = pixmap.scaled(
            wanted,
            wanted,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
    pixmap.setDevicePixelRatio(device_pixel_ratio)
    return pixmap


def about_box(parent: QWidget, data_path: Path) -> QMessageBox:
    """The About box, built but not shown (`show_about` shows it modally)."""
    import html  # here, not at start-up

    box = QMessageBox(parent)
    box.setObjectName("aboutBox")
    box.setWindowTitle(f"About {APP_NAME}")
    box.setTextFormat(Qt.TextFormat.RichText)
    python = ".".join(str(part) for part in sys.version_info[:3])
    # The path is the user's: escaped, so a folder named "<b>" is shown as typed.
    box.setText(
        f"<h3>{APP_NAME} {html.escape(__version__)}</h3>"
        "<p>A private place to take charge of your career: find the habits that could "
        "hold you back, set goals against them, learn from feedback and tend your network.</p>"
        "<p>Your data stays on this computer, in one file:<br>"
        f"<code>{html.escape(str(data_path))}</code></p>"
        f"<p><small>Qt {html.escape(qVersion())} · Python {python}</small></p>"
    )
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    icon = application_pixmap(ICON_SIZE, parent.devicePixelRatioF())
    if icon.isNull():  # a damaged install: the standard icon rather than none
        box.setIcon(QMessageBox.Icon.Information)
    else:
        box.setIconPixmap(icon)
    return box


def show_about(parent: QWidget, data_path: Path) -> None:
    box = about_box(parent, data_path)
    box.exec()
    box.deleteLater()  # a hidden dialog would otherwise linger as a child of the window
