"""`ontrack export-calendar --data FILE --out OUT.ics`: every goal deadline, step due date,
feedback follow-up and reconnect date as an iCalendar file, without the window.

Written atomically like every export: a failure leaves any earlier file as it was."""

from __future__ import annotations

import argparse

from .cli import UserError
from .headless import _services
from .services.calendar import CalendarExportError, CalendarService


def export_calendar(args: argparse.Namespace) -> str:
    with _services(args, create=False, writer=False) as services:
        try:
            count = CalendarService(services.context).export(args.out)
        except CalendarExportError as error:
            raise UserError(str(error)) from error
    return f"Exported {count:,} {'date' if count == 1 else 'dates'} to {args.out}."
