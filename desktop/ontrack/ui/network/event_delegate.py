"""Paints one event in the Events list the way the Journal paints an entry: its name in
bold with the date on the right, then the place and the people met, muted; rows of one
height, elided with "…" (the whole name is in the row's tooltip)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ...domain.network_summaries import EventSummary
from ..look import muted_text
from ..paged_model import format_date
from ..roles import RECORD_ROLE

Index = QModelIndex | QPersistentModelIndex


class EventRowDelegate(QStyledItemDelegate):
    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        return QSize(280, option.fontMetrics.height() * 2 + 18)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        event = index.data(RECORD_ROLE)
        if not isinstance(event, EventSummary):
            return
        self.initStyleOption(option, index)
        option.text = ""
        widget = option.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = option.palette
        text = palette.color(
            palette.ColorRole.HighlightedText if selected else palette.ColorRole.Text
        )
        muted = text if selected else muted_text(palette)
        rect = option.rect.adjusted(12, 7, -12, -7)
        metrics = option.fontMetrics
        line = metrics.height()
        day = format_date(event.date)
        day_width = metrics.horizontalAdvance(day) + 8
        painter.save()
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(text)
        top = QRect(rect.left(), rect.top(), rect.width() - day_width, line)
        name = painter.fontMetrics().elidedText(
            event.name, Qt.TextElideMode.ElideRight, top.width()
        )
        painter.drawText(top, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), name)
        painter.setFont(option.font)
        painter.setPen(muted)
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(QRect(rect.left(), rect.top(), rect.width(), line), int(right), day)
        people = f"{event.people} {'person' if event.people == 1 else 'people'} met"
        below = f"{event.location} · {people}" if event.location else people
        second = QRect(rect.left(), rect.top() + line + 2, rect.width(), line)
        below = metrics.elidedText(below, Qt.TextElideMode.ElideRight, second.width())
        painter.drawText(
            second, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), below
        )
        painter.restore()
