"""Detail panes scroll up and down, never sideways: no horizontal scroll bar, and a pane is
never narrower than what it holds needs (a splitter cannot squeeze it into cutting its
fields off); its fields keep clear of the vertical bar by their own right margin."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QScrollArea


def vertical_only(scroll: QScrollArea) -> None:
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    content = scroll.widget()
    if content is None:
        return
    bar = scroll.verticalScrollBar().sizeHint().width()
    scroll.setMinimumWidth(content.minimumSizeHint().width() + bar + 2 * scroll.frameWidth())
