"""How the report falls onto pages: numeric headings over their numbers, a heading kept
with the start of its table (not a page break before a long one), and no lone last page."""

from __future__ import annotations

import io
from datetime import date

import pytest
from reportlab.lib.enums import TA_RIGHT
from reportlab.platypus import SimpleDocTemplate, Spacer

from ontrack.demo import generate
from ontrack.domain.report_options import Section
from ontrack.reports import ReportOptions, build_report, fonts
from ontrack.reports.sections.common import block, keep_headings
from ontrack.reports.styles import BODY_WIDTH, Kit

from . import content, pdf_pages

TODAY = date(2026, 11, 24)
MARGIN = 50
FRAME = 685  # SimpleDocTemplate's frame on A4, in points


@pytest.fixture(scope="module")
def kit() -> Kit:
    return Kit(fonts.coverage())


def test_numeric_headings_are_right_aligned(kit: Kit) -> None:
    table = kit.table(["Factor", "Score", "Change"], [["Teamwork", "55", "+5"]],
                      [BODY_WIDTH - 60, 30, 30], numeric=(1, 2))  # fmt: skip
    head = table._cellvalues[0]
    assert head[0].style.alignment != TA_RIGHT
    assert [cell.style.alignment for cell in head[1:]] == [TA_RIGHT, TA_RIGHT]


def _pages_with(kit: Kit, filler: float, rows: int) -> list[str]:
    """A page filled `filler` points down, then a heading and a table of `rows` rows."""
    body = [[f"row {n}", f"text {n}"] for n in range(rows)]
    table = kit.table(["Date", "What"], body, [100, BODY_WIDTH - 100])
    story = [Spacer(1, filler), *block(kit, Section.GOALS, "The heading", [table])]
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, leftMargin=MARGIN, rightMargin=MARGIN)
    doc.build(keep_headings(story))
    return pdf_pages(buffer.getvalue())


def test_a_heading_stays_with_the_start_of_a_long_table_where_it_fits(kit: Kit) -> None:
    # Two fifths of the page left: the heading and the first rows go there, the rest runs on.
    pages = _pages_with(kit, FRAME * 0.6, rows=60)
    assert "The heading" in pages[0]
    assert "row 0" in pages[0]
    assert "row 59" in pages[-1]
    # No room for more than the heading: it moves with its table, never alone at the foot.
    pages = _pages_with(kit, FRAME - 60, rows=60)
    assert "The heading" not in pages[0]
    assert "The heading" in pages[1]
    assert "row 0" in pages[1]


def test_a_short_block_moves_whole(kit: Kit) -> None:
    pages = _pages_with(kit, FRAME - 100, rows=4)
    assert "The heading" in pages[1]
    assert "row 3" in pages[1]


def test_a_table_that_runs_on_takes_three_rows_with_it(kit: Kit) -> None:
    for filler in range(100, FRAME, 37):
        pages = _pages_with(kit, filler, rows=45)
        if len(pages) > 1:
            assert sum(f"row {n}" in pages[-1] for n in range(45)) >= 3


@pytest.mark.parametrize("size", ["small", "large"])
def test_the_last_page_is_not_a_few_lonely_lines(size: str, request: pytest.FixtureRequest) -> None:
    # The large demo is the session's, generated once.
    large = size == "large"
    dataset = request.getfixturevalue("large_dataset") if large else generate(size, 1, TODAY)
    pages = pdf_pages(build_report(dataset, content(), ReportOptions(), TODAY))
    lines = [line for line in pages[-1].splitlines() if line.strip()]
    assert len(lines) >= 8, pages[-1]
