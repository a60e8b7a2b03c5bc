"""`ontrack report`: the PDF progress report, or its one-page summary."""

from __future__ import annotations

import argparse
import os
from datetime import date

from .errors import UserError
from .session import open_services


def _day(text: str | None, option: str) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UserError(f"{option} {text!r} is not a date; use YYYY-MM-DD") from None


def report(args: argparse.Namespace) -> str:
    # ReportLab loads inside build_report, only for this command.
    from ..domain.content import ContentError
    from ..domain.report_options import system_page_size
    from ..reports import PageSize, Period, ReportOptions, write_report

    start, end = _day(args.start, "--from"), _day(args.end, "--to")
    if args.all_time and start is not None:
        raise UserError("--all and --from both say where the report starts; give one")
    with open_services(args, create=False, writer=False) as services:
        today = services.context.clock.today()
        end = end or today
        if args.all_time:
            period = Period(None, end)
        elif start is None:
            period = Period.last_12_months(end)
        elif start > end:
            raise UserError(f"--from {start.isoformat()} is after --to {end.isoformat()}")
        else:
            period = Period(start, end)
        dataset = services.report.dataset_for(period)
        try:
            content = services.content
        except ContentError as error:
            raise UserError(f"OnTrack's content is damaged: {error}") from error
    paper = PageSize(args.page_size) if args.page_size else system_page_size(os.environ)
    options = ReportOptions(period=period, summary=args.summary, page_size=paper)
    try:
        write_report(args.out, dataset, content, options, today)
    except OSError as error:
        raise UserError(f"cannot write {args.out}: {error.strerror or error}") from error
    what = "one-page summary" if args.summary else "progress report"
    return f"Wrote the {what} ({period.label}, {paper.label}) to {args.out}."
