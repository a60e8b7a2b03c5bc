"""Building the report off the GUI thread: a QThread that turns plain data into PDF bytes.

The data is read here too, through a connection of the job's own (about half a second on
ten years of data), so the window stays responsive from the click on; from then on
everything is pure Python on frozen dataclasses, and the result arrives through a queued
signal. Given the profile, the job first makes the cover alone, which needs nothing else,
so that a preview shows a page while the rest is read and laid out (#19).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QObject, QThread, Signal

from ...domain.content import Content
from ...domain.dataset import Dataset
from ...domain.profile import Profile
from ...domain.report_options import ReportOptions


class ReportJob(QThread):
    """One report build. `built` carries the PDF bytes, `failed` a sentence for the user.

    ReportLab cannot be interrupted half-way, so cancelling marks the job abandoned: it
    runs to its end and its result is dropped (`abandoned` tells the receiver so).
    """

    stage = Signal(str)  # what the build is doing now, for the status line
    cover = Signal(bytes)  # the first page alone, before the whole (given a profile)
    built = Signal(bytes)
    failed = Signal(str)

    def __init__(
        self,
        read: Callable[[], Dataset],
        content: Callable[[], Content],
        options: ReportOptions,
        today: dt.date,
        parent: QObject | None = None,
        *,
        profile: Profile | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reportJob")
        self._read = read
        self._content = content
        self._options = options
        self._today = today
        self._profile = profile
        self.abandoned = False

    def abandon(self) -> None:
        self.abandoned = True

    def run(self) -> None:
        # Imported here: the content and ReportLab load in this thread, never at start-up.
        from ...domain.content import ContentError
        from ...services.report import cover_bytes, report_bytes

        try:
            if self._profile is not None:
                self.stage.emit("Making the cover…")
                self.cover.emit(cover_bytes(self._profile, self._options, self._today))
            self.stage.emit("Reading your data…")
            dataset = self._read()
            self.stage.emit("Reading the assessment content…")
            content = self._content()
            self.stage.emit("Laying out the pages…")
            data = report_bytes(dataset, content, self._options, self._today)
        except ContentError as error:
            self.failed.emit(f"OnTrack's assessment content is damaged: {error}")
        except Exception as error:  # any failure must reach the user, not kill the thread
            self.failed.emit(f"The report could not be made: {type(error).__name__}: {error}")
        else:
            self.built.emit(data)
