"""The progress report: what it reads (only its period's records, see
`storage.report_read`) and making its PDF from plain data. ReportLab loads when a report is
first made, in whichever thread makes it (the report window's worker), never at start-up.
`ontrack report` uses the module's functions without the services (or the QtCore that their
change notifier brings)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from ..domain.content import Content
from ..domain.dataset import Dataset
from ..domain.profile import Profile
from ..domain.report_options import ReportOptions
from ..domain.report_period import Period

if TYPE_CHECKING:
    from ..storage.connection import DataFile
    from .context import ServiceContext


class ReportService:
    def __init__(self, context: ServiceContext) -> None:
        self._context = context

    def dataset_for(self, period: Period) -> Dataset:
        """The records a report over `period` needs, read on this thread's connection."""
        return dataset_for(self._context.data, period)

    def read_for_worker(self, period: Period) -> Callable[[], Dataset]:
        """A function that reads the same through its own connection: safe to call from a
        worker thread while the window goes on using this service."""
        from ..storage.report_read import load_report_dataset_separately

        path = self._context.data.path
        return lambda: load_report_dataset_separately(path, period)


def dataset_for(data: DataFile, period: Period) -> Dataset:
    """The records a report over `period` needs, read from `data`."""
    from ..storage.report_read import load_report_dataset

    return load_report_dataset(data, period)


def prepare_rendering() -> None:
    """Load ReportLab and the report's fonts now (see `reports.prepare`)."""
    from ..reports import prepare

    prepare()


def cover_bytes(profile: Profile, options: ReportOptions, today: dt.date) -> bytes:
    """The report's first page alone (see `reports.build_cover`)."""
    from ..reports import build_cover

    return build_cover(profile, options, today)


def report_bytes(
    dataset: Dataset, content: Content, options: ReportOptions, today: dt.date
) -> bytes:
    """The report (or the one-page summary) as PDF bytes."""
    from ..reports import build_report

    return build_report(dataset, content, options, today)
