"""`ontrack report`: the PDF progress report, or its one-page summary.

It reads through the report service's functions over the bare data file (no services, so
no QtCore), on a thread of its own while this one loads ReportLab and the fonts (SQLite
reads without Python's lock, so the two overlap on two cores), and builds the PDF while the
file's damage check runs; the PDF is written only once the check has passed."""

from __future__ import annotations

import argparse
import gc
import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

from ..domain.report_period import Period
from .beside import Beside
from .errors import UserError
from .session import open_data


def _day(text: str | None, option: str) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UserError(f"{option} {text!r} is not a date; use YYYY-MM-DD") from None


def _period(args: argparse.Namespace, today: date) -> Period:
    start, end = _day(args.start, "--from"), _day(args.end, "--to")
    if args.all_time and start is not None:
        raise UserError("--all and --from both say where the report starts; give one")
    end = end or today
    if args.all_time:
        return Period(None, end)
    if start is None:
        return Period.last_12_months(end)
    if start > end:
        raise UserError(f"--from {start.isoformat()} is after --to {end.isoformat()}")
    return Period(start, end)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector off meanwhile. The command keeps what it reads until the
    PDF is made, so each full pass walks tens of thousands of records to free nothing:
    about 5 % of the command (80 ms of a one-year report, 250 ms of all time), for the same
    peak memory within a megabyte."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def report(args: argparse.Namespace) -> str:
    # ReportLab loads inside prepare_rendering, only for this command.
    from ..domain.clock import SystemClock
    from ..domain.content import ContentError
    from ..domain.report_options import PageSize, ReportOptions, system_page_size
    from ..files.atomic import write_bytes_atomically
    from ..services.content import bundled_content
    from ..services.report import dataset_for, prepare_rendering, report_bytes
    from ..storage.connection import database_errors

    today = SystemClock().today()
    period = _period(args, today)  # a bad date is refused before the file is opened
    paper = PageSize(args.page_size) if args.page_size else system_page_size(os.environ)
    options = ReportOptions(period=period, summary=args.summary, page_size=paper)
    with (
        _collector_paused(),
        open_data(args, create=False, writer=False, check_in_background=True) as data,
    ):
        reading = Beside(lambda: dataset_for(data, period), "ontrack-report-read")
        try:  # meanwhile, what does not touch the data file
            try:
                content = bundled_content()
            except ContentError as error:
                raise UserError(f"OnTrack's content is damaged: {error}") from error
            prepare_rendering()
        finally:
            reading.wait()  # the file closes only once the read is done with it
        try:
            dataset = reading.result()
        except database_errors():
            data.require_sound()  # damage the read ran into: the check's words for it
            raise
        pdf = report_bytes(dataset, content, options, today)
        data.require_sound()  # damage where the report did not read gives no report either
    try:
        write_bytes_atomically(args.out, pdf)
    except OSError as error:
        raise UserError(f"cannot write {args.out}: {error.strerror or error}") from error
    what = "one-page summary" if args.summary else "progress report"
    return f"Wrote the {what} ({period.label}, {paper.label}) to {args.out}."
