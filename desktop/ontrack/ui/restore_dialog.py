"""File ▸ Restore from backup…: the data file's backups with when they were made and their
size; the person picks one (or another file) and confirms."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..domain.backups import BackupInfo
from ..domain.dates import written
from .look import mute
from .roles import RECORD_ROLE, SORT_ROLE

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


def _size(size: int) -> str:
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / (1024 * 1024):.1f} MB"


class BackupsTableModel(QAbstractTableModel):
    HEADERS = ("Made on", "Size", "File")

    def __init__(self, backups: list[BackupInfo], parent: Any = None) -> None:
        super().__init__(parent)
        self._backups = backups

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._backups)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < 3:
            return self.HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._backups):
            return None
        info = self._backups[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            made = info.made_at
            return (
                f"{written(made.date())} at {made:%H:%M}",
                _size(info.size),
                info.path.name,
            )[column]
        if role == SORT_ROLE:
            return (info.made_at.isoformat(), info.size, info.path.name)[column]
        if role == RECORD_ROLE:
            return info
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 1:
            return int((Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value)
        return None


class RestoreDialog(QDialog):
    def __init__(self, backups: list[BackupInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Restore from backup")
        self.chosen: Path | None = None
        explanation = QLabel(
            "Choose the copy to go back to. Your data as it is now is kept as a backup "
            "first, so this can be undone by restoring that one."
        )
        explanation.setWordWrap(True)
        self.model = BackupsTableModel(backups, self)
        self.view = QTableView(objectName="backupsList")
        self.view.setAccessibleName("Backups")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.view.setColumnWidth(0, 190)
        self.view.doubleClicked.connect(lambda _: self.accept())
        empty = QLabel("There are no backups of this file yet. OnTrack makes one each day.")
        mute(empty)
        empty.setVisible(not backups)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = QPushButton("&Restore")
        self.restore_button.setDefault(True)
        self.restore_button.setEnabled(bool(backups))
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        other = buttons.addButton("Another &file…", QDialogButtonBox.ButtonRole.ActionRole)
        other.clicked.connect(self._choose_file)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(self.view, 1)
        layout.addWidget(empty)
        layout.addWidget(buttons)
        self._buttons = buttons
        self.resize(560, 360)
        if backups:
            self.view.selectRow(0)
            self.view.setFocus()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Tab through the buttons in the order they stand, which the platform's style
        # decides (the button box adds them to the Tab chain in the order they were made).
        previous: QWidget = self.view
        for button in sorted(self._buttons.buttons(), key=lambda b: b.x()):
            QWidget.setTabOrder(previous, button)
            previous = button

    def accept(self) -> None:
        if self.chosen is None:
            rows = self.view.selectionModel().selectedRows()
            if not rows:
                return
            self.chosen = rows[0].data(RECORD_ROLE).path
        super().accept()

    def _choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, "Restore from a file", "", "OnTrack data files (*.sqlite);;All files (*)"
        )
        if name:
            self.chosen = Path(name)
            super().accept()
