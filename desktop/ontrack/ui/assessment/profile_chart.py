"""The profile (radar) chart on screen: the shared geometry of `domain.profile_chart`
drawn with QPainter. One series is the assessment shown; an optional second one (the
previous assessment, or others' ratings) is overlaid dashed, so the two differ by line
style as well as colour. `compact=True` (a small chart for the Overview) names its axes in
one word each and leaves out the scores and the legend."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from ...domain import profile_chart as geometry
from ...domain.enums import Factor
from ..look import accent, is_dark

if TYPE_CHECKING:  # named only: an event class makes QEvent's ~180-type enum (~8 ms)
    from PySide6.QtGui import QPaintEvent

Scores = Mapping[Factor, float | None]
OVERLAY = QColor("#8a5a9e")  # plum: distinct from the accent, also in grey scale
GRID = QColor("#c9d1d6")


def label_lines(label: str) -> list[str]:
    """A factor's label on at most two lines, broken at the space nearest the middle."""
    if len(label) <= 12 or " " not in label:
        return [label]
    spaces = [i for i, ch in enumerate(label) if ch == " "]
    cut = min(spaces, key=lambda i: abs(i - len(label) / 2))
    return [label[:cut], label[cut + 1 :]]


# One word for each factor, for the small chart (the Overview's), where full names do not fit.
SHORT_NAMES = {
    Factor.PEOPLE: "People",
    Factor.TEAMWORK: "Teamwork",
    Factor.IMAGE: "Image",
    Factor.IMPACT: "Effect",
    Factor.AUTHORITY: "Authority",
    Factor.VISION: "Vision",
    Factor.CUSTOMER: "Customer",
    Factor.ISOLATION: "Others",
}


