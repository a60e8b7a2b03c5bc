"""Item delegates that paint what text cannot show well: progress as a bar."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from .look import accent, is_dark
from .roles import SORT_ROLE


class ProgressBarDelegate(QStyledItemDelegate):
    """Paints the row's progress (its SORT_ROLE, 0..100) as a slim bar with the percentage."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        from PySide6.QtWidgets import QStyle  # its enums cost ~9 ms to create: not at start-up

        self.initStyleOption(option, index)
        value = index.data(SORT_ROLE)
        percent = max(0, min(100, int(value))) if isinstance(value, int) else 0
        widget = option.widget
        style = widget.style() if widget else None
        option.text = ""
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = (
            option.palette.ColorRole.HighlightedText if selected else option.palette.ColorRole.Text
        )
        paint_bar(painter, option, percent, option.palette.color(role))


TRACK = QColor(0, 0, 0, 28)  # the bar's empty part


def paint_bar(painter: QPainter, option: QStyleOptionViewItem, percent: int, pen: QColor) -> None:
    """A slim bar, filled to `percent`, with the figure beside it in `pen`; every progress
    bar in OnTrack's lists is painted by this."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    rect = option.rect.adjusted(8, 0, -8, 0)
    label_width = option.fontMetrics.horizontalAdvance("100 %") + 8
    bar = QRect(rect.left(), rect.center().y() - 4, rect.width() - label_width, 8)
    painter.setPen(Qt.PenStyle.NoPen)
    track = QColor(option.palette.color(option.palette.ColorRole.Text))
    track.setAlpha(TRACK.alpha() if not is_dark(option.palette) else 60)  # seen on dark too
    painter.setBrush(track)
    painter.drawRoundedRect(bar, 4, 4)
    if percent:
        filled = QRect(bar.left(), bar.top(), max(8, bar.width() * percent // 100), bar.height())
        painter.setBrush(accent(option.palette))
        painter.drawRoundedRect(filled, 4, 4)
    painter.setPen(pen)
    text_rect = QRect(bar.right() + 4, rect.top(), label_width, rect.height())
    painter.drawText(
        text_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, f"{percent} %"
    )
    painter.restore()
