"""Export to calendar: what is dated in the data file, written as an .ics file.

Reading changes nothing, so nothing is announced. The file is written the way every export
is (`ontrack.files.atomic`): beside the target, flushed to disk, then renamed over it, so a failed
export leaves the previous file as it was and never a half-written one.

The window exports in a worker thread (`export_for_worker`): on ten years of data the whole
export takes about 0.4 s, too long to freeze the window for. SQLite connections
must not cross threads, so the worker reads through a read-only connection of its own (WAL
lets it read beside the window's connection), in one snapshot like `items()`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from ..domain.calendar import CalendarItem
from ..files.atomic import write_bytes_atomically
from ..storage.connection import DataFile, connect_read_only, database_errors
from ..storage.repositories import calendar_dates
from .context import ServiceContext


class CalendarExportError(Exception):
    """The .ics file could not be made; the message says where and why, in words."""


class CalendarService:
    def __init__(self, context: ServiceContext) -> None:
        self._context = context

    def items(self) -> list[CalendarItem]:
        """Every dated item, in date order."""
        return calendar_dates.calendar_items(self._context.data, self._context.clock.today())

    def export(self, path: Path) -> int:
        """Write the calendar to `path`; returns how many events it holds."""
        return _write(self.items(), self._context.clock.now(), path)

    def export_for_worker(self, path: Path) -> Callable[[], int]:
        """A function that writes the calendar to `path` and returns how many events it
        holds, reading through a connection of its own: safe to call from a worker thread
        while the window goes on using this service. The clock is read now, the data file
        when the function runs."""
        data_path = self._context.data.path
        today = self._context.clock.today()
        stamp = self._context.clock.now()
        return lambda: _write(_read_separately(data_path, today), stamp, path)


def _read_separately(data_path: Path, today: date) -> list[CalendarItem]:
    try:
        connection = connect_read_only(data_path)
        try:
            return calendar_dates.calendar_items(DataFile(data_path, connection), today)
        finally:
            connection.close()
    except database_errors("Error") as error:
        raise CalendarExportError(f"OnTrack could not read {data_path}: {error}.") from error


def _write(items: list[CalendarItem], stamp: datetime, path: Path) -> int:
    # Imported here: the iCalendar library is needed only when someone exports.
    from ..interchange.icalendar_export import calendar_bytes

    document = calendar_bytes(items, stamp=stamp)
    try:
        write_bytes_atomically(path, document)
    except OSError as error:
        reason = error.strerror or str(error)
        raise CalendarExportError(f"OnTrack could not write {path}: {reason}.") from error
    return len(items)