class ProfileChart(QWidget):
    def __init__(self, compact: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._compact = compact
        self._scores: Scores = {}
        self._overlay: Scores | None = None
        self._names = ("This assessment", "")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setAccessibleName("Profile chart")

    def set_profile(
        self,
        scores: Scores,
        name: str = "This assessment",
        overlay: Scores | None = None,
        overlay_name: str = "",
    ) -> None:
        self._scores = dict(scores)
        self._overlay = dict(overlay) if overlay is not None else None
        self._names = (name, overlay_name)
        parts = [f"{f.label} {round(s)}" for f in Factor if (s := self._scores.get(f)) is not None]
        self.setToolTip("\n".join(parts))
        self.setAccessibleDescription("; ".join(parts))
        self.update()

    @property
    def has_overlay(self) -> bool:
        return self._overlay is not None

    def sizeHint(self) -> QSize:
        return QSize(160, 160) if self._compact else QSize(460, 350)

    def minimumSizeHint(self) -> QSize:
        return QSize(100, 100) if self._compact else QSize(360, 300)

    # -- painting ---------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        legend_height = 0 if self._compact else painter.fontMetrics().height() + 10
        area = QRectF(self.rect()).adjusted(0, 0, 0, -legend_height)
        metrics = painter.fontMetrics()
        label_room = max(metrics.horizontalAdvance(line) for f in Factor for line in self._lines(f))
        line_room = metrics.height() * (1 if self._compact else 3) + 6
        # Labels start LABEL_RADIUS out from the centre and extend outwards from there.
        across = (area.width() / 2 - label_room - 8) / geometry.LABEL_RADIUS
        radius = max(10.0, min(across, (area.height() / 2 - line_room) / geometry.LABEL_RADIUS))
        centre = area.center()
        if not self._compact:
            # Keep the legend right under the drawing and centre the two together, so a
            # tall, narrow chart has no gap between the picture and its legend.
            half = radius * geometry.LABEL_RADIUS + line_room
            spare = max(0.0, area.height() - 2 * half)
            centre = QPointF(centre.x(), area.top() + spare / 2 + half)
            area.setBottom(centre.y() + half)
        self._draw_grid(painter, centre, radius)
        if self._overlay is not None:
            self._draw_series(painter, centre, radius, self._overlay, OVERLAY, dashed=True)
        self._draw_series(
            painter, centre, radius, self._scores, accent(self.palette()), dashed=False
        )
        self._draw_labels(painter, centre, radius)
        if not self._compact:
            self._draw_legend(painter, QRectF(0, area.bottom() + 4, self.width(), legend_height))
        painter.end()

    @staticmethod
    def _point(point: geometry.Point, centre: QPointF, radius: float) -> QPointF:
        # The geometry's y grows upwards; Qt's grows downwards.
        return QPointF(centre.x() + point.x * radius, centre.y() - point.y * radius)

    def _polygon(self, points: tuple[geometry.Point, ...], c: QPointF, r: float) -> QPolygonF:
        return QPolygonF([self._point(p, c, r) for p in points])

    def _draw_grid(self, painter: QPainter, centre: QPointF, radius: float) -> None:
        grid = self.palette().color(QPalette.ColorRole.Mid) if is_dark(self.palette()) else GRID
        painter.setPen(QPen(grid, 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for ring in geometry.rings():
            painter.drawPolygon(self._polygon(ring, centre, radius))
        for axis in geometry.axes():
            painter.drawLine(centre, self._point(axis.end, centre, radius))

    def _draw_series(
        self,
        painter: QPainter,
        centre: QPointF,
        radius: float,
        scores: Scores,
        colour: QColor,
        dashed: bool,
    ) -> None:
        if not any(s is not None for s in scores.values()):
            return
        pen = QPen(colour, 1.5 if self._compact else 2.2)
        if dashed:
            pen.setStyle(Qt.PenStyle.DashLine)
        fill = QColor(colour)
        fill.setAlpha(0 if dashed else 60)
        painter.setPen(pen)
        painter.setBrush(fill)
        shape = self._polygon(geometry.polygon(scores), centre, radius)
        painter.drawPolygon(shape)
        if not self._compact:
            painter.setBrush(colour)
            painter.setPen(Qt.PenStyle.NoPen)
            for vertex in shape:
                if dashed:
                    painter.drawRect(QRectF(vertex.x() - 3, vertex.y() - 3, 6, 6))
                else:
                    painter.drawEllipse(vertex, 3.5, 3.5)

    def _draw_labels(self, painter: QPainter, centre: QPointF, radius: float) -> None:
        painter.setPen(self.palette().windowText().color())
        metrics = painter.fontMetrics()
        for axis in geometry.axes():
            anchor = self._point(axis.label_anchor, centre, radius)
            score = self._scores.get(axis.factor)
            lines = self._lines(axis.factor)
            if score is not None and not self._compact:
                lines.append(str(round(score)))
            text = "\n".join(lines)
            width = max(metrics.horizontalAdvance(line) for line in lines) + 4
            height = metrics.height() * len(lines)
            x = {
                geometry.HAlign.LEFT: anchor.x(),
                geometry.HAlign.CENTRE: anchor.x() - width / 2,
                geometry.HAlign.RIGHT: anchor.x() - width,
            }[axis.halign]
            y = {
                geometry.VAlign.BOTTOM: anchor.y() - height,
                geometry.VAlign.MIDDLE: anchor.y() - height / 2,
                geometry.VAlign.TOP: anchor.y(),
            }[axis.valign]
            align = {
                geometry.HAlign.LEFT: Qt.AlignmentFlag.AlignLeft,
                geometry.HAlign.CENTRE: Qt.AlignmentFlag.AlignHCenter,
                geometry.HAlign.RIGHT: Qt.AlignmentFlag.AlignRight,
            }[axis.halign]
            painter.drawText(QRectF(x, y, width, height), int(align), text)

    def _lines(self, factor: Factor) -> list[str]:
        """The axis's name: the factor's label on two lines, or one word when compact."""
        return [SHORT_NAMES[factor]] if self._compact else label_lines(factor.label)

    def _draw_legend(self, painter: QPainter, rect: QRectF) -> None:
        entries = [(self._names[0], accent(self.palette()), False)]
        if self._overlay is not None:
            entries.append((self._names[1] or "Compared with", OVERLAY, True))
        metrics = painter.fontMetrics()
        total = sum(metrics.horizontalAdvance(name) + 48 for name, _, _ in entries)
        x = rect.center().x() - total / 2
        y = rect.center().y()
        for name, colour, dashed in entries:
            pen = QPen(colour, 2.2)
            if dashed:
                pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawLine(QPointF(x, y), QPointF(x + 24, y))
            painter.setPen(self.palette().windowText().color())
            width = metrics.horizontalAdvance(name) + 4
            text_rect = QRectF(x + 30, rect.top(), width, rect.height())
            painter.drawText(text_rect, int(Qt.AlignmentFlag.AlignVCenter), name)
            x += metrics.horizontalAdvance(name) + 48
