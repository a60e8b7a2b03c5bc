"""The PDF progress report on the large demo data (ten busy years), one year and all time,
against a plain ReportLab document with the same number of pages (a heading, a table of
Paragraph cells and one bar chart per page, built-in fonts) built in the same process;
interleaved rounds, medians, ratios. Then the whole `ontrack report` command.

Figures only, never a threshold (see README.md beside this file).
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _fixtures import TODAY, describe, large_demo_file, ontrack, time_command

from ontrack.demo import generate
from ontrack.domain.content import load_content
from ontrack.files.resources import resource_path
from ontrack.reports import Period, ReportOptions, build_report


def plain_document(pages: int) -> bytes:
    """The baseline: `pages` pages of heading, 18-row table and a 12-bar chart."""
    from reportlab.graphics.charts.barcharts import VerticalBarChart
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table

    styles = getSampleStyleSheet()
    story: list[object] = []
    for page in range(pages):
        story.append(Paragraph(f"Section {page + 1}", styles["Heading1"]))
        rows = [
            [Paragraph(f"{page}.{row} {text}", styles["BodyText"]) for text in
             ("12 Nov 2026", "A goal title of a typical length", "3 of 5 steps", "On track")]
            for row in range(18)
        ]  # fmt: skip
        story.append(Table(rows, colWidths=[90, 170, 110, 90], repeatRows=0))
        drawing = Drawing(460, 150)
        chart = VerticalBarChart()
        chart.x, chart.y, chart.width, chart.height = 30, 20, 420, 120
        chart.data = [[(page * 7 + month * 13) % 40 + 1 for month in range(12)]]
        chart.categoryAxis.categoryNames = [f"M{month + 1}" for month in range(12)]
        drawing.add(chart)
        story.append(drawing)
        story.append(PageBreak())
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4, invariant=1).build(story)
    return buffer.getvalue()


def page_count(pdf: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(pdf)).pages)


def timed(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    content = load_content(resource_path("content"))
    dataset = generate("large", 1, TODAY)
    periods = {"one year": Period.last_12_months(TODAY), "all time": Period(None, TODAY)}
    pages = {}
    for name, period in periods.items():  # warm up: imports, font registration
        pages[name] = page_count(build_report(dataset, content, ReportOptions(period), TODAY))
        plain_document(pages[name])
    samples: dict[str, list[float]] = {}
    for _ in range(args.rounds):
        for name, period in periods.items():
            options = ReportOptions(period)
            samples.setdefault(f"report, {name} ({pages[name]} pages)", []).append(
                timed(lambda options=options: build_report(dataset, content, options, TODAY))
            )
            samples.setdefault(f"plain ReportLab, {pages[name]} pages ({name})", []).append(
                timed(lambda name=name: plain_document(pages[name]))
            )
    print("PDF report on the large demo data (in process, from the loaded data)")
    for name, values in samples.items():
        print("  " + describe(name, values))
    for name in periods:
        ours = statistics.median(samples[f"report, {name} ({pages[name]} pages)"])
        plain = statistics.median(samples[f"plain ReportLab, {pages[name]} pages ({name})"])
        print(f"  ratio {name}: {ours / plain:.2f}× the plain document")

    data = large_demo_file()
    with tempfile.TemporaryDirectory() as folder:
        out = str(Path(folder) / "report.pdf")
        commands = {
            "ontrack report, one year": ontrack("report", "--data", str(data), "--out", out),
            "ontrack report, all time": ontrack(
                "report", "--data", str(data), "--out", out, "--all"
            ),
        }
        command_samples = {
            name: [time_command(command) for _ in range(max(args.rounds // 2, 1))]
            for name, command in commands.items()
        }
    print("Whole command (start Python, open the data file, load it, build, write)")
    for name, values in command_samples.items():
        print("  " + describe(name, values))


if __name__ == "__main__":
    main()
