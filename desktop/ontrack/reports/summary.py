"""The one-page summary as a PDF: who and which transition, the profile chart beside the
top strength and opportunity, open goals with progress bars, the period's feedback and
network in numbers, and the five most pressing things due in the next 30 days.

One page with any data: every piece of user text is cut to one line by its printed width
(`fit`), every list has a fixed number of rows, and the whole page sits in a KeepInFrame
that shrinks it should the rest ever not be enough. Imported only when a summary is made.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    KeepInFrame,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from .. import APP_NAME, __version__
from ..domain.content import Content
from ..domain.dataset import Dataset
from ..domain.report_options import ReportOptions
from ..domain.report_period import format_day
from . import fonts
from .charts import ProgressBar, radar
from .gather import factor_labels
from .gather_summary import gather_summary
from .model import SummaryData
from .sections.due import due_cell, overdue_colours
from .styles import (
    ACCENT,
    ACCENT_LIGHT,
    BODY_WIDTH,
    INK,
    MUTED,
    RULE,
    SHADE,
    WARN,
    Kit,
    hex_colour,
)
from .text import FontCoverage, clean, is_cjk, one_line

MARGIN_TOP = 16 * mm
MARGIN_BOTTOM = 16 * mm
CHART_WIDTH = 100 * mm
CELL_PADDING = 14  # a table cell's left and right padding, and a little to spare
# Plain text cells (dates) in the "cell" paragraph style's font.
CELL_TEXT = [
    ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),
    ("FONTSIZE", (0, 0), (-1, -1), 8.5),
    ("LEADING", (0, 0), (-1, -1), 11),
    ("TEXTCOLOR", (0, 0), (-1, -1), INK),
]


def fit(text: str, width: float, size: float, coverage: FontCoverage, *, bold: bool = False) -> str:
    """`text` on one line no wider than `width` at `size`, cut with "…" if it must be.
    Characters drawn from the CJK fallback count a full em, as they print."""
    font = fonts.BOLD if bold else fonts.REGULAR
    line = one_line(clean(text), 300)

    def wide(candidate: str) -> float:
        own = "".join(c for c in candidate if ord(c) in coverage.main or not is_cjk(c))
        return float(stringWidth(own, font, size)) + size * (len(candidate) - len(own))

    if wide(line) <= width:
        return line
    low, high = 0, len(line)
    while low < high:  # the longest prefix that fits with its "…"
        middle = (low + high + 1) // 2
        if wide(line[:middle].rstrip() + "…") <= width:
            low = middle
        else:
            high = middle - 1
    return line[:low].rstrip() + "…"


class _Page:
    """The summary's flowables, built from SummaryData with one Kit."""

    def __init__(self, kit: Kit, data: SummaryData, labels: dict[Any, str]) -> None:
        self.kit, self.data, self.labels = kit, data, labels

    def line(self, text: str, style: str, width: float = BODY_WIDTH + CELL_PADDING) -> Paragraph:
        """`text` on one line of a cell `width` wide (a table cell's padding taken off)."""
        width -= CELL_PADDING
        size = self.kit.styles[style].fontSize
        bold = self.kit.styles[style].fontName == fonts.BOLD
        return self.kit.ours(self.kit.esc(fit(text, width, size, self.kit.coverage, bold=bold)),
                             style)  # fmt: skip

    def heading(self, text: str) -> Paragraph:
        return self.kit.ours(text, "s_h2")

    def story(self) -> list[Any]:
        return [
            *self.who(),
            self.profile(),
            self.heading("Goals"),
            *self.goals(),
            self.heading("This period in numbers"),
            self.numbers(),
            self.heading(f"Next 30 days, to {format_day(self.data.due.until)}"),
            *self.next_items(),
        ]

    def who(self) -> list[Any]:
        cover = self.data.cover
        now, then = cover.current_role, cover.target_role
        roles = (
            f"{now} → {then}" if now and then else now or (f"Aiming for: {then}" if then else "")
        )
        story = [
            self.kit.ours("PROGRESS SUMMARY", "s_kicker"),
            self.line(cover.name or "Your progress", "s_name"),
        ]
        if roles:
            story.append(self.line(roles, "s_roles"))
        story.append(self.kit.ours(f"{cover.period_label} · made {format_day(cover.made_on)}",
                                   "meta"))  # fmt: skip
        return story

    def profile(self) -> Any:
        part = self.data.assessment
        side = BODY_WIDTH - CHART_WIDTH
        if part is None:
            words = "No assessment completed yet: take it in OnTrack's Assessment tab."
            return self.kit.empty(words)
        previous = f"Previous, {format_day(part.previous_on)}" if part.previous_on else None
        legend = (f"Latest, {format_day(part.taken_on)}", previous)
        chart = radar(CHART_WIDTH, self.labels, part.scores, part.previous_scores, legend,
                      radius=52, height=182, label_width=78)  # fmt: skip
        cards: list[Any] = [self.kit.ours(f"Assessment of {format_day(part.taken_on)}", "s_h3")]
        for title, found, none in (
            ("TOP STRENGTH", part.strengths, "None yet (no factor at 70 or more)"),
            ("TOP OPPORTUNITY", part.opportunities, "None: every factor is 70 or more"),
        ):
            cards.append(self.kit.ours(title, "cell_head"))
            if found:
                top = found[0]
                cards.append(self.line(f"{top.label} · {top.score}", "s_card", side))
                cards.append(self.kit.ours(self.kit.esc(one_line(top.tip or top.text, 150)),
                                           "s_note"))  # fmt: skip
            else:
                cards.append(self.kit.ours(none, "s_note"))
            cards.append(Spacer(1, 6))
        table = Table([[chart, cards]], colWidths=[CHART_WIDTH, side], hAlign="LEFT")
        table.setStyle(TableStyle([
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("BACKGROUND", (1, 0), (1, 0), ACCENT_LIGHT),
            ("LEFTPADDING", (1, 0), (1, 0), 8),
            ("RIGHTPADDING", (1, 0), (1, 0), 8),
            ("LEFTPADDING", (0, 0), (0, 0), 0),
        ]))  # fmt: skip
        return table

    def goals(self) -> list[Any]:
        goals = self.data.goals
        if not goals:
            return [self.kit.ours("No open goals. Set one in OnTrack's Goals tab.", "muted")]
        bar = 30 * mm
        title_width = BODY_WIDTH - (bar + 8) - 58 * mm
        rows = []
        for row in goals.items:
            status = self.kit.esc(row.status)
            if row.at_risk:
                status = f'<font color="{hex_colour(WARN)}"><b>{status}</b></font>'
            rows.append([
                self.line(row.title, "cell_bold", title_width),
                ProgressBar(row.progress, bar, at_risk=row.at_risk),
                self.kit.ours(status, "cell"),
                self.kit.day(row.deadline, late=row.overdue),
            ])  # fmt: skip
        table = Table(rows, colWidths=[title_width, bar + 8, 30 * mm, 28 * mm], hAlign="LEFT")
        table.setStyle(TableStyle([
            *CELL_TEXT,
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ("LEFTPADDING", (0, 0), (0, -1), 0),
            ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
        ]))  # fmt: skip
        story: list[Any] = [table]
        if goals.more:
            story.append(self.kit.ours(f"… and {goals.more:,} more open goals in OnTrack",
                                       "muted"))  # fmt: skip
        return story

    def numbers(self) -> Any:
        glance = self.data.glance
        figures = (
            (glance.feedback_received, "feedback received"),
            (glance.feedback_followed_up, "followed up"),
            (self.data.interactions, "interactions"),
            (glance.people_met, "people met"),
            (glance.people_reconnected, "reconnected with"),
            (glance.events_attended, "events"),
        )
        cells = [[self.kit.ours(f"{value:,}", "s_stat"), self.kit.ours(label, "stat_label")]
                 for value, label in figures]  # fmt: skip
        grid = Table([cells], colWidths=[BODY_WIDTH / len(cells)] * len(cells), hAlign="LEFT")
        grid.setStyle(TableStyle([
            ("BACKGROUND", (0, 0), (-1, -1), SHADE),
            ("LINEAFTER", (0, 0), (-2, -1), 3, "white"),
            ("TOPPADDING", (0, 0), (-1, -1), 5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
        ]))  # fmt: skip
        return grid

    def next_items(self) -> list[Any]:
        due = self.data.due
        if not self.data.top_due:
            return [self.kit.ours("Nothing is due and nothing is overdue.", "muted")]
        what_width = BODY_WIDTH - 26 * mm
        rows = []
        for item in self.data.top_due:
            words = [self.line(item.text, "cell", what_width)]
            kind = item.kind.label
            detail = f"{kind} · {item.context}" if item.context else kind
            words.append(self.line(detail, "muted", what_width))
            rows.append([due_cell(item), words])
        table = Table(rows, colWidths=[26 * mm, what_width], hAlign="LEFT")
        table.setStyle(TableStyle([
            *CELL_TEXT,
            *overdue_colours(self.data.top_due, 0, first_row=0),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ("LEFTPADDING", (0, 0), (0, -1), 0),
            ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
        ]))  # fmt: skip
        rest = due.total - len(self.data.top_due)
        story: list[Any] = [table]
        if rest > 0:
            story.append(self.kit.ours(f"… and {rest:,} more due or overdue: the full report's "
                                       "Next 30 days lists them.", "muted"))  # fmt: skip
        return story


class _SummaryTemplate(BaseDocTemplate):  # type: ignore[misc]  # ReportLab has no type hints
    def __init__(self, buffer: io.BytesIO, page: tuple[float, float], footer: str, **kw: Any):
        side = (page[0] - BODY_WIDTH) / 2
        super().__init__(buffer, pagesize=page, leftMargin=side, rightMargin=side,
                         topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM, **kw)  # fmt: skip
        self._footer = footer
        frame = Frame(side, MARGIN_BOTTOM, self.width, self.height, id="summary",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)  # fmt: skip
        self.addPageTemplates([PageTemplate(id="summary", frames=[frame], onPage=self._decorate)])

    def _decorate(self, canvas: Any, doc: Any) -> None:
        width, height = self.pagesize
        canvas.saveState()
        canvas.setFillColor(ACCENT)
        canvas.rect(0, height - 8, width, 8, stroke=0, fill=1)
        canvas.setFont(fonts.REGULAR, 7.5)
        canvas.setFillColor(MUTED)
        canvas.drawString(self.leftMargin, MARGIN_BOTTOM - 22, self._footer)
        canvas.restoreState()


def render_summary(
    dataset: Dataset, content: Content, options: ReportOptions, today: dt.date
) -> bytes:
    return build_summary(dataset, content, options, today)[0]


def build_summary(
    dataset: Dataset, content: Content, options: ReportOptions, today: dt.date
) -> tuple[bytes, float]:
    """The PDF, and by how much the page had to be shrunk to fit (1.0: not at all, it fitted
    as laid out, which the tests check for the demo data and for hostile text)."""
    data = gather_summary(dataset, content, options, today)
    kit = Kit(fonts.coverage())
    name = one_line(clean(data.cover.name), 80)
    buffer = io.BytesIO()
    footer = (f"Made {format_day(today)} with {APP_NAME} {__version__} · private: share it "
              "with whom you choose")  # fmt: skip
    template = _SummaryTemplate(
        buffer,
        options.page_size.points,
        footer,
        title=f"Progress summary · {name}" if name else "Progress summary",
        author=name or APP_NAME,
        subject=f"{APP_NAME} progress summary, {data.cover.period_label}",
        creator=f"{APP_NAME} {__version__}",
        invariant=1 if options.invariant else 0,
        lang="en",
    )
    story = _Page(kit, data, factor_labels(content)).story()
    # The safety net: should the content ever be taller than the page, it is shrunk to fit.
    page = KeepInFrame(template.width, template.height, story, mode="shrink")
    template.build([page])
    return buffer.getvalue(), float(getattr(page, "_scale", 1.0))
