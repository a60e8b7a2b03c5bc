"""Asking before a goal is deleted."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from ...domain.goals import Goal


def confirm_delete(parent: QWidget, goal: Goal) -> bool:
    """Ask before deleting (Cancel is the default); the title is shown as plain text."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        "Delete goal",
        f"Delete the goal “{goal.title}” with its {len(goal.steps)} steps and "
        f"{len(goal.checkins)} check-ins?\nYou can undo this with Ctrl+Z.",
        QMessageBox.StandardButton.Cancel,
        parent,
    )
    box.setTextFormat(Qt.TextFormat.PlainText)
    delete = box.addButton("Delete", QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    try:
        box.exec()
        return box.clickedButton() is delete
    finally:
        box.deleteLater()  # a hidden dialog would otherwise stay the active window
