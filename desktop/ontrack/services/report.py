"""Making the progress report's PDF from plain data (the content it quotes comes from the
Services registry). ReportLab loads when a report is first made, in whichever thread
makes it (the report window's worker), never at start-up."""

from __future__ import annotations

import datetime as dt

from ..domain.content import Content
from ..domain.dataset import Dataset
from ..domain.report_options import ReportOptions


def report_bytes(
    dataset: Dataset, content: Content, options: ReportOptions, today: dt.date
) -> bytes:
    """The report (or the one-page summary) as PDF bytes."""
    from ..reports import build_report

    return build_report(dataset, content, options, today)
