"""The person's settings: every key OnTrack keeps in its QSettings file, with its type and
its default, in one place (after Picard's typed options).

The file is INI text the person may edit or damage, so every read checks what it finds and
falls back to the default on anything unexpected; nothing here raises on a bad value. The
keys are those already in people's files: renaming one would forget what they chose.
Callers keep passing the `QSettings` (the composition root makes it once, tests give a
file of their own) and read and write it through `Settings(store)`.
"""

from __future__ import annotations

from datetime import date
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings

if TYPE_CHECKING:  # the report's options load with the report dialog
    from ..domain.report_options import PageSize

WINDOW_GEOMETRY = "window/geometry"
WINDOW_STATE = "window/state"
WINDOW_TAB = "window/tab"
REVIEW_GEOMETRY = "weeklyReview/geometry"
REPORT_PAGE_SIZE = "reports/page_size"
REMINDERS_ENABLED = "reminders/enabled"
LAST_REMINDED = "reminders/last_shown"
SAMPLE_RETURN = "sample/return_to"  # the person's own file, while they explore the sample

_YES = {"true", "1", "yes", "on"}
_NO = {"false", "0", "no", "off"}


class Folder(Enum):
    """The folder a file dialog opens in: the one used last for that kind of file."""

    DATA = "files/last_folder"  # data files, imports and exports, the calendar
    BACKUPS = "backups/last_folder"
    REPORTS = "reports/last_folder"
    CONTACTS = "network/folder"


class Settings:
    """Typed reads and writes over one `QSettings`."""

    def __init__(self, store: QSettings) -> None:
        self.store = store

    # -- folders ---------------------------------------------------------------------------
    def folder(self, kind: Folder) -> Path | None:
        """The folder used last for `kind`, if it still exists."""
        stored = self.store.value(kind.value)
        if isinstance(stored, str) and stored and Path(stored).is_dir():
            return Path(stored)
        return None

    def folder_or_home(self, kind: Folder) -> Path:
        return self.folder(kind) or Path.home()

    def remember_folder(self, kind: Folder, chosen_file: Path | str) -> None:
        """Remember the folder of the file just chosen, for the next dialog of `kind`."""
        self.store.setValue(kind.value, str(Path(chosen_file).parent))

    # -- the window and the weekly review ----------------------------------------------------
    @property
    def window_geometry(self) -> QByteArray | None:
        return self._bytes(WINDOW_GEOMETRY)

    @window_geometry.setter
    def window_geometry(self, value: QByteArray) -> None:
        self.store.setValue(WINDOW_GEOMETRY, value)

    @property
    def window_state(self) -> QByteArray | None:
        return self._bytes(WINDOW_STATE)

    @window_state.setter
    def window_state(self, value: QByteArray) -> None:
        self.store.setValue(WINDOW_STATE, value)

    @property
    def window_tab(self) -> int:
        """The tab shown last (0, the first, when unknown)."""
        try:
            return int(self.store.value(WINDOW_TAB, 0))  # type: ignore[call-overload]
        except (TypeError, ValueError):
            return 0

    @window_tab.setter
    def window_tab(self, index: int) -> None:
        self.store.setValue(WINDOW_TAB, index)

    @property
    def review_geometry(self) -> QByteArray | None:
        return self._bytes(REVIEW_GEOMETRY)

    @review_geometry.setter
    def review_geometry(self, value: QByteArray) -> None:
        self.store.setValue(REVIEW_GEOMETRY, value)

    # -- reports, reminders, the sample -------------------------------------------------------
    @property
    def page_size(self) -> PageSize | None:
        """The paper chosen for the last report, if any."""
        from ..domain.report_options import PageSize

        stored = self.store.value(REPORT_PAGE_SIZE)
        if isinstance(stored, str) and stored in {p.value for p in PageSize}:
            return PageSize(stored)
        return None

    @page_size.setter
    def page_size(self, value: PageSize) -> None:
        self.store.setValue(REPORT_PAGE_SIZE, value.value)

    @property
    def reminders_enabled(self) -> bool:
        """On unless turned off (INI files hold "false" as text)."""
        value = self.store.value(REMINDERS_ENABLED, True)
        if isinstance(value, bool):
            return value
        text = str(value).strip().lower()
        return text not in _NO if text in _YES | _NO else True

    @reminders_enabled.setter
    def reminders_enabled(self, on: bool) -> None:
        self.store.setValue(REMINDERS_ENABLED, bool(on))

    @property
    def last_reminded(self) -> date | None:
        """The day of the last reminder, so that a second start that day stays quiet."""
        value = self.store.value(LAST_REMINDED)
        try:
            return date.fromisoformat(value) if isinstance(value, str) else None
        except ValueError:
            return None

    @last_reminded.setter
    def last_reminded(self, day: date) -> None:
        self.store.setValue(LAST_REMINDED, day.isoformat())

    @property
    def sample_return(self) -> Path | None:
        """The person's own data file to go back to from the sample."""
        stored = self.store.value(SAMPLE_RETURN)
        return Path(stored) if isinstance(stored, str) and stored else None

    @sample_return.setter
    def sample_return(self, path: Path) -> None:
        self.store.setValue(SAMPLE_RETURN, str(path))

    def sync(self) -> None:
        self.store.sync()

    def _bytes(self, key: str) -> QByteArray | None:
        value = self.store.value(key)
        return value if isinstance(value, QByteArray) else None
