"""The review's goals page: one quiet goal at a time (no check-in for a week), with a
one-line progress note and the progress figure; Enter saves a check-in and moves on."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...domain.weekly_review import QuietGoal, since_text
from ..long_text import cap_line
from ..paged_model import format_date
from .actions import MAX_NOTE_LENGTH, ReviewActions
from .step import ItemsStep, day_and_since, form_row, plain, quoted, set_plain

OpenRecord = Callable[[str, str], None]


def deadline_text(deadline: date | None, today: date) -> str:
    if deadline is None:
        return "No deadline"
    days = (deadline - today).days
    if days < 0:
        return f"Overdue since {format_date(deadline)}"
    if days == 0:
        return "Due today"
    return f"Due {format_date(deadline)} (in {days} day{'s' if days != 1 else ''})"


def last_check_in_text(goal: QuietGoal, today: date) -> str:
    if goal.last_check_in is None:
        since = f"set {format_date(goal.created_on)}" if goal.created_on else "set a while ago"
        return f"No check-in yet (goal {since})."
    when = day_and_since(goal.last_check_in, since_text(goal.last_check_in, today))
    note = f": {quoted(goal.last_note)}" if goal.last_note.strip() else "."
    return f"Last check-in {when}{note}"


class GoalsStep(ItemsStep):
    heading = "Goals without a check-in for a week"
    noun = "Goal"

    def primary_text(self) -> str:
        """What Enter does now: nothing typed and the figure unchanged saves nothing."""
        if not self._goals:
            return "Ne&xt"
        unchanged = self.progress.value() == self._progress[self._goals[self._index].id]
        return "Ne&xt" if unchanged and not self.note.text().strip() else "Sa&ve check-in"

    def __init__(
        self,
        goals: tuple[QuietGoal, ...],
        actions: ReviewActions,
        today: date,
        open_record: OpenRecord,
        saved: Callable[[QuietGoal], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(goals, parent)
        self._goals = goals
        self._actions = actions
        self._today = today
        self._saved = saved
        self._progress = {goal.id: goal.progress for goal in goals}  # after saves here
        self._done: set[str] = set()

        self.title = plain(scale=1.25, bold=True)
        self.title.setObjectName("reviewGoalTitle")
        self.facts = plain(muted=True)
        self.bar = QProgressBar()
        self.bar.setRange(0, 100)
        self.bar.setFormat("%p % done")
        self.bar.setFixedWidth(240)
        self.last = plain()
        self.saved_note = plain(muted=True)

        self.note = QLineEdit()
        self.note.setObjectName("reviewCheckinNote")
        cap_line(self.note, MAX_NOTE_LENGTH, "A note")
        self.note.setPlaceholderText("How is it going? One line is plenty")
        self.note.setAccessibleName("Progress note")
        self.progress = QSpinBox()
        self.progress.setObjectName("reviewCheckinProgress")
        self.progress.setRange(0, 100)
        self.progress.setSuffix(" %")
        self.progress.setAccessibleName("Progress")
        self.note.textChanged.connect(self.changed)
        self.progress.valueChanged.connect(self.changed)
        self.open_button = QPushButton("&Open in Goals")
        self.open_button.setToolTip("Show this goal in the Goals tab (the review stays open)")
        self.open_button.setAutoDefault(False)
        self.open_button.clicked.connect(
            lambda: open_record("goalsTab", self._goals[self._index].id)
        )

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form_row(form, "&Note:", self.note)
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress)
        self.progress_hint = plain(muted=True)
        progress_row.addWidget(self.progress_hint, 1)
        form_row(form, "&Progress:", self.progress, progress_row)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.title)
        layout.addWidget(self.facts)
        bar_row = QHBoxLayout()
        bar_row.addWidget(self.bar)
        bar_row.addStretch(1)
        bar_row.addWidget(self.open_button)
        layout.addLayout(bar_row)
        layout.addWidget(self.last)
        layout.addSpacing(10)
        layout.addLayout(form)
        layout.addWidget(self.saved_note)
        layout.addStretch(1)

    def show_item(self, index: int) -> None:
        goal = self._goals[index]
        progress = self._progress[goal.id]
        set_plain(self.title, goal.title)
        facts = [deadline_text(goal.deadline, self._today), goal.status.label]
        if goal.steps_total:
            facts.append(f"{goal.steps_done} of {goal.steps_total} steps done")
        set_plain(self.facts, " · ".join(facts))
        self.bar.setValue(progress)
        set_plain(self.last, last_check_in_text(goal, self._today))
        set_plain(self.saved_note, "Check-in saved." if goal.id in self._done else "")
        self.note.clear()
        self.progress.setValue(progress)
        set_plain(
            self.progress_hint,
            "Progress follows the action steps; the figure is kept with the check-in."
            if goal.progress_by_steps
            else "Change it only if it moved.",
        )
        self.note.setFocus(Qt.FocusReason.OtherFocusReason)

    def primary(self) -> bool:
        goal = self._goals[self._index]
        try:
            # Compared with the figure as it stands now (after any save made here before).
            current = replace(goal, progress=self._progress[goal.id])
            saved = self._actions.check_in(current, self.note.text(), self.progress.value())
        except LookupError:
            self.report(f"“{goal.title}” was deleted meanwhile; nothing was saved.")
            return self._next()
        if saved:
            self._done.add(goal.id)
            if not goal.progress_by_steps:
                self._progress[goal.id] = self.progress.value()
            self._saved(goal)
        return self._next()
