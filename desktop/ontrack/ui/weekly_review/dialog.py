"""The weekly review's window: its pages in a stack, and the buttons that step through them.

Back (Alt+B), Skip (Alt+S), the page's main action (Enter: Start, Save check-in, Done,
I reached out, Finish) and Close (Esc) sit in one row at the bottom; pages with nothing to
show this week are passed by. The window is not modal: "Open" shows a record in its tab
while the review stays where it was, and each change is pushed on the window's undo stack
(Edit ▸ Undo / Ctrl+Z take it back) and announced, so the tabs refresh as the review goes.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ... import APP_NAME
from ...domain.weekly_review import FollowUp, FollowUpKind, QuietGoal, ReachOut, WeeklyReview
from ..look import heading_font, mute
from ..settings import Settings
from ..tabs.base import TabContext
from .actions import ReviewActions, short
from .contact_page import ContactStep
from .done_page import DoneStep
from .follow_ups_page import FollowUpsStep
from .goals_page import GoalsStep
from .intro_page import IntroStep
from .step import ReviewStep, plain, set_plain

DEFAULT_SIZE = (640, 440)


class WeeklyReviewDialog(QDialog):
    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("weeklyReview")
        self.setWindowTitle(f"Weekly review — {APP_NAME}")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._settings = context.settings
        self.review: WeeklyReview = context.services.weekly_review.review()
        actions = ReviewActions(context.services, context.undo_stack)
        today = self.review.today
        open_record = context.open_tab

        self.intro = IntroStep(self.review)
        self.goals = GoalsStep(self.review.goals, actions, today, open_record, self._checked_in)
        self.follow_ups = FollowUpsStep(
            self.review.follow_ups, actions, today, open_record, self._followed_up
        )
        self.contact = ContactStep(self.review.contacts, actions, today, open_record, self._reached)
        self.done_step = DoneStep()
        self.steps: list[ReviewStep] = [
            self.intro, self.goals, self.follow_ups, self.contact, self.done_step,
        ]  # fmt: skip
        self.stack = QStackedWidget()
        for step in self.steps:
            step.report = self._report
            step.changed.connect(self._refresh)
            self.stack.addWidget(step)

        self.heading = QLabel()
        self.heading.setFont(heading_font(self.font(), 1.45))
        self.counter = QLabel()
        self.counter.setObjectName("reviewCounter")
        mute(self.counter)
        self.status = plain(muted=True)
        self.status.setObjectName("reviewStatus")

        self.back_button = QPushButton("&Back")
        self.back_button.setToolTip("The previous item (Alt+B)")
        self.skip_button = QPushButton("&Skip")
        self.skip_button.setToolTip("Leave this one as it is and move on (Alt+S)")
        self.primary_button = QPushButton()
        self.primary_button.setDefault(True)
        self.close_button = QPushButton("&Close")
        self.close_button.setToolTip("Close the review (Esc); what you saved stays saved")
        for button in (self.back_button, self.skip_button, self.close_button):
            button.setAutoDefault(False)
        self.back_button.clicked.connect(self.go_back)
        self.skip_button.clicked.connect(self.skip)
        self.primary_button.clicked.connect(self.go_on)
        self.close_button.clicked.connect(self.reject)

        header = QHBoxLayout()
        header.addWidget(self.heading, 1)
        header.addWidget(self.counter, 0, Qt.AlignmentFlag.AlignBottom)
        buttons = QHBoxLayout()
        buttons.addWidget(self.close_button)
        buttons.addStretch(1)
        for button in (self.back_button, self.skip_button, self.primary_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 14)
        layout.setSpacing(12)
        layout.addLayout(header)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)

        self._restore_geometry()
        self._show_step(0, forward=True)
        if parent is not None:
            # The window closes its data file when it closes: the review goes first.
            parent.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parentWidget() and event.type() == QEvent.Type.Close:
            self.reject()
        return super().eventFilter(watched, event)

    # -- moving through the pages ------------------------------------------------------
    @property
    def current(self) -> ReviewStep:
        return self.steps[self.stack.currentIndex()]

    def go_on(self) -> None:
        """Enter: the page's main action, then the next page when the page is done."""
        step = self.current
        if step is self.done_step or (step is self.intro and self.intro.empty):
            self.accept()
        elif step.primary():
            self._move(+1)
        else:
            self._refresh()

    def skip(self) -> None:
        if self.current.can_skip() and self.current.skip():
            self._move(+1)

    def go_back(self) -> None:
        if not self.current.back():
            self._move(-1)

    def _move(self, direction: int) -> None:
        index = self.stack.currentIndex() + direction
        while 0 < index < len(self.steps) - 1 and not self.steps[index].has_items():
            index += direction
        self._show_step(max(0, index), forward=direction > 0)

    def _show_step(self, index: int, forward: bool) -> None:
        self.stack.setCurrentIndex(index)
        self.current.enter(forward)
        if self.current is self.done_step:
            self._report("")  # the summary says it all
        self._refresh()
        if self.stack.currentIndex() in (0, len(self.steps) - 1):
            # Pages without fields: the keyboard rests on the button Enter presses.
            default = self.close_button if self.intro.empty else self.primary_button
            default.setFocus()

    def _refresh(self) -> None:
        step = self.current
        self.heading.setText(step.heading)
        self.counter.setText(step.counter())
        empty = step is self.intro and self.intro.empty
        self.primary_button.setText(step.primary_text())
        self.primary_button.setVisible(not empty)
        self.primary_button.setDefault(not empty)
        self.close_button.setDefault(empty)
        self.back_button.setVisible(step not in (self.intro, self.done_step))
        self.skip_button.setVisible(step.can_skip())

    # -- what was recorded -------------------------------------------------------------
    def _report(self, text: str) -> None:
        set_plain(self.status, text)

    def _checked_in(self, goal: QuietGoal) -> None:
        tally = self.done_step.tally
        self.done_step.tally = replace(tally, check_ins=tally.check_ins + 1)
        self._report(f"Check-in saved on “{short(goal.title, 60)}”.")

    def _followed_up(self, item: FollowUp) -> None:
        tally = self.done_step.tally
        self.done_step.tally = replace(tally, follow_ups=tally.follow_ups + 1)
        if item.kind is FollowUpKind.CONVERSATION:
            self.contact.note_contacted(item.record_id)
        self._report(f"Follow-up with {short(item.who or 'someone', 60)} marked done.")

    def _reached(self, contact: ReachOut) -> None:
        tally = self.done_step.tally
        self.done_step.tally = replace(tally, reached_out=(*tally.reached_out, contact.name))
        self._report(f"Logged that you reached out to {short(contact.name, 60)}.")

    # -- size, remembered --------------------------------------------------------------
    def _restore_geometry(self) -> None:
        stored = Settings(self._settings).review_geometry
        if stored is None or not self.restoreGeometry(stored):
            # As tall as the tallest step needs (no empty band under the short ones).
            hint = self.sizeHint()
            self.resize(max(DEFAULT_SIZE[0], hint.width()), min(DEFAULT_SIZE[1], hint.height()))
        self.setMinimumSize(480, 300)

    def done(self, result: int) -> None:
        Settings(self._settings).review_geometry = self.saveGeometry()
        super().done(result)
