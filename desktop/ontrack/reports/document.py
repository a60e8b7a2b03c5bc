"""The PDF document: A4 or Letter pages with a cover, a running header and a "Page X of Y" footer,
the outline (bookmarks) of the sections, and the document's metadata.

"Page X of Y" needs the page count before the first page is written, so the canvas
holds every finished page back (as pretix's NumberedCanvas does) and writes them all
when the story is done, adding the footer then. Bookmarks would point at the wrong page
if made while pages are held back, so headings only *note* their outline entry on the
page that holds them, and the entries are made as each page is finally written.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import TimeStamp
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph

from .. import APP_NAME, __version__
from ..domain.report_period import format_day
from . import fonts
from .styles import ACCENT, BODY_WIDTH, MARGIN_BOTTOM, MARGIN_TOP, MUTED, RULE, margin_x

_HEADER_STYLE = ParagraphStyle(
    "running", fontName=fonts.REGULAR, fontSize=7.5, leading=9, textColor=MUTED
)


@dataclass(frozen=True, slots=True)
class Running:
    """What the header and footer of every page after the cover say. The left of the
    header holds the person's name, so it is Paragraph markup (escaped, CJK runs in the
    fallback font); the rest is our own plain text."""

    header_left: str
    header_right: str
    footer_left: str


@dataclass(frozen=True, slots=True)
class OutlineEntry:
    title: str
    level: int
    key: str


class NumberedCanvas(Canvas):  # type: ignore[misc]  # ReportLab has no type hints
    def __init__(self, *args: Any, running: Running, made_on: dt.date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._running = running
        self._held_pages: list[dict[str, Any]] = []
        self._outline_here: list[tuple[OutlineEntry, float]] = []
        if kwargs.get("invariant"):
            self._date_document(made_on)

    def _date_document(self, made_on: dt.date) -> None:
        # Invariant mode dates every PDF 1 Jan 2000; the day the report was made is just as
        # reproducible and says something true. (A private attribute; checked by a test.)
        stamp = TimeStamp(invariant=True)
        stamp.YMDhms = (made_on.year, made_on.month, made_on.day, 0, 0, 0)
        self._doc._timeStamp = stamp

    def note_outline(self, entry: OutlineEntry, top: float) -> None:
        self._outline_here.append((entry, top))

    def showPage(self) -> None:
        self._held_pages.append(dict(self.__dict__))
        self._outline_here = []
        self._startPage()

    def save(self) -> None:
        total = len(self._held_pages)
        for state in self._held_pages:
            self.__dict__.update(state)
            if self._pageNumber > 1:
                self._draw_footer(total)
            for entry, top in self._outline_here:
                self.bookmarkPage(entry.key, fit="XYZ", top=top)
                self.addOutlineEntry(entry.title, entry.key, level=entry.level)
            Canvas.showPage(self)
        self.showOutline()
        Canvas.save(self)

    def _draw_footer(self, total: int) -> None:
        self.saveState()
        self.setFont(fonts.REGULAR, 7.5)
        self.setFillColor(MUTED)
        y = MARGIN_BOTTOM - 10 * 2.5
        left = margin_x(self._pagesize[0])
        self.drawString(left, y, self._running.footer_left)
        self.drawRightString(left + BODY_WIDTH, y, f"Page {self._pageNumber} of {total}")
        self.restoreState()


class ReportTemplate(BaseDocTemplate):  # type: ignore[misc]
    """A cover page without header, then body pages with the running header."""

    def __init__(
        self,
        buffer: io.BytesIO,
        running: Running,
        page: tuple[float, float],
        **kwargs: Any,
    ) -> None:
        side = margin_x(page[0])
        super().__init__(
            buffer,
            pagesize=page,
            leftMargin=side,
            rightMargin=side,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            **kwargs,
        )
        self._running = running
        self.page_width, self.page_height = page
        frame = Frame(
            side, MARGIN_BOTTOM, self.width, self.height,
            leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body",
        )  # fmt: skip
        self.addPageTemplates(
            [
                PageTemplate(id="cover", frames=[frame], onPage=self._cover_page),
                PageTemplate(id="body", frames=[frame], onPage=self._body_page),
            ]
        )

    def _cover_page(self, canvas: Canvas, doc: Any) -> None:
        canvas.saveState()
        canvas.setFillColor(ACCENT)
        canvas.rect(0, self.page_height - 14, self.page_width, 14, stroke=0, fill=1)
        canvas.restoreState()

    def _body_page(self, canvas: Canvas, doc: Any) -> None:
        canvas.saveState()
        y = self.page_height - MARGIN_TOP + 14
        left = self.leftMargin
        canvas.setFont(fonts.REGULAR, 7.5)
        canvas.setFillColor(MUTED)
        header = Paragraph(self._running.header_left, _HEADER_STYLE)
        header.wrapOn(canvas, self.width * 0.62, 12)
        header.drawOn(canvas, left, y - 2)
        canvas.drawRightString(left + BODY_WIDTH, y, self._running.header_right)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(left, y - 5, left + BODY_WIDTH, y - 5)
        canvas.restoreState()

    def afterFlowable(self, flowable: Any) -> None:
        entry = getattr(flowable, "outline_entry", None)
        if isinstance(entry, OutlineEntry):
            # The top of the heading on the page, so the bookmark opens at it.
            top = self.frame._y + flowable.height + 4
            self.canv.note_outline(entry, min(top, self.page_height))


def running_for(header_left: str, period_label: str, made_on: dt.date) -> Running:
    return Running(
        header_left=header_left,
        header_right=period_label,
        footer_left=f"Made {format_day(made_on)} with {APP_NAME} {__version__}",
    )
