"""A small read-only table over a list of records held in memory (tens, not thousands),
described by its columns: a title, the text shown, a sort value and an alignment."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from .plain_text import literal_tooltip
from .roles import RECORD_ROLE, SORT_ROLE

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


@dataclass(frozen=True)
class RecordColumn:
    title: str
    text: Callable[[Any], str]
    sort: Callable[[Any], Any]
    align: Qt.AlignmentFlag | None = None  # None: the view's default (left)


class RecordsTableModel(QAbstractTableModel):
    columns: Sequence[RecordColumn] = ()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def record(self, row: int) -> Any:
        return self._rows[row]

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.columns)
        ):
            return self.columns[section].title
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        record = self._rows[index.row()]
        column = self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            text = column.text(record)
            # A table row is one line: line breaks show as a mark, the tooltip has them all.
            if role == Qt.ItemDataRole.DisplayRole:
                return text.replace("\n", " ⏎ ")
            return literal_tooltip(text)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align is not None:
            return int(column.align.value)
        if role == SORT_ROLE:
            return column.sort(record)
        if role == RECORD_ROLE:
            return record
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        key = self.columns[column].sort
        self.layoutAboutToBeChanged.emit()
        self._rows.sort(key=lambda r: (key(r) is None, key(r) or ""))
        if order == Qt.SortOrder.DescendingOrder:
            self._rows.reverse()
        self.layoutChanged.emit()
