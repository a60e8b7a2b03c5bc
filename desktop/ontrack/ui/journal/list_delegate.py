"""Paints one Journal entry as two calm lines: date, who and kind, then the first line (or,
when searching, the words around the match) with the matching words highlighted.

User text is laid out with QTextLayout as plain text; highlights are format ranges over it,
so nothing the user typed is ever read as markup, and right-to-left text keeps its order.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QTextCharFormat, QTextLayout, QTextOption
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QWidget

from ...domain.journal_query import JournalListEntry, match_spans
from ..look import attention_colour, attention_icon, muted_text
from ..paged_model import format_date
from ..roles import ATTENTION_ROLE, RECORD_ROLE

_HIGHLIGHT = QColor(255, 226, 130)


class JournalEntryDelegate(QStyledItemDelegate):
    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self.terms: tuple[str, ...] = ()

    @staticmethod
    def row_height(view: QWidget) -> int:
        return view.fontMetrics().height() * 3 + 20

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        return QSize(320, option.fontMetrics.height() * 3 + 20)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        from PySide6.QtWidgets import QStyle

        entry = index.data(RECORD_ROLE)
        if not isinstance(entry, JournalListEntry):
            return
        self.initStyleOption(option, index)
        option.text = ""
        option.icon = QIcon()  # the attention icon is drawn beside its words below
        widget = option.widget
        style = widget.style() if widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        text_colour = option.palette.color(
            option.palette.ColorRole.HighlightedText if selected else option.palette.ColorRole.Text
        )
        muted = text_colour if selected else muted_text(option.palette)
        rect = option.rect.adjusted(12, 7, -12, -7)
        metrics = option.fontMetrics
        line = metrics.height()
        left_right = Qt.AlignmentFlag.AlignVCenter
        painter.save()

        # Line 1: who (bold, the most important) and, on the right, the date (muted).
        top = QRect(rect.left(), rect.top(), rect.width(), line)
        date_text = format_date(entry.date)
        date_width = metrics.horizontalAdvance(date_text) + 4
        painter.setFont(option.font)
        painter.setPen(muted)
        painter.drawText(top, Qt.AlignmentFlag.AlignRight | left_right, date_text)
        bold = QFont(option.font)
        bold.setBold(True)
        who_rect = top.adjusted(0, 0, -date_width - 12, 0)
        self._draw_text(painter, bold, who_rect, entry.source_name or "Someone", text_colour)

        # Line 2: what was said, or the words around the match when searching.
        body = entry.excerpt if self.terms and entry.excerpt else entry.first_line
        body_rect = QRect(rect.left(), top.bottom() + 3, rect.width(), line)
        shown = body or "(nothing written yet)"
        self._draw_text(painter, option.font, body_rect, shown, text_colour if body else muted)

        # Line 3: the kind, and why it needs me now: an icon and words, not colour alone.
        foot = QRect(rect.left(), body_rect.bottom() + 3, rect.width(), line)
        painter.setFont(option.font)
        painter.setPen(muted)
        kind_text = entry.kind.label
        painter.drawText(foot, Qt.AlignmentFlag.AlignLeft | left_right, kind_text)
        attention = index.data(ATTENTION_ROLE)
        if attention:
            icon_size = min(14, line)
            icon_left = foot.left() + metrics.horizontalAdvance(kind_text) + 14
            icon_top = foot.top() + (line - icon_size) // 2
            attention_icon(icon_size).paint(
                painter, QRect(icon_left, icon_top, icon_size, icon_size)
            )
            painter.setPen(text_colour if selected else attention_colour(option.palette))
            words = foot.adjusted(icon_left + icon_size + 5 - foot.left(), 0, 0, 0)
            painter.drawText(words, Qt.AlignmentFlag.AlignLeft | left_right, attention)
        painter.restore()

    def _draw_text(
        self, painter: QPainter, font: QFont, rect: QRect, text: str, colour: QColor
    ) -> None:
        """One line of plain text, elided to fit, with the search words highlighted."""
        from PySide6.QtGui import QFontMetrics

        text = " ".join(text.split())  # a list row is one line
        metrics = QFontMetrics(font)
        shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
        layout = QTextLayout(shown, font)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.NoWrap)
        layout.setTextOption(option)
        ranges = []
        keep = len(shown) - (1 if shown != text else 0)
        for start, end in match_spans(text, self.terms):
            if start >= keep:
                break
            highlight = QTextLayout.FormatRange()
            highlight.start = start
            highlight.length = min(end, keep) - start
            char_format = QTextCharFormat()
            char_format.setBackground(_HIGHLIGHT)
            char_format.setForeground(QColor("black"))
            highlight.format = char_format
            ranges.append(highlight)
        layout.setFormats(ranges)
        layout.beginLayout()
        text_line = layout.createLine()
        text_line.setLineWidth(rect.width())
        layout.endLayout()
        painter.setPen(colour)
        y = rect.top() + (rect.height() - text_line.height()) / 2
        layout.draw(painter, QPointF(rect.left(), y))
