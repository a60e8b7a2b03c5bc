"""The selected goal in full: its SMART fields with gentle reminders of what is missing,
the action-step checklist, check-ins, and the feedback and events linked to it.

Every field is saved when you leave it (there is no Save button) as an undoable change.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...domain import goal_rules
from ...domain.enums import Factor, GoalStatus
from ...domain.goal_items import GoalLink
from ...domain.goals import MAX_TITLE_LENGTH, Goal
from ...domain.validation import MAX_TEXT_LENGTH
from ..date_entry import DateEntry
from ..elided_label import ElidedLineEdit
from ..long_text import LongTextEdit, cap_line
from ..look import attention_icon, heading_font, mute, warn
from ..paged_model import format_date
from ..roles import RECORD_ROLE
from .checkins import CheckInPanel
from .delegates import factor_combo, status_combo
from .fitted_list import FittedListView
from .links import TAB_OF, GoalLinksListModel
from .steps import StepChecklist

EMPTY_TITLE_MESSAGE = "A goal needs a title, so the old one is kept."
TYPING_PAUSE_MS = 700


def _plain(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


def _section(text: str, parent_font: Any) -> QLabel:
    label = _plain(text)
    label.setFont(heading_font(parent_font, 1.1))
    return label


class GoalDetailPanel(QWidget):
    """Shows one goal; `change(after, text, merge_key)` and `set_status(status)` push
    undoable commands; `open_link(tab, id)` opens a linked record in its tab."""

    def __init__(
        self,
        today: Callable[[], date],
        change: Callable[[Goal, str, str], None],
        set_status: Callable[[GoalStatus | None], None],
        open_link: Callable[[str, str], None],
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._today = today
        self._change = change
        self._set_status = set_status
        self._open_link = open_link
        self.goal: Goal | None = None
        self.status_by_hand = False
        self._loading = False

        self._build_title()
        self._build_fields(today)
        self._build_offer()
        self._build_lists(today, change)
        self._build_layout()
        self.show_goal(None, False, [])

    def _build_title(self) -> None:
        self.title_edit = ElidedLineEdit()  # "…" while not being edited, whole in its tip
        self.title_edit.setObjectName("goalTitleEdit")
        cap_line(self.title_edit, MAX_TITLE_LENGTH, "A goal's title")
        self.title_edit.setPlaceholderText("What exactly will you do?")
        self.title_edit.setAccessibleName("Goal title (specific)")
        self.title_edit.setFont(heading_font(self.font(), 1.2))
        self.title_edit.setFrame(False)
        self.title_edit.editingFinished.connect(self._save_title)
        # Typing is saved after a short pause too, so nothing typed waits for focus to move.
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(TYPING_PAUSE_MS)
        self._typing.timeout.connect(self._save_typed)
        self.title_edit.textEdited.connect(self._typing.start)

        # Shown when an emptied title was refused (here or in the table's cell), until the
        # goal is renamed or another one is shown.
        self.title_message = _plain(EMPTY_TITLE_MESSAGE)
        self.title_message.setObjectName("goalTitleMessage")
        warn(self.title_message)
        self.title_message.hide()

    def _build_fields(self, today: Callable[[], date]) -> None:
        self.dates_label = _plain()
        self.dates_label.setObjectName("goalDates")
        mute(self.dates_label)

        self.status_combo = status_combo(None)
        self.status_combo.setObjectName("goalStatusCombo")
        self.status_combo.activated.connect(self._status_chosen)
        self.attention_icon = QLabel()
        self.attention_icon.setPixmap(attention_icon().pixmap(16, 16))
        self.attention_label = _plain()
        self.attention_label.setObjectName("goalAttention")
        warn(self.attention_label)

        self.why_edit = LongTextEdit(what="Why it matters")
        self.why_edit.setObjectName("goalWhyEdit")
        self.why_edit.setPlaceholderText("What is it, and why does it matter to you?")
        self.why_edit.setFixedHeight(64)
        self.why_edit.installEventFilter(self)
        self.why_edit.textChanged.connect(self._why_typed)
        self.measure_edit = QLineEdit()
        self.measure_edit.setObjectName("goalMeasureEdit")
        self.measure_edit.setPlaceholderText("How will you know it is done?")
        cap_line(self.measure_edit, MAX_TEXT_LENGTH, "How you will know")
        self.measure_edit.editingFinished.connect(self._save_measure)
        self.measure_edit.textEdited.connect(self._typing.start)
        self.deadline_edit = DateEntry("Deadline", none_text="No deadline", today=today)
        self.deadline_edit.setObjectName("goalDeadlineEdit")
        self.deadline_edit.edited.connect(self._save_deadline)
        self.factor_combo = factor_combo(None)
        self.factor_combo.setObjectName("goalFactorCombo")
        self.factor_combo.activated.connect(self._save_factor)
        self.progress_spin = QSpinBox()
        self.progress_spin.setObjectName("goalProgressSpin")
        self.progress_spin.setRange(0, 100)
        self.progress_spin.setSuffix(" %")
        self.progress_spin.editingFinished.connect(self._save_progress)

    def _build_offer(self) -> None:
        self.gaps_label = _plain()
        self.gaps_label.setObjectName("goalGaps")
        mute(self.gaps_label)

        self.offer = QFrame()
        self.offer.setObjectName("goalDoneOffer")
        self.offer.setFrameShape(QFrame.Shape.StyledPanel)
        self.offer_label = _plain("All steps are done. Mark this goal as done?")
        self.offer_yes = QPushButton("Mark as done")
        self.offer_yes.setObjectName("goalDoneOfferYes")
        self.offer_yes.clicked.connect(self._accept_offer)
        offer_no = QPushButton("Dismiss")
        offer_no.clicked.connect(self.offer.hide)
        offer_row = QHBoxLayout(self.offer)
        offer_row.addWidget(self.offer_label, 1)
        offer_row.addWidget(self.offer_yes)
        offer_row.addWidget(offer_no)
        self.offer.hide()

    def _build_lists(
        self, today: Callable[[], date], change: Callable[[Goal, str, str], None]
    ) -> None:
        self.steps = StepChecklist(today, change)
        self.checkins = CheckInPanel(today, change)
        self.links_model = GoalLinksListModel(self)
        self.links_view = FittedListView(1, 6)
        self.links_view.setObjectName("goalLinksList")
        self.links_view.setAccessibleName("Linked feedback and events")
        self.links_view.setModel(self.links_model)
        self.links_view.setWordWrap(True)
        self.links_view.setSpacing(2)
        self.links_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.links_view.viewport().setCursor(Qt.CursorShape.PointingHandCursor)
        self.links_view.activated.connect(self._open)  # Enter (and double-click)
        self.links_view.clicked.connect(self._open)
        self.no_links = _plain("No feedback or events point at this goal yet.")
        mute(self.no_links)

    def _build_layout(self) -> None:
        status_row = QHBoxLayout()
        status_row.addWidget(self.status_combo)
        status_row.addWidget(self.attention_icon)
        status_row.addWidget(self.attention_label, 1)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow("Status", status_row)
        form.addRow("Why it matters", self.why_edit)
        form.addRow("Measure", self.measure_edit)
        form.addRow("Deadline", self.deadline_edit)
        form.addRow("Progress", self.progress_spin)
        form.addRow("Factor", self.factor_combo)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 4, 12, 4)  # clear of the scroll bar
        layout.setSpacing(8)
        layout.addWidget(self.title_edit)
        layout.addWidget(self.title_message)
        layout.addWidget(self.dates_label)
        layout.addLayout(form)
        layout.addWidget(self.gaps_label)
        layout.addWidget(self.offer)
        layout.addWidget(_section("Action steps", self.font()))
        layout.addWidget(self.steps)
        layout.addWidget(_section("Check-ins", self.font()))
        layout.addWidget(self.checkins)
        layout.addWidget(_section("Linked feedback and events", self.font()))
        layout.addWidget(self.links_view)
        layout.addWidget(self.no_links)
        layout.addStretch(1)

    # -- showing ---------------------------------------------------------------------------
    def show_goal(self, goal: Goal | None, by_hand: bool, links: list[GoalLink]) -> None:
        previous = self.goal
        same = previous is not None and goal is not None and goal.id == previous.id
        if not same:
            self.offer.hide()
            self._typing.stop()
        if not same or goal.title != previous.title:  # another goal, or renamed at last
            self.title_message.hide()
        self.goal = goal
        self.status_by_hand = by_hand
        self._loading = True
        try:
            self._fill(goal, by_hand, previous if same else None)
        finally:
            self._loading = False
        self.steps.set_goal(goal)
        self.checkins.set_goal(goal)
        self.links_model.set_links(links)
        self.links_view.setVisible(bool(links))
        self.no_links.setVisible(goal is not None and not links)
        self.setEnabled(goal is not None)

    def _fill(self, goal: Goal | None, by_hand: bool, previous: Goal | None) -> None:
        """Show `goal`; `previous` is the same goal as shown until now (None: another one).

        A field holding typed text not saved yet (it differs from what was shown) keeps it
        while it has focus: another change, a ticked step say, must not wipe it out. A field
        that was not changed follows the goal, so that undo shows in it."""
        today = self._today()

        def typed(edit: QWidget, text: str, shown: str) -> bool:
            return previous is not None and edit.hasFocus() and text != shown

        if not typed(self.title_edit, self.title_edit.text(), previous.title if previous else ""):
            _set_text(self.title_edit, goal.title if goal else "")
        why = self.why_edit.toPlainText()
        keep_why = typed(self.why_edit, why, previous.why if previous else "")
        if not keep_why and (goal is None or why != goal.why):
            self.why_edit.setPlainText(goal.why if goal else "")
        measure = self.measure_edit.text()
        if not typed(self.measure_edit, measure, previous.measure if previous else ""):
            _set_text(self.measure_edit, goal.measure if goal else "")
        self.deadline_edit.set_value(goal.deadline if goal else None)
        self.factor_combo.setCurrentIndex(
            max(0, self.factor_combo.findData(goal.factor.value if goal and goal.factor else None))
        )
        self.progress_spin.setValue(goal.progress if goal else 0)
        self.progress_spin.setEnabled(bool(goal) and not (goal and goal.steps))
        self.progress_spin.setToolTip(
            "Progress follows the action steps"
            if goal and goal.steps
            else "Set progress by hand (goals without steps)"
        )
        worked_out = goal_rules.suggest_status(goal, today) if goal else None
        if goal is not None and worked_out is not None:
            words = goal_rules.status_words(replace(goal, status=worked_out), today)
        else:
            words = "—"
        self.status_combo.setItemText(0, f"Automatic: {words}")
        chosen = goal.status.value if goal and by_hand else None
        self.status_combo.setCurrentIndex(max(0, self.status_combo.findData(chosen)))
        reason = goal_rules.attention(goal, today) if goal else None
        self.attention_label.setText(reason or "")
        self.attention_icon.setVisible(bool(reason))
        self.attention_label.setVisible(bool(reason))
        dates = []
        if goal and goal.created_on:
            dates.append(f"Set on {format_date(goal.created_on)}")
        if goal and goal.completed_on:
            dates.append(f"done on {format_date(goal.completed_on)}")
        if goal and goal.steps:
            dates.append(f"{goal.steps_done} of {len(goal.steps)} steps done")
        self.dates_label.setText(" · ".join(dates))
        gaps = goal_rules.smart_gaps(goal) if goal else ()
        self.gaps_label.setText(("To make it SMART: " + " · ".join(gaps)) if gaps else "")
        self.gaps_label.setVisible(bool(gaps))

    def commit_pending(self) -> None:
        """Save what is typed but not yet left (before another goal is shown)."""
        self._typing.stop()
        self._save_why()
        self._save_title()
        self._save_measure()

    def _why_typed(self) -> None:
        if not self._loading:
            self._typing.start()

    def _save_typed(self) -> None:
        if self.title_edit.text().strip():  # an emptied title is being retyped: wait
            self._save_title()
        self._save_why()
        self._save_measure()

    def offer_done(self, already_done: bool) -> None:
        """The last step was ticked: offer to mark the goal done, or say that it is."""
        self.offer_label.setText(
            "All steps are done, so the goal is now marked done (Ctrl+Z undoes it)."
            if already_done
            else "All steps are done. Mark this goal as done?"
        )
        self.offer_yes.setVisible(not already_done)
        self.offer.show()

    # -- saving ----------------------------------------------------------------------------
    def _edit(self, text: str, merge_key: str = "", **changes: Any) -> None:
        if self._loading or self.goal is None:
            return
        after = replace(self.goal, **changes)
        if after != self.goal:
            self._change(after, text, merge_key)

    def _key(self, field: str) -> str:
        # One undo step per field while it is being edited (pauses save, and merge).
        return f"{field}:{self.goal.id}" if self.goal else ""

    def refuse_empty_title(self) -> None:
        """An emptied title was not saved: show the title kept, and say why."""
        if self.goal is None:
            return
        _set_text(self.title_edit, self.goal.title)
        self.title_message.show()

    def _save_title(self) -> None:
        title = self.title_edit.text().strip()
        if not title:
            if not self._loading:
                self.refuse_empty_title()
            return
        self._edit("Rename goal", self._key("title"), title=title)

    def _save_why(self) -> None:
        self._edit("Edit why it matters", self._key("why"), why=self.why_edit.toPlainText())

    def _save_measure(self) -> None:
        self._edit("Edit measure", self._key("measure"), measure=self.measure_edit.text())

    def _save_deadline(self) -> None:
        if self.deadline_edit.problem() is not None:
            return  # not a date: the field says why, and the deadline stays as it was
        key = f"deadline:{self.goal.id}" if self.goal else ""
        self._edit("Set deadline", key, deadline=self.deadline_edit.value())

    def _save_factor(self) -> None:
        value = self.factor_combo.currentData()
        self._edit("Set factor", factor=Factor(value) if value else None)

    def _save_progress(self) -> None:
        if self.goal is not None and not self.goal.steps:
            self._edit("Set progress", progress=self.progress_spin.value())

    def _status_chosen(self) -> None:
        if self._loading or self.goal is None:
            return
        value = self.status_combo.currentData()
        if (value is None) != (not self.status_by_hand) or (
            value is not None and value != self.goal.status.value
        ):
            self._set_status(GoalStatus(value) if value else None)

    def _accept_offer(self) -> None:
        self.offer.hide()
        self._set_status(GoalStatus.DONE)

    def _open(self, index: Any) -> None:
        link: GoalLink | None = index.data(RECORD_ROLE)
        if link is not None:
            self._open_link(TAB_OF[link.kind], link.id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.why_edit and event.type() == QEvent.Type.FocusOut:
            self._save_why()
        return super().eventFilter(watched, event)


def _set_text(edit: QLineEdit, text: str) -> None:
    if edit.text() != text:
        edit.setText(text)
        edit.setCursorPosition(0)  # show the beginning of a long text
