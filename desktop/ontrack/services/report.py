"""Making the progress report from plain data: the assessment content it quotes, and the
PDF's bytes. ReportLab and the content load when a report is first made, in whichever
thread makes it (the report window's worker), never at start-up."""

from __future__ import annotations

import datetime as dt

from ..domain.content import Content
from ..domain.dataset import Dataset
from ..domain.report_options import ReportOptions


def report_content() -> Content:
    """The assessment content the report quotes; raises `ContentError` if it is damaged."""
    from ..domain.content import load_content
    from ..resources import resource_path

    return load_content(resource_path("content"))


def report_bytes(
    dataset: Dataset, content: Content, options: ReportOptions, today: dt.date
) -> bytes:
    """The report (or the one-page summary) as PDF bytes."""
    from ..reports import build_report

    return build_report(dataset, content, options, today)
