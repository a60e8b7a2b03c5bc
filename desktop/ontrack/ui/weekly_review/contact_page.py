"""The review's contact page: the one person most overdue to hear from you (the
keep-in-touch cadence; ties by name). Enter logs that you reached out; "Suggest another"
offers the next most overdue."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ...domain.weekly_review import ReachOut, since_text
from ..long_text import cap_line
from ..paged_model import format_date
from .actions import MAX_NOTE_LENGTH, ReviewActions
from .step import ReviewStep, chosen_kind, day_and_since, form_row, kind_combo, plain, set_plain

OpenRecord = Callable[[str, str], None]


def role_text(contact: ReachOut) -> str:
    if contact.role and contact.company:
        return f"{contact.role} at {contact.company}"
    return contact.role or contact.company


def in_touch_text(contact: ReachOut, today: date) -> str:
    if contact.last_interaction is None:
        last = "No interaction logged yet"
    else:
        when = day_and_since(contact.last_interaction, since_text(contact.last_interaction, today))
        last = f"Last in touch {when}"
    if contact.next_reconnect == date.min:
        return f"{last}; due to reconnect now."
    return f"{last}; due to reconnect since {format_date(contact.next_reconnect)}."


class ContactStep(ReviewStep):
    heading = "Reach out to someone"
    primary_label = "I &reached out"

    def __init__(
        self,
        contacts: tuple[ReachOut, ...],
        actions: ReviewActions,
        today: date,
        open_record: OpenRecord,
        reached: Callable[[ReachOut], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._actions = actions
        self._today = today
        self._reached = reached
        self._all = contacts
        self._candidates = contacts
        self._index = 0
        self._contacted: set[str] = set()  # here or earlier in this review

        self.name = plain(scale=1.4, bold=True)
        self.name.setObjectName("reviewContactName")
        self.role = plain(muted=True)
        self.in_touch = plain()
        self.why = plain(
            "A short note, a link you found useful, or a question about their work keeps "
            "the connection warm.",
            muted=True,
        )
        self.note = QLineEdit()
        self.note.setObjectName("reviewContactNote")
        cap_line(self.note, MAX_NOTE_LENGTH, "A note")
        self.note.setPlaceholderText("Optional: what you sent or talked about")
        self.note.setAccessibleName("Note on reaching out")
        self.kind = kind_combo("How you reached out")
        self.kind.setObjectName("reviewContactKind")
        self.open_button = QPushButton("&Open contact")
        self.open_button.setAutoDefault(False)
        self.open_button.setToolTip("Show this contact in the Network tab (the review stays open)")
        self.open_button.clicked.connect(
            lambda: open_record("networkTab", self._candidates[self._index].id)
        )
        self.another_button = QPushButton("Suggest &another")
        self.another_button.setAutoDefault(False)
        self.another_button.setToolTip("The next person most overdue to hear from you")
        self.another_button.clicked.connect(self.suggest_another)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form_row(form, "&Note:", self.note)
        form_row(form, "&How:", self.kind)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        for widget in (self.name, self.role, self.in_touch, self.why):
            layout.addWidget(widget)
        layout.addSpacing(8)
        layout.addLayout(form)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.another_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addStretch(1)

    def note_contacted(self, contact_id: str) -> None:
        """A conversation followed up earlier in the review: no need to suggest them too."""
        self._contacted.add(contact_id)

    def has_items(self) -> bool:
        return any(c.id not in self._contacted for c in self._all)

    def counter(self) -> str:
        if len(self._candidates) < 2:
            return ""
        return f"Suggestion {self._index + 1} of {len(self._candidates)}"

    def can_skip(self) -> bool:
        return True

    def enter(self, forward: bool) -> None:
        self._candidates = tuple(c for c in self._all if c.id not in self._contacted)
        self._show(0)

    def suggest_another(self) -> None:
        self._show((self._index + 1) % len(self._candidates))

    def _show(self, index: int) -> None:
        self._index = index
        contact = self._candidates[index]
        set_plain(self.name, contact.name)
        set_plain(self.role, role_text(contact))
        set_plain(self.in_touch, in_touch_text(contact, self._today))
        self.another_button.setEnabled(len(self._candidates) > 1)
        self.note.clear()
        self.note.setFocus(Qt.FocusReason.OtherFocusReason)
        self.changed.emit()

    def primary(self) -> bool:
        contact = self._candidates[self._index]
        try:
            self._actions.reach_out(contact, self.note.text(), chosen_kind(self.kind))
        except LookupError:
            self.report(f"{contact.name} was deleted meanwhile; nothing was saved.")
            return True
        self._contacted.add(contact.id)
        self._reached(contact)
        return True
