"""The Overview's "needs attention" list: a model of headings, items and "more" rows, and
the delegate that paints them.

Headings name a kind and its count and cannot be selected; an item opens its record in its
own tab; a "more" row opens the tab. The list stays short whatever the data: each kind shows
its first few (`domain.agenda.SHOWN_PER_KIND`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QAbstractItemView, QStyledItemDelegate, QStyleOptionViewItem

from ...domain.agenda import Agenda, AttentionItem, AttentionKind, when_text
from ..look import accent, attention_colour, muted_text
from ..plain_text import literal_tooltip
from ..roles import ATTENTION_ROLE, RECORD_ROLE

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
_TAB_NAMES = {"goalsTab": "Goals", "journalTab": "Journal", "networkTab": "Network"}


@dataclass(frozen=True, slots=True)
class AttentionLine:
    """One line of the list: a heading, an item, or "N more" (item None, more > 0)."""

    kind: AttentionKind
    item: AttentionItem | None = None
    total: int = 0  # headings: how many of this kind
    more: int = 0  # "more" rows: how many are not listed

    @property
    def is_heading(self) -> bool:
        return self.item is None and not self.more


def rows_of(agenda: Agenda) -> list[AttentionLine]:
    rows: list[AttentionLine] = []
    for group in agenda.groups:
        rows.append(AttentionLine(group.kind, total=group.total))
        rows.extend(AttentionLine(group.kind, item) for item in group.items)
        if group.total > len(group.items):
            rows.append(AttentionLine(group.kind, more=group.total - len(group.items)))
    return rows


class AttentionListModel(QAbstractListModel):
    def __init__(self, today: date, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[AttentionLine] = []
        self._today = today

    def set_agenda(self, agenda: Agenda, today: date) -> None:
        self.beginResetModel()
        self._rows = rows_of(agenda)
        self._today = today
        self.endResetModel()

    def row_at(self, index: Index) -> AttentionLine | None:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        return self._rows[index.row()]

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index: Index) -> Qt.ItemFlag:
        row = self.row_at(index)
        if row is None:
            return Qt.ItemFlag.NoItemFlags
        if row.is_heading:
            # Not enabled either, so that the arrow keys step over headings to the items.
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index)
        if row is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            tab = _TAB_NAMES.get(row.kind.tab, "")
            if row.item is not None:
                return literal_tooltip(
                    f"{self._text(row)}\nPress Enter or double-click to open it in {tab}."
                )
            if row.more:
                return f"Open {tab} to see all {row.kind.heading.lower()}."
            return None
        if role == RECORD_ROLE:
            return row
        if role == ATTENTION_ROLE and row.item is not None:
            return self.when(row)
        return None

    def when(self, row: AttentionLine) -> str:
        return when_text(row.item, self._today) if row.item is not None else ""

    def _text(self, row: AttentionLine) -> str:
        if row.is_heading:
            return f"{row.kind.heading} ({row.total:,})"
        if row.more:
            return f"{row.more:,} more in {_TAB_NAMES.get(row.kind.tab, '')}…"
        assert row.item is not None
        parts = [row.item.title.strip() or "(untitled)"]
        when = self.when(row)
        if when:
            parts.append(when)
        return " · ".join(parts)


class AttentionDelegate(QStyledItemDelegate):
    """Headings in the accent colour; items with their context muted and their date on
    the right (overdue dates in the attention colour, with the word "Overdue" too)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._heading_font: QFont | None = None

    def _fonts(self, base: QFont) -> QFont:
        if self._heading_font is None:
            self._heading_font = QFont(base)
            self._heading_font.setBold(True)
        return self._heading_font

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        row: AttentionLine | None = index.data(RECORD_ROLE)
        line = QFontMetrics(option.font).height()
        if row is not None and row.is_heading:
            return QSize(200, line + 18 if index.row() else line + 8)
        return QSize(200, line + 12)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        row: AttentionLine | None = index.data(RECORD_ROLE)
        if row is None:
            return
        painter.save()
        rect = option.rect
        # Asked of the view, not of option.state: QStyle costs start-up time to import.
        view = option.widget
        selected = isinstance(view, QAbstractItemView) and view.selectionModel().isSelected(index)
        palette = option.palette
        if selected:
            painter.fillRect(rect, palette.highlight())
        text_colour = palette.highlightedText().color() if selected else palette.text().color()
        metrics = QFontMetrics(option.font)
        if row.is_heading:
            painter.setFont(self._fonts(option.font))
            painter.setPen(accent(option.palette))
            area = rect.adjusted(4, 0, -4, -3)
            painter.drawText(
                area, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom, self._text(index)
            )
            painter.restore()
            return
        area = rect.adjusted(18, 0, -8, 0)
        centre = Qt.AlignmentFlag.AlignVCenter
        if row.more:
            painter.setPen(text_colour if selected else accent(option.palette))
            painter.drawText(area, Qt.AlignmentFlag.AlignLeft | centre, self._text(index))
            painter.restore()
            return
        assert row.item is not None
        when = index.data(ATTENTION_ROLE) or ""
        when_width = metrics.horizontalAdvance(when) + 12 if when else 0
        overdue = when.startswith("Overdue")
        late, calm = attention_colour(option.palette), muted_text(option.palette)
        painter.setPen(text_colour if selected else (late if overdue else calm))
        painter.drawText(area, Qt.AlignmentFlag.AlignRight | centre, when)

        text_area = QRect(area.left(), area.top(), area.width() - when_width, area.height())
        title = " ".join((row.item.title.strip() or "(untitled)").split())
        context = " ".join(row.item.context.split())
        title_width = min(metrics.horizontalAdvance(title), int(text_area.width() * 0.65))
        title = metrics.elidedText(title, Qt.TextElideMode.ElideRight, title_width + 1)
        painter.setPen(text_colour)
        painter.drawText(text_area, Qt.AlignmentFlag.AlignLeft | centre, title)
        if context:
            rest = QRect(text_area)
            rest.setLeft(text_area.left() + metrics.horizontalAdvance(title) + 14)
            context = metrics.elidedText(context, Qt.TextElideMode.ElideRight, rest.width())
            painter.setPen(text_colour if selected else muted_text(option.palette))
            painter.drawText(rest, Qt.AlignmentFlag.AlignLeft | centre, context)
        painter.restore()

    @staticmethod
    def _text(index: Index) -> str:
        return str(index.data(Qt.ItemDataRole.DisplayRole) or "")
