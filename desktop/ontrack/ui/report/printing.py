"""Printing a PDF's pages on a QPrinter: each page rendered at the printer's resolution
and painted to fit the printable area, keeping its proportions.

Separate from the dialog so that "print these pages to this printer" runs without a
print dialog (tests print to a PDF file through the same code).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter


class PrintError(Exception):
    """The printer could not be started (no such printer, output file not writable)."""


def pages_to_print(printer: QPrinter, page_count: int) -> range:
    """The pages the print dialog asked for (0-based), or all of them."""
    first, last = printer.fromPage(), printer.toPage()
    if printer.printRange() != QPrinter.PrintRange.PageRange or first <= 0 or last <= 0:
        return range(page_count)
    return range(max(first, 1) - 1, min(last, page_count))


def print_document(
    document: QPdfDocument,
    printer: QPrinter,
    on_page: Callable[[int, int], None] | None = None,
) -> int:
    """Print `document` on `printer`; returns the number of pages printed.

    `on_page(done, total)` is called after each page (to show progress and keep the
    window painting). Raises PrintError if the printer cannot begin.
    """
    pages = pages_to_print(printer, document.pageCount())
    if not pages:
        return 0
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintError("The printer could not be started.")
    try:
        dpi = printer.resolution()
        for done, page in enumerate(pages):
            if done:
                printer.newPage()
            area = printer.pageLayout().paintRectPixels(dpi)
            target = _fitted(document.pagePointSize(page).toSize(), area.size(), dpi)
            image = document.render(page, _rendered_size(target, dpi))
            # paintRectPixels is in device pixels from the paper's corner; the painter's
            # origin is already the printable area's corner.
            x = (area.width() - target.width()) // 2
            y = (area.height() - target.height()) // 2
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawImage(QRect(x, y, target.width(), target.height()), image)
            if on_page is not None:
                on_page(done + 1, len(pages))
    finally:
        painter.end()
    return len(pages)


# A page rendered at 1200 dpi would take half a gigabyte; 300 dpi is sharp on paper.
MAX_RENDER_DPI = 300


def _rendered_size(target: QSize, dpi: int) -> QSize:
    """The size to render a page at: the printer's pixels, up to MAX_RENDER_DPI (the
    painter scales the image to the target rectangle)."""
    if dpi <= MAX_RENDER_DPI:
        return target
    scale = MAX_RENDER_DPI / dpi
    return QSize(max(1, round(target.width() * scale)), max(1, round(target.height() * scale)))


def _fitted(page_points: QSize, area: QSize, dpi: int) -> QSize:
    """The page's size in printer pixels at its real size, shrunk to fit `area` if needed."""
    natural = QSize(round(page_points.width() * dpi / 72), round(page_points.height() * dpi / 72))
    if natural.width() <= area.width() and natural.height() <= area.height():
        return natural
    return natural.scaled(area, Qt.AspectRatioMode.KeepAspectRatio)
