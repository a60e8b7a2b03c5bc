"""Backups of the open data file, with the injected clock: the day's automatic copy, a copy
where the person asks, and the list of copies to restore from (see `storage.backup`)."""

from __future__ import annotations

from pathlib import Path

from ..domain.backups import BackupInfo
from ..storage import backup
from .context import ServiceContext


class BackupService:
    def __init__(self, context: ServiceContext) -> None:
        self._context = context

    def automatic(self) -> Path | None:
        """Today's verified copy beside the file, unless there is one; returns it if made."""
        data = self._context.data
        now = self._context.clock.now().replace(tzinfo=None)
        return backup.automatic_backup(data.connection, data.path, now)

    def suggested_name(self) -> str:
        """A file name for a copy made now, e.g. `career-2026-11-24-093000.sqlite`."""
        return backup.backup_name(self._context.data.path, self._context.clock.now())

    def back_up_to(self, target: Path) -> Path:
        """A verified copy at `target`; raises `DataFileError` in words if it cannot be made."""
        return backup.make_backup(self._context.data.connection, target, self._context.data.path)

    def backups(self) -> list[BackupInfo]:
        """The automatic copies of the open file, newest first."""
        return backup.list_backups(self._context.data.path)


def newest_worth_restoring(data_path: Path) -> BackupInfo | None:
    """The newest automatic copy of a file (open or not) that holds records."""
    return backup.newest_worth_restoring(data_path)
