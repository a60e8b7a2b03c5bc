"""Table columns that show a date, a number or a status are as wide as their widest possible
text (and their title), so that nothing in them is ever cut ("22 Nov 2…"); the text columns
share what is left, and elide with "…" (the whole text in the cell's tooltip)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from PySide6.QtWidgets import QStyle, QTableView

from ..domain.dates import written

# Every month on a two-digit day: the widest a date of ours can be written.
DATE_SAMPLES = tuple(written(date(2026, month, 28)) for month in range(1, 13))


def fit_column(view: QTableView, column: int, samples: Iterable[str], extra: int = 0) -> int:
    """Size `column` for the widest of `samples` in the view's font (plus `extra` pixels for
    an icon or a painted bar), never narrower than its title; the width it got."""
    metrics = view.fontMetrics()
    margin = 2 * (view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1)
    text = max((metrics.horizontalAdvance(sample) for sample in samples), default=0)
    header = view.horizontalHeader()
    title = header.sectionSizeFromContents(column).width()
    width = max(text + margin + extra + 8, title)
    header.resizeSection(column, width)
    return width


def fit_date_columns(view: QTableView, columns: Iterable[int]) -> None:
    for column in columns:
        fit_column(view, column, DATE_SAMPLES)
