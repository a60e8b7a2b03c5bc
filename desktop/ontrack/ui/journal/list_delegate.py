"""Paints one Journal entry as two calm lines: date, who and kind, then the first line (or,
when searching, the words around the match) with the matching words highlighted.

User text is laid out with QTextLayout as plain text; highlights are format ranges over it,
so nothing the user typed is ever read as markup, and right-to-left text keeps its order.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRect, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QIcon,
    QPainter,
    QPalette,
    QTextCharFormat,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QWidget

from ...domain.journal_query import JournalListEntry, match_spans
from ..look import attention_colour, attention_icon, muted_text
from ..paged_model import format_date
from ..roles import ATTENTION_ROLE, RECORD_ROLE

_HIGHLIGHT = QColor(255, 226, 130)
# Made once: a row is painted at every scroll and search, and building these (or reading an
# enum member through its class) each time cost about a third of its painting.
_CENTRED = Qt.AlignmentFlag.AlignVCenter
_RIGHT = Qt.AlignmentFlag.AlignRight | _CENTRED
_LEFT = Qt.AlignmentFlag.AlignLeft | _CENTRED
_ELIDE = Qt.TextElideMode.ElideRight
_ONE_LINE = QTextOption()
_ONE_LINE.setWrapMode(QTextOption.WrapMode.NoWrap)
_MATCH = QTextCharFormat()
_MATCH.setBackground(_HIGHLIGHT)
_MATCH.setForeground(QColor("black"))


class JournalEntryDelegate(QStyledItemDelegate):
    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self.terms: tuple[str, ...] = ()
        self._bold: tuple[QFont, QFont, QFontMetrics] | None = None  # (font, bold, metrics)

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
        # Each read of an option's palette, font or metrics makes a copy: once each.
        palette, font, metrics = option.palette, option.font, option.fontMetrics
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        text_colour = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        muted = text_colour if selected else muted_text(palette)
        rect = option.rect.adjusted(12, 7, -12, -7)
        left, width, line = rect.left(), rect.width(), metrics.height()
        painter.save()

        # Line 1: who (bold, the most important) and, on the right, the date (muted).
        top = QRect(left, rect.top(), width, line)
        date_text = format_date(entry.date)
        date_width = metrics.horizontalAdvance(date_text) + 4
        painter.setFont(font)
        painter.setPen(muted)
        painter.drawText(top, _RIGHT, date_text)
        bold, bold_metrics = self._bold_of(font)
        who_rect = top.adjusted(0, 0, -date_width - 12, 0)
        who = entry.source_name or "Someone"
        self._draw_text(painter, bold, bold_metrics, who_rect, who, text_colour)

        # Line 2: what was said, or the words around the match when searching.
        body = entry.excerpt if self.terms and entry.excerpt else entry.first_line
        body_rect = QRect(left, top.bottom() + 3, width, line)
        shown = body or "(nothing written yet)"
        colour = text_colour if body else muted
        self._draw_text(painter, font, metrics, body_rect, shown, colour)

        # Line 3: the kind, and why it needs me now: an icon and words, not colour alone.
        foot = QRect(left, body_rect.bottom() + 3, width, line)
        painter.setFont(font)
        painter.setPen(muted)
        kind_text = entry.kind.label
        painter.drawText(foot, _LEFT, kind_text)
        attention = index.data(ATTENTION_ROLE)
        if attention:
            icon_size = min(14, line)
            icon_left = foot.left() + metrics.horizontalAdvance(kind_text) + 14
            icon_top = foot.top() + (line - icon_size) // 2
            attention_icon(icon_size).paint(
                painter, QRect(icon_left, icon_top, icon_size, icon_size)
            )
            painter.setPen(text_colour if selected else attention_colour(palette))
            words = foot.adjusted(icon_left + icon_size + 5 - foot.left(), 0, 0, 0)
            painter.drawText(words, _LEFT, attention)
        painter.restore()

    def _bold_of(self, font: QFont) -> tuple[QFont, QFontMetrics]:
        """The view's font in bold, and its metrics (made again only if the font changes)."""
        if self._bold is None or self._bold[0] != font:
            bold = QFont(font)
            bold.setBold(True)
            self._bold = (QFont(font), bold, QFontMetrics(bold))  # a copy: the option goes
        return self._bold[1], self._bold[2]

    def _draw_text(
        self,
        painter: QPainter,
        font: QFont,
        metrics: QFontMetrics,
        rect: QRect,
        text: str,
        colour: QColor,
    ) -> None:
        """One line of plain text, elided to fit, with the search words highlighted."""
        text = " ".join(text.split())  # a list row is one line
        shown = metrics.elidedText(text, _ELIDE, rect.width())
        layout = QTextLayout(shown, font)
        layout.setTextOption(_ONE_LINE)
        ranges = []
        keep = len(shown) - (1 if shown != text else 0)
        for start, end in match_spans(text, self.terms):
            if start >= keep:
                break
            highlight = QTextLayout.FormatRange()
            highlight.start = start
            highlight.length = min(end, keep) - start
            highlight.format = _MATCH
            ranges.append(highlight)
        layout.setFormats(ranges)
        layout.beginLayout()
        text_line = layout.createLine()
        text_line.setLineWidth(rect.width())
        layout.endLayout()
        painter.setPen(colour)
        y = rect.top() + (rect.height() - text_line.height()) / 2
        layout.draw(painter, QPointF(rect.left(), y))
