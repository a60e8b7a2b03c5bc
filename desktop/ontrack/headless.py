"""The subcommands that work without a window: demo, export, import, report."""

from __future__ import annotations

import argparse
import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from .cli import UserError
from .domain.clock import SystemClock
from .domain.file_errors import DataFileError
from .interchange import json_codec
from .interchange.errors import InterchangeError
from .paths import default_data_path
from .services.registry import Services
from .storage.database import open_data_file


@contextmanager
def _services(args: argparse.Namespace, *, create: bool, writer: bool) -> Iterator[Services]:
    """The services over the data file; a `writer` holds its writer lock meanwhile."""
    path: Path = args.data or default_data_path()
    try:
        data = open_data_file(path, create=create, writer=writer)
    except DataFileError as error:
        raise UserError(str(error)) from error
    try:
        yield Services.create(data, SystemClock())
    except DataFileError as error:
        # A write that failed (full disk, read-only file) is already worded for a person,
        # and its transaction left the file as it was.
        raise UserError(str(error)) from error
    finally:
        data.close()


def demo(args: argparse.Namespace) -> str:
    from .demo import generate

    with _services(args, create=True, writer=True) as services:
        if not services.transfer.export_dataset().is_empty:
            raise UserError(
                f"{services.context.data.path} already holds data; "
                "sample data goes into a new or empty file"
            )
        dataset = generate(args.size, args.seed, services.context.clock.today())
        services.transfer.import_dataset(dataset)
        return (
            f"Wrote {args.size} sample data to {services.context.data.path}: "
            f"{len(dataset.goals):,} goals, {len(dataset.feedback):,} feedback entries, "
            f"{len(dataset.contacts):,} contacts."
        )


def export(args: argparse.Namespace) -> str:
    with _services(args, create=False, writer=False) as services:
        dataset = services.transfer.export_dataset()
        try:
            json_codec.write_file(args.out, dataset, services.context.clock.now())
        except OSError as error:
            raise UserError(f"cannot write {args.out}: {error.strerror or error}") from error
        return f"Exported to {args.out}."


def import_(args: argparse.Namespace) -> str:
    try:
        dataset = json_codec.read_file(args.source)
    except InterchangeError as error:
        raise UserError(f"{args.source}: {error}") from error
    with _services(args, create=True, writer=True) as services:
        summary = services.transfer.import_dataset(dataset)
    return (
        f"Imported {summary.total:,} records from {args.source}: "
        f"{summary.added:,} new, {summary.replaced:,} updated."
    )


def _day(text: str | None, option: str) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UserError(f"{option} {text!r} is not a date; use YYYY-MM-DD") from None


def report(args: argparse.Namespace) -> str:
    # ReportLab loads inside build_report, only for this command.
    from .domain.content import ContentError, load_content
    from .domain.report_options import system_page_size
    from .reports import PageSize, Period, ReportOptions, write_report
    from .resources import resource_path

    start, end = _day(args.start, "--from"), _day(args.end, "--to")
    if args.all_time and start is not None:
        raise UserError("--all and --from both say where the report starts; give one")
    with _services(args, create=False, writer=False) as services:
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
        dataset = services.transfer.export_dataset()
    try:
        content = load_content(resource_path("content"))
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
