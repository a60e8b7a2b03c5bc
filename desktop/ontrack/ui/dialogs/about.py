"""Help ▸ About: what OnTrack is, its version, and where this person's data lives."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from ... import APP_NAME, __version__


def show_about(parent: QWidget, data_path: Path) -> None:
    import html  # here, not at start-up

    box = QMessageBox(parent)
    box.setWindowTitle(f"About {APP_NAME}")
    box.setTextFormat(Qt.TextFormat.RichText)
    # The path is the user's: escaped, so a folder named "<b>" is shown as typed.
    box.setText(
        f"<h3>{APP_NAME} {html.escape(__version__)}</h3>"
        "<p>A private place to take charge of your career: find the habits that could "
        "hold you back, set goals against them, learn from feedback and tend your network.</p>"
        "<p>Your data stays on this computer, in one file:<br>"
        f"<code>{html.escape(str(data_path))}</code></p>"
    )
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.setIcon(QMessageBox.Icon.Information)
    box.exec()
