"""The review's first page: what this week's review covers, in counts, and how to move
through it; or, when nothing is due, a kind word and Close."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from ...domain.weekly_review import WeeklyReview
from .step import ReviewStep, plain

KEYS_HINT = (
    "Enter saves and moves on, Alt+S skips, Alt+B goes back, Esc closes at any step. "
    "What you record is saved at once, and Edit ▸ Undo takes back any of it."
)
NOTHING_TO_REVIEW = (
    "Every open goal has had a check-in this week, no follow-up is due and everyone you "
    "keep in touch with has heard from you. Enjoy the week!"
)


class IntroStep(ReviewStep):
    heading = "Your weekly review"
    primary_label = "&Start the review"

    def __init__(self, review: WeeklyReview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.empty = review.is_empty
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        if self.empty:
            self.summary = plain("Nothing to review this week.", scale=1.2, bold=True)
            layout.addWidget(self.summary)
            layout.addWidget(plain(NOTHING_TO_REVIEW))
        else:
            self.summary = plain(
                "Five minutes to look after what matters: check in on goals that have gone "
                "quiet, clear the follow-ups that are due and reach out to one person."
            )
            layout.addWidget(self.summary)
            self.counts = plain("\n".join(f"•  {part}" for part in review.parts()), scale=1.15)
            self.counts.setObjectName("reviewCounts")
            self.counts.setAccessibleName("This week: " + review.headline())
            layout.addWidget(self.counts)
            note = review.limits_note()
            if note:
                layout.addWidget(plain(note, muted=True))
            layout.addSpacing(6)
            layout.addWidget(plain(KEYS_HINT, muted=True))
        layout.addStretch(1)
