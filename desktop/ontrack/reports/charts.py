"""The report's drawn pictures: the assessment profile (radar) chart, the interactions bar
chart, progress bars and checklist boxes.

The radar chart takes its geometry from `ontrack.domain.profile_chart`, the same
numbers the screen draws with QPainter; only the drawing is ReportLab's.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

from reportlab.graphics.shapes import Circle, Drawing, Line, Polygon, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from ..domain import profile_chart
from ..domain.enums import Factor
from ..domain.scoring import rounded
from . import fonts
from .model import Bin
from .styles import ACCENT, BAD, INK, MUTED, PREVIOUS, RULE, SHADE, WARN

LABEL_SIZE = 7.5


def _wrap(text: str, width: float, size: float, font: str = fonts.REGULAR) -> list[str]:
    """Greedy word wrap of one of our own short labels into lines of at most `width`."""
    lines: list[str] = []
    for word in text.split():
        if lines and stringWidth(f"{lines[-1]} {word}", font, size) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines or [""]


def _points(
    points: Sequence[profile_chart.Point], radius: float, cx: float, cy: float
) -> list[float]:
    flat: list[float] = []
    for point in points:
        flat.extend(point.scaled(radius, cx, cy))
    return flat


def radar(
    width: float,
    labels: Mapping[Factor, str],
    scores: Mapping[Factor, float | None],
    previous: Mapping[Factor, float | None] | None,
    legend: tuple[str, str | None],
    *,
    radius: float = 82.0,
    height: float = 250.0,
    label_width: float = 110.0,
) -> Drawing:
    """The profile: guide rings at 25/50/75/100, the latest scores filled, the previous
    assessment's as a dashed outline, labels with each factor's score. The one-page
    summary draws it smaller (`radius`, `height`, `label_width`)."""
    legend_height = 16.0
    cx, cy = width / 2, legend_height + (height - legend_height) / 2
    drawing = Drawing(width, height)
    factors = tuple(Factor)
    for score, ring in zip(profile_chart.RING_SCORES, profile_chart.rings(factors), strict=True):
        drawing.add(
            Polygon(
                _points(ring, radius, cx, cy), strokeColor=RULE, strokeWidth=0.5, fillColor=None
            )
        )
        drawing.add(
            String(
                cx + 3,
                cy + radius * score / 100 + 2,
                str(score),
                fontName=fonts.REGULAR,
                fontSize=6,
                fillColor=MUTED,
            )
        )
    axes = profile_chart.axes(factors)
    for axis in axes:
        x, y = axis.end.scaled(radius, cx, cy)
        drawing.add(Line(cx, cy, x, y, strokeColor=RULE, strokeWidth=0.5))
    if previous is not None:
        drawing.add(
            Polygon(
                _points(profile_chart.polygon(previous, factors), radius, cx, cy),
                strokeColor=PREVIOUS,
                strokeWidth=1.2,
                strokeDashArray=[3, 2],
                fillColor=None,
            )
        )
    shape = profile_chart.polygon(scores, factors)
    drawing.add(
        Polygon(
            _points(shape, radius, cx, cy),
            strokeColor=ACCENT,
            strokeWidth=1.6,
            fillColor=ACCENT,
            fillOpacity=0.22,
        )
    )
    for point in shape:
        x, y = point.scaled(radius, cx, cy)
        drawing.add(Circle(x, y, 2, fillColor=ACCENT, strokeColor=None))
    for axis in axes:
        value = scores.get(axis.factor)
        lines = _wrap(labels.get(axis.factor, axis.factor.label), label_width, LABEL_SIZE)
        lines.append("not rated" if value is None else str(rounded(value)))
        _label(drawing, axis, lines, radius, cx, cy)
    _legend(drawing, width, legend)
    return drawing


def _label(
    drawing: Drawing,
    axis: profile_chart.Axis,
    lines: list[str],
    radius: float,
    cx: float,
    cy: float,
) -> None:
    x, y = axis.label_anchor.scaled(radius, cx, cy)
    anchor = {"left": "start", "centre": "middle", "right": "end"}[axis.halign.value]
    leading = LABEL_SIZE + 2
    block = leading * len(lines)
    if axis.valign is profile_chart.VAlign.BOTTOM:
        top = y + block
    elif axis.valign is profile_chart.VAlign.TOP:
        top = y - 2
    else:
        top = y + block / 2
    for index, line in enumerate(lines):
        last = index == len(lines) - 1
        drawing.add(
            String(
                x,
                top - leading * (index + 1) + 2,
                line,
                textAnchor=anchor,
                fontName=fonts.BOLD if last else fonts.REGULAR,
                fontSize=LABEL_SIZE,
                fillColor=ACCENT if last else INK,
            )
        )


def _legend(drawing: Drawing, width: float, legend: tuple[str, str | None]) -> None:
    latest, previous = legend
    x = max(width / 2 - 120, 0)
    drawing.add(
        Rect(x, 4, 14, 7, fillColor=ACCENT, fillOpacity=0.22, strokeColor=ACCENT, strokeWidth=1)
    )
    drawing.add(String(x + 19, 5, latest, fontName=fonts.REGULAR, fontSize=7.5, fillColor=INK))
    if previous:
        x2 = x + 130
        drawing.add(
            PolyLine(
                [x2, 7.5, x2 + 14, 7.5],
                strokeColor=PREVIOUS,
                strokeWidth=1.2,
                strokeDashArray=[3, 2],
            )
        )
        drawing.add(
            String(x2 + 19, 5, previous, fontName=fonts.REGULAR, fontSize=7.5, fillColor=INK)
        )


def _nice_step(top: int) -> int:
    """A round tick step giving at most five ticks up to `top`."""
    if top <= 5:
        return 1
    magnitude = int(10 ** math.floor(math.log10(top / 5)))
    for factor in (1, 2, 5, 10):
        if top / (factor * magnitude) <= 5:
            return factor * magnitude
    return 10 * magnitude


def bar_chart(width: float, data: Sequence[Bin], height: float = 150.0) -> Drawing:
    """One bar per bin with its count above it, a light grid and every label that fits."""
    drawing = Drawing(width, height)
    left, bottom, top_pad = 28.0, 18.0, 12.0
    plot_w, plot_h = width - left - 4, height - bottom - top_pad
    peak = max((b.count for b in data), default=0)
    step = _nice_step(max(peak, 1))
    top = step * math.ceil(max(peak, 1) / step)
    for tick in range(0, top + 1, step):
        y = bottom + plot_h * tick / top
        drawing.add(
            Line(
                left,
                y,
                left + plot_w,
                y,
                strokeColor=RULE if tick else MUTED,
                strokeWidth=0.4 if tick else 0.8,
            )
        )
        drawing.add(
            String(
                left - 4,
                y - 2.5,
                f"{tick:,}",
                textAnchor="end",
                fontName=fonts.REGULAR,
                fontSize=7,
                fillColor=MUTED,
            )
        )
    if not data:
        return drawing
    slot = plot_w / len(data)
    bar = min(slot * 0.68, 36.0)
    every = max(1, math.ceil(len(data) / 14))
    for index, item in enumerate(data):
        x = left + slot * index + (slot - bar) / 2
        h = plot_h * item.count / top
        if h > 0:
            drawing.add(Rect(x, bottom, bar, h, fillColor=ACCENT, strokeColor=None))
        if len(data) <= 26 and item.count:
            drawing.add(
                String(
                    x + bar / 2,
                    bottom + h + 2,
                    f"{item.count:,}",
                    textAnchor="middle",
                    fontName=fonts.REGULAR,
                    fontSize=6.5,
                    fillColor=INK,
                )
            )
        if index % every == 0:
            drawing.add(
                String(
                    x + bar / 2,
                    bottom - 10,
                    item.label,
                    textAnchor="middle",
                    fontName=fonts.REGULAR,
                    fontSize=6.5,
                    fillColor=MUTED,
                )
            )
    return drawing


class ProgressBar(Flowable):  # type: ignore[misc]  # ReportLab has no type hints
    """A drawn progress bar with its percentage beside it."""

    def __init__(self, percent: int, width: float, *, at_risk: bool = False) -> None:
        super().__init__()
        self.percent = min(max(percent, 0), 100)
        self.bar_width = width - 24
        self.width, self.height = width, 9.0
        self.colour = WARN if at_risk else ACCENT

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        canvas.setFillColor(SHADE)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.4)
        canvas.roundRect(0, 1.5, self.bar_width, 6, 2, stroke=1, fill=1)
        if self.percent:
            canvas.setFillColor(self.colour)
            canvas.roundRect(
                0, 1.5, max(self.bar_width * self.percent / 100, 3), 6, 2, stroke=0, fill=1
            )
        canvas.setFillColor(INK)
        canvas.setFont(fonts.REGULAR, 7.5)
        canvas.drawRightString(self.width, 2, f"{self.percent}%")


class CheckBox(Flowable):  # type: ignore[misc]
    """An empty box to tick by hand; red-edged when the item is overdue."""

    def __init__(self, *, overdue: bool = False) -> None:
        super().__init__()
        self.width = self.height = 9.0
        self.colour: Any = BAD if overdue else INK

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        self.canv.setStrokeColor(self.colour)
        self.canv.setFillColor(colors.white)
        self.canv.setLineWidth(0.8)
        self.canv.rect(0, 0, 8, 8, stroke=1, fill=1)
