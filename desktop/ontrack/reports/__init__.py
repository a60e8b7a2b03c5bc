"""PDF progress reports: from plain domain data (a Dataset, the Content, options and the
day) to a PDF, as bytes or written atomically to a file.

Importing this package is cheap: ReportLab is loaded only when a report is made, so
that start-up (window or command line) never pays for it.

    build_report(dataset, content, ReportOptions(period=...), today) -> bytes
    write_report(path, dataset, content, options, today)
"""

from __future__ import annotations

import datetime as dt
import os

from ..domain.content import Content
from ..domain.dataset import Dataset, Profile
from ..domain.report_options import PageSize, ReportOptions, Section
from ..domain.report_period import Period, Preset
from ..files.atomic import write_bytes_atomically

__all__ = [
    "PageSize",
    "Period",
    "Preset",
    "ReportOptions",
    "Section",
    "build_cover",
    "build_report",
    "prepare",
    "write_report",
]


def prepare() -> None:
    """Load ReportLab and register the report's text faces now: a third of a second of
    work that does not depend on the data, for a caller with a read to overlap it with."""
    from .build import warm_up

    warm_up()


def build_report(
    dataset: Dataset, content: Content, options: ReportOptions, today: dt.date
) -> bytes:
    """The PDF report of `dataset` as bytes. `today` is the day it is made (the period's
    default end, the "next 30 days" start, the cover date), from the caller's clock."""
    from .build import render  # ReportLab loads here, not at import

    return render(dataset, content, options, today)


def build_cover(profile: Profile, options: ReportOptions, today: dt.date) -> bytes:
    """The report's first page alone (the cover), as `build_report` makes it."""
    from .build import render_cover

    return render_cover(profile, options, today)


def write_report(
    path: str | os.PathLike[str],
    dataset: Dataset,
    content: Content,
    options: ReportOptions,
    today: dt.date,
) -> None:
    """Build the report and write it to `path` atomically (temporary file, then rename), so
    a failure never leaves a partial PDF. OSError if the folder cannot be written."""
    data = build_report(dataset, content, options, today)
    # Owner-only, like every other file OnTrack writes: the report is private career data.
    write_bytes_atomically(path, data)
