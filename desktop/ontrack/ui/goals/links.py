"""The feedback entries and events that point at a goal, as a clickable list."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from ...domain.goal_items import GoalLink, LinkKind
from ..look import accent, app_palette
from ..paged_model import format_date
from ..roles import RECORD_ROLE, SORT_ROLE

Index = QModelIndex | QPersistentModelIndex
TAB_OF = {LinkKind.FEEDBACK: "journalTab", LinkKind.EVENT: "networkTab"}


class GoalLinksListModel(QAbstractListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._links: list[GoalLink] = []

    def set_links(self, links: list[GoalLink]) -> None:
        self.beginResetModel()
        self._links = list(links)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._links)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._links):
            return None
        link = self._links[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{link.kind.label} · {format_date(link.date)} · {link.title}"
        if role == Qt.ItemDataRole.ToolTipRole:
            where = "Journal" if link.kind is LinkKind.FEEDBACK else "Network"
            return f"Open in the {where} tab (click, or Enter)"
        if role == Qt.ItemDataRole.ForegroundRole:
            # Links look like links (and the pointer changes over them).
            return accent(app_palette())
        if role == SORT_ROLE:
            return link.date
        if role == RECORD_ROLE:
            return link
        return None
