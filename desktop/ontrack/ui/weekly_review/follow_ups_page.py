"""The review's follow-ups page: one follow-up due at a time, a feedback entry's (show the
person what changed) or a conversation's; Enter marks it done, with an optional note."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ...domain.weekly_review import FollowUp, FollowUpKind, since_text
from ..long_text import cap_line
from .actions import MAX_NOTE_LENGTH, ReviewActions
from .step import (
    ItemsStep,
    chosen_kind,
    day_and_since,
    form_row,
    kind_combo,
    plain,
    quoted,
    set_plain,
)

OpenRecord = Callable[[str, str], None]


def who_text(item: FollowUp) -> str:
    if item.kind is FollowUpKind.FEEDBACK:
        return f"Feedback from {item.who or 'someone'}"
    return f"Conversation with {item.who}" + (f" ({item.company})" if item.company else "")


class FollowUpsStep(ItemsStep):
    heading = "Follow-ups due"
    primary_label = "&Done"
    noun = "Follow-up"

    def __init__(
        self,
        follow_ups: tuple[FollowUp, ...],
        actions: ReviewActions,
        today: date,
        open_record: OpenRecord,
        done: Callable[[FollowUp], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(follow_ups, parent)
        self._follow_ups = follow_ups
        self._actions = actions
        self._today = today
        self._done = done
        self.open_record = open_record
        self._settled: set[int] = set()

        self.who = plain(scale=1.25, bold=True)
        self.who.setObjectName("reviewFollowUpWho")
        self.due = plain(muted=True)
        self.about = plain()
        self.plan = plain()
        self.settled_note = plain(muted=True)
        self.note = QLineEdit()
        self.note.setObjectName("reviewFollowUpNote")
        cap_line(self.note, MAX_NOTE_LENGTH, "A note")
        self.note.setAccessibleName("Follow-up note")
        self.kind = kind_combo("How you followed up")
        self.kind.setObjectName("reviewFollowUpKind")
        self.open_button = QPushButton("&Open")
        self.open_button.setAutoDefault(False)
        self.open_button.clicked.connect(self._open)

        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form_row(self.form, "&Note:", self.note)
        self.kind_label = form_row(self.form, "&How:", self.kind)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        for widget in (self.who, self.due, self.about, self.plan):
            layout.addWidget(widget)
        layout.addSpacing(8)
        layout.addLayout(self.form)
        layout.addWidget(self.settled_note)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addStretch(1)

    def show_item(self, index: int) -> None:
        item = self._follow_ups[index]
        feedback = item.kind is FollowUpKind.FEEDBACK
        set_plain(self.who, who_text(item))
        set_plain(
            self.due, "Follow-up due " + day_and_since(item.due, since_text(item.due, self._today))
        )
        if feedback:
            set_plain(self.about, f"They said: {quoted(item.about)}" if item.about else "")
            set_plain(self.plan, f"Your plan: {quoted(item.plan)}" if item.plan else "")
            self.note.setPlaceholderText("Optional: what you showed or said")
            self.open_button.setText("&Open in Journal")
            self.open_button.setToolTip(
                "Show this entry in the Journal tab (the review stays open)"
            )
        else:
            set_plain(self.about, f"Notes: {quoted(item.about)}" if item.about else "")
            set_plain(self.plan, "")
            self.note.setPlaceholderText("Optional: what you followed up with")
            self.open_button.setText("&Open contact")
            self.open_button.setToolTip(
                "Show this contact in the Network tab (the review stays open)"
            )
        # Only a conversation's follow-up is logged as an interaction of some kind.
        self.kind.setVisible(not feedback)
        self.kind_label.setVisible(not feedback)
        set_plain(self.settled_note, "Done." if index in self._settled else "")
        self.note.clear()
        self.note.setFocus(Qt.FocusReason.OtherFocusReason)

    def _open(self) -> None:
        item = self._follow_ups[self._index]
        self.open_record(item.kind.tab, item.record_id)

    def primary(self) -> bool:
        item = self._follow_ups[self._index]
        if self._index in self._settled:
            return self._next()  # done already: Enter just moves on
        try:
            done = self._actions.follow_up_done(item, self.note.text(), chosen_kind(self.kind))
        except LookupError:
            self.report(f"{who_text(item)} was deleted meanwhile; nothing was saved.")
            return self._next()
        if done:
            self._settled.add(self._index)
            self._done(item)
        else:
            self.report(f"{who_text(item)}: already followed up; nothing more was saved.")
        return self._next()
