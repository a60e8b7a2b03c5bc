"""The review's last page: what the review recorded, and Finish."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from ...domain.weekly_review import Tally
from .step import ReviewStep, plain, set_plain


class DoneStep(ReviewStep):
    heading = "That's your week reviewed"
    primary_label = "&Finish"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tally = Tally()
        self.summary = plain(scale=1.15, bold=True)
        self.summary.setObjectName("reviewSummary")
        self.hint = plain(
            "Everything is saved. Edit ▸ Undo takes back any of it, one item at a time. "
            "See you next week.",
            muted=True,
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(self.summary)
        layout.addWidget(self.hint)
        layout.addStretch(1)

    def enter(self, forward: bool) -> None:
        set_plain(self.summary, self.tally.summary())
