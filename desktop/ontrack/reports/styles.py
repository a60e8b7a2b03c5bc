"""The report's look: page geometry, colours, paragraph and table styles, and `Kit`, the
helper every section uses to turn user text (escaped) and our own words into flowables.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from ..domain.report_period import format_day
from . import fonts
from .model import Capped
from .text import FontCoverage, escape

T = TypeVar("T")

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 20 * mm
MARGIN_TOP = 24 * mm
MARGIN_BOTTOM = 20 * mm
# The text column is as wide on Letter as on A4 (Letter's side margins are 3 mm wider), so
# every table and chart is laid out once; only the page's height differs.
BODY_WIDTH = PAGE_WIDTH - 2 * MARGIN_X


def margin_x(page_width: float) -> float:
    """The side margin that centres the BODY_WIDTH column on a page this wide."""
    return float((page_width - BODY_WIDTH) / 2)


INK = colors.HexColor("#1F2933")
MUTED = colors.HexColor("#5F6B7A")
ACCENT = colors.HexColor("#0F6E6A")
ACCENT_LIGHT = colors.HexColor("#E3F2F0")
SHADE = colors.HexColor("#F4F6F8")
RULE = colors.HexColor("#CBD2D9")
GOOD = colors.HexColor("#1E7A46")
WARN = colors.HexColor("#B35C00")
BAD = colors.HexColor("#B42318")
PREVIOUS = colors.HexColor("#8A94A3")


def _stylesheet() -> dict[str, ParagraphStyle]:
    body = ParagraphStyle(
        "body", fontName=fonts.REGULAR, fontSize=9.5, leading=13, textColor=INK, spaceAfter=4
    )
    small = ParagraphStyle("small", parent=body, fontSize=8.5, leading=11, spaceAfter=0)
    styles = {
        "body": body,
        "small": small,
        "cell": ParagraphStyle("cell", parent=small, spaceAfter=0),
        "cell_bold": ParagraphStyle("cell_bold", parent=small, fontName=fonts.BOLD),
        "cell_right": ParagraphStyle("cell_right", parent=small, alignment=TA_RIGHT),
        "cell_head": ParagraphStyle(
            "cell_head", parent=small, fontName=fonts.BOLD, fontSize=8, textColor=ACCENT
        ),
        "cell_head_right": ParagraphStyle(
            "cell_head_right", parent=small, fontName=fonts.BOLD, fontSize=8, textColor=ACCENT,
            alignment=TA_RIGHT,
        ),
        "muted": ParagraphStyle("muted", parent=small, textColor=MUTED),
        "meta": ParagraphStyle("meta", parent=small, textColor=MUTED, spaceAfter=2),
        "h1": ParagraphStyle(
            "h1", parent=body, fontName=fonts.BOLD, fontSize=18, leading=22, textColor=ACCENT,
            spaceBefore=16, spaceAfter=4,
        ),
        "h2": ParagraphStyle(
            "h2", parent=body, fontName=fonts.BOLD, fontSize=12, leading=15, textColor=INK,
            spaceBefore=10, spaceAfter=5,
        ),
        "h3": ParagraphStyle(
            "h3", parent=body, fontName=fonts.BOLD, fontSize=10, leading=13, textColor=ACCENT,
            spaceBefore=8, spaceAfter=3,
        ),
        "lead": ParagraphStyle("lead", parent=body, fontSize=10.5, leading=15, textColor=INK),
        "empty": ParagraphStyle(
            "empty", parent=body, textColor=MUTED, backColor=SHADE, borderPadding=(6, 8, 6, 8),
            leftIndent=8, rightIndent=8, spaceBefore=8, spaceAfter=10,
        ),
        "quote": ParagraphStyle(
            "quote", parent=body, leftIndent=10, borderColor=ACCENT_LIGHT, borderWidth=0,
            spaceAfter=3,
        ),
        "stat": ParagraphStyle(
            "stat", parent=body, fontName=fonts.BOLD, fontSize=20, leading=24, textColor=ACCENT,
            alignment=TA_CENTER, spaceAfter=0,
        ),
        "stat_label": ParagraphStyle(
            "stat_label", parent=small, textColor=MUTED, alignment=TA_CENTER, fontSize=8,
            leading=10,
        ),
        "cover_name": ParagraphStyle(
            "cover_name", parent=body, fontName=fonts.BOLD, fontSize=30, leading=36,
            textColor=INK, spaceAfter=8,
        ),
        "cover_title": ParagraphStyle(
            "cover_title", parent=body, fontName=fonts.BOLD, fontSize=13, leading=16,
            textColor=ACCENT, spaceAfter=18,
        ),
        "cover_line": ParagraphStyle(
            "cover_line", parent=body, fontSize=12, leading=17, textColor=INK, spaceAfter=2
        ),
        # The one-page summary's own, tighter sizes.
        "s_kicker": ParagraphStyle(
            "s_kicker", parent=body, fontName=fonts.BOLD, fontSize=9, leading=11,
            textColor=ACCENT, spaceAfter=2,
        ),
        "s_name": ParagraphStyle(
            "s_name", parent=body, fontName=fonts.BOLD, fontSize=20, leading=24, spaceAfter=0,
        ),
        "s_roles": ParagraphStyle("s_roles", parent=body, fontSize=11, leading=14, spaceAfter=1),
        "s_h2": ParagraphStyle(
            "s_h2", parent=body, fontName=fonts.BOLD, fontSize=11, leading=14, textColor=ACCENT,
            spaceBefore=9, spaceAfter=3,
        ),
        "s_h3": ParagraphStyle(
            "s_h3", parent=small, fontName=fonts.BOLD, textColor=INK, spaceAfter=6,
        ),
        "s_card": ParagraphStyle(
            "s_card", parent=body, fontName=fonts.BOLD, fontSize=10, leading=13, spaceAfter=1,
        ),
        "s_note": ParagraphStyle("s_note", parent=small, fontSize=8, leading=10, textColor=INK),
        "s_stat": ParagraphStyle(
            "s_stat", parent=body, fontName=fonts.BOLD, fontSize=15, leading=18,
            textColor=ACCENT, alignment=TA_CENTER, spaceAfter=0,
        ),
    }  # fmt: skip
    return styles


class Kit:
    """Styles plus the one way to put text into the report.

    `user()` is for anything a person typed (escaped, CJK runs in the fallback font);
    `ours()` is for OnTrack's own markup, which may hold already-escaped user text.
    """

    def __init__(self, coverage: FontCoverage) -> None:
        self.coverage = coverage
        self.styles = _stylesheet()

    def esc(self, text: str, *, multiline: bool = False) -> str:
        return escape(text, multiline=multiline, coverage=self.coverage)

    def user(self, text: str, style: str = "body", *, multiline: bool = False) -> Paragraph:
        return Paragraph(self.esc(text, multiline=multiline), self.styles[style])

    def ours(self, markup: str, style: str = "body") -> Paragraph:
        return Paragraph(markup, self.styles[style])

    def empty(self, message: str) -> Paragraph:
        """The plain statement an empty section or list prints instead of disappearing."""
        return Paragraph(message, self.styles["empty"])

    def more(self, count: int, what: str) -> list[Any]:
        """'… and 1,234 more <what>' under a capped list (nothing if none was left out)."""
        if count <= 0:
            return []
        return [Spacer(1, 2), Paragraph(f"… and {count:,} more {what}", self.styles["muted"])]

    def listing(
        self,
        capped: Capped[T],
        header: Sequence[str],
        widths: Sequence[float],
        row: Callable[[T], Sequence[Any]],
        *,
        more: str,
        empty: str,
        note: str = "",
        numeric: Sequence[int] = (),
    ) -> list[Any]:
        """A capped list as a table (with `note` above it, and "… and N `more`" as its last
        row), or, when there is nothing, the plain statement `empty`."""
        if not capped:
            return [self.empty(empty)]
        rows = [row(item) for item in capped.items]
        table = self.table(header, rows, widths, more=(capped.more, more), numeric=numeric)
        return [self.ours(note, "meta"), table] if note else [table]

    def table(
        self,
        header: Sequence[str],
        rows: Sequence[Sequence[Any]],
        widths: Sequence[float],
        *,
        extra: Sequence[tuple[Any, ...]] = (),
        more: tuple[int, str] | None = None,
        numeric: Sequence[int] = (),
        notes: Sequence[str] = (),
    ) -> Any:
        """A data table: a header repeated on every page it runs onto, light rules, cells
        that are flowables (Paragraphs) so that long text wraps instead of running off.
        The headings of the `numeric` columns are right-aligned, over their numbers."""
        head = [
            Paragraph(h, self.styles["cell_head_right" if n in numeric else "cell_head"])
            for n, h in enumerate(header)
        ]
        body = [head, *rows]
        # "… and N more" and any `notes` (our own markup) as the table's last rows, so that
        # they never stray onto a page alone.
        lines = self.more(*more)[-1:] if more is not None else []
        lines += [Paragraph(note, self.styles["muted"]) for note in notes]
        footer: list[tuple[Any, ...]] = []
        for line in lines:
            body.append([line] + [""] * (len(header) - 1))
            row = len(body) - 1
            footer += [("SPAN", (0, row), (-1, row)), ("LINEBELOW", (0, row), (-1, row), 0, SHADE)]
        # A table that runs onto the next page takes at least its last three rows there (and
        # the lines under them): never a lone row, nor a page of "… and N more" alone.
        if len(rows) >= 4:
            footer.append(("NOSPLIT", (0, len(rows) - 2), (-1, -1)))
        table = Table(body, colWidths=list(widths), repeatRows=1, splitByRow=1, hAlign="LEFT")
        table.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 4),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                    ("TOPPADDING", (0, 0), (-1, -1), 3),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                    # Plain text cells (our own dates): drawn as the "cell" paragraph style.
                    ("FONTNAME", (0, 1), (-1, -1), fonts.REGULAR),
                    ("FONTSIZE", (0, 1), (-1, -1), 8.5),
                    ("LEADING", (0, 1), (-1, -1), 11),
                    ("TEXTCOLOR", (0, 1), (-1, -1), INK),
                    ("BACKGROUND", (0, 0), (-1, 0), ACCENT_LIGHT),
                    ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
                    ("LINEBELOW", (0, 1), (-1, -1), 0.25, RULE),
                    *extra,
                    *footer,
                ]
            )
        )
        # Breaks between rows, header repeated; sections.common.block keeps a short table
        # whole with its heading.
        return table

    def cell(self, text: str, style: str = "cell", *, multiline: bool = False) -> Paragraph:
        return self.user(text, style, multiline=multiline)

    def day(self, day: dt.date | None, *, late: bool = False) -> Paragraph | str:
        """A date for a table cell: plain text (a table draws it in the cell style, much
        faster than a Paragraph; there are hundreds), or red when it is past."""
        if day is None:
            return "—"
        if late:
            return Paragraph(f'<font color="{hex_colour(BAD)}">{format_day(day)}</font>',
                             self.styles["cell"])  # fmt: skip
        return format_day(day)


def hex_colour(colour: colors.Color) -> str:
    """'#rrggbb' for a <font color> attribute."""
    value: str = colour.hexval()
    return "#" + value[2:]
