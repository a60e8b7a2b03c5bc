"""Export to calendar: what is dated in the data file, written as an .ics file.

Reading changes nothing, so nothing is announced. The file is written the way every export
is (`ontrack.atomic`): beside the target, flushed to disk, then renamed over it, so a failed
export leaves the previous file as it was and never a half-written one.
"""

from __future__ import annotations

from pathlib import Path

from ..atomic import write_bytes_atomically
from ..domain.calendar import CalendarItem
from ..storage.repositories import calendar_dates
from .context import ServiceContext


class CalendarExportError(Exception):
    """The .ics file could not be written; the message says where and why, in words."""


class CalendarService:
    def __init__(self, context: ServiceContext) -> None:
        self._context = context

    def items(self) -> list[CalendarItem]:
        """Every dated item, in date order."""
        return calendar_dates.calendar_items(self._context.data, self._context.clock.today())

    def export(self, path: Path) -> int:
        """Write the calendar to `path`; returns how many events it holds."""
        # Imported here: the iCalendar library is needed only when someone exports.
        from ..interchange.icalendar_export import calendar_bytes

        items = self.items()
        document = calendar_bytes(items, stamp=self._context.clock.now())
        try:
            write_bytes_atomically(path, document)
        except OSError as error:
            reason = error.strerror or str(error)
            raise CalendarExportError(f"OnTrack could not write {path}: {reason}.") from error
        return len(items)
