"""The guided weekly review (Tools ▸ Weekly review…): goals gone quiet, follow-ups due and
one person to reach out to, in five keyboard-friendly minutes, every step skippable.

`open_weekly_review` is the one entry point: the window calls it with its TabContext.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QWidget

from ..tabs.base import TabContext


def open_weekly_review(parent: QWidget, context: TabContext) -> QDialog:
    """Show the review beside the window (not modal, so that "Open" can show a record in
    its tab while the review waits); an open review is brought to the front instead."""
    from .dialog import WeeklyReviewDialog  # built on demand: nothing of it at start-up

    for child in parent.findChildren(
        WeeklyReviewDialog, options=Qt.FindChildOption.FindDirectChildrenOnly
    ):
        if child.isVisible():
            child.activateWindow()
            return child
    dialog = WeeklyReviewDialog(context, parent)
    dialog.setWindowModality(Qt.WindowModality.NonModal)
    dialog.show()
    dialog.activateWindow()
    return dialog
