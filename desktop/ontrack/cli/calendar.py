"""`ontrack export-calendar --data FILE --out OUT.ics`: every goal deadline, step due date,
feedback follow-up and reconnect date as an iCalendar file, without the window.

Written atomically like every export: a failure leaves any earlier file as it was."""

from __future__ import annotations

import argparse

from ..services.calendar import CalendarExportError
from .errors import UserError
from .session import open_services


def export_calendar(args: argparse.Namespace) -> str:
    with open_services(args, create=False, writer=False) as services:
        try:
            count = services.calendar.export(args.out)
        except CalendarExportError as error:
            raise UserError(str(error)) from error
    return f"Exported {count:,} {'date' if count == 1 else 'dates'} to {args.out}."
