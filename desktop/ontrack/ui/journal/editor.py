"""The Journal's editor pane: every field of one entry, saving itself.

Edits are saved after a short pause in typing, and at once when focus leaves a field, when
another entry is selected and when the window closes (the tab calls `flush`). Each save is
an undoable command; runs of typing in one field merge into one undo step.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from ...commands.journal import EditFeedbackCommand
from ...commands.undoable import push
from ...domain.dates import written
from ...domain.enums import FeedbackKind, Relationship
from ...domain.journal import Feedback
from ...services.journal import JournalService
from .editor_layout import JournalEditorLayout

SAVE_DELAY_MS = 700

FIELD_LABELS = {
    "date": "date", "kind": "kind", "source_name": "who", "relationship": "relationship",
    "contact": "contact", "situation": "situation", "behavior": "behaviour",
    "impact": "impact", "text": "what was said", "reflection": "reflection",
    "action_plan": "action plan", "follow_up_on": "follow-up date",
    "followed_up_on": "followed-up date", "follow_up_note": "follow-up note",
    "factors": "factors", "goal": "linked goal", "tags": "tags",
}  # fmt: skip


def parse_tags(text: str) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for tag in text.split(","):
        tag = " ".join(tag.split())
        if tag and tag.casefold() not in {t.casefold() for t in seen}:
            seen[tag] = None
    return tuple(seen)


class JournalEditor(JournalEditorLayout):
    """Shows and edits one entry (or says how to start when there is none)."""

    def __init__(
        self,
        service: JournalService,
        undo_stack: QUndoStack,
        open_tab: Callable[[str, str | None], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(service.today, parent)
        self._service = service
        self._undo_stack = undo_stack
        self._open_tab = open_tab
        self._current: Feedback | None = None
        self._dirty: set[str] = set()
        self._refused = False  # the last save was refused: what the fields hold is unsaved
        self._loading = False
        self._contact_ids: dict[str, str] = {}  # name -> id (the first, if names repeat)
        self._contact_names: dict[str, str] = {}  # id -> name
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.flush)

        for name, signal in self._change_signals().items():
            signal.connect(lambda *_, field=name: self._edited(field))
        self.who_edit.textEdited.connect(self._who_typed)
        for widget in self._field_widgets():
            widget.installEventFilter(self)
        self.completer.activated.connect(self._contact_chosen)
        self.open_contact_button.clicked.connect(self._open_contact)
        self.open_goal_button.clicked.connect(self._open_goal)

    # -- choices offered ---------------------------------------------------------------
    def set_choices(self, contacts: list[tuple[str, str]], goals: list[tuple[str, str]]) -> None:
        self._contact_ids = {}
        for contact_id, name in contacts:
            self._contact_ids.setdefault(name, contact_id)
        self._contact_names = dict(contacts)
        self._names.setStringList(list(self._contact_ids))
        self._loading = True
        try:
            self.goal_combo.clear()
            self.goal_combo.addItem("No linked goal", None)
            for goal_id, title in goals:
                self.goal_combo.addItem(title, goal_id)
        finally:
            self._loading = False
        if self._current is not None:
            self._show_fields(self._current, force=True)

    # -- showing -----------------------------------------------------------------------
    @property
    def current(self) -> Feedback | None:
        return self._current

    def show_entry(self, feedback: Feedback | None) -> None:
        """Show another entry (the caller flushed the one shown before)."""
        self._timer.stop()
        self._dirty.clear()
        self._refused = False
        self._current = feedback
        self.widget().setEnabled(feedback is not None)
        if feedback is not None:
            self._show_fields(feedback, force=True)

    def refresh(self, stored: Feedback | None) -> None:
        """The stored entry changed (undo, redo, another action): show the fields that
        differ, but never overwrite what is being typed and not saved yet."""
        if stored is None:
            self.show_entry(None)
            return
        self._current = stored
        self._show_fields(stored, force=False)

    def _show_fields(self, f: Feedback, force: bool) -> None:
        shown = self._collect(f) if not force else None
        self._loading = True
        try:
            setters: dict[str, Callable[[], None]] = {
                "date": lambda: self.date_edit.set_value(f.date),
                "kind": lambda: self.kind_combo.setCurrentIndex(
                    self.kind_combo.findData(f.kind.value)
                ),
                "source_name": lambda: self.who_edit.setText(f.source_name),
                "relationship": lambda: self.relationship_combo.setCurrentIndex(
                    self.relationship_combo.findData(f.relationship.value)
                ),
                "situation": lambda: self.situation_edit.set_value(f.situation),
                "behavior": lambda: self.behavior_edit.set_value(f.behavior),
                "impact": lambda: self.impact_edit.set_value(f.impact),
                "text": lambda: self.text_edit.set_value(f.text),
                "reflection": lambda: self.reflection_edit.set_value(f.reflection),
                "action_plan": lambda: self.plan_edit.set_value(f.action_plan),
                "follow_up_on": lambda: self.follow_up_field.set_value(f.follow_up_on),
                "followed_up_on": lambda: self.followed_up_field.set_value(f.followed_up_on),
                "follow_up_note": lambda: self.follow_up_note_edit.set_value(f.follow_up_note),
                "factors": lambda: self.factor_picker.set_value(f.factors),
                "goal": lambda: self.goal_combo.setCurrentIndex(
                    max(0, self.goal_combo.findData(f.goal))
                ),
                "tags": lambda: self.tags_edit.setText(", ".join(f.tags)),
            }
            for name, set_field in setters.items():
                if name in self._dirty:
                    continue
                if shown is None or getattr(shown, name) != getattr(f, name):
                    set_field()
        finally:
            self._loading = False
        self._update_state(f)

    def _update_state(self, f: Feedback) -> None:
        is_request = f.kind is FeedbackKind.REQUEST
        self.request_banner.setVisible(is_request)
        self.said_heading.setText("Your request" if is_request else "What was said")
        labels = self.said_labels
        labels["journalSituation"].setText("Ab&out" if is_request else "Sit&uation")
        labels["journalText"].setText("You asked" if is_request else "In their words")
        if is_request:
            who = f.source_name or "someone"
            chase = f" — chase by {written(f.follow_up_on)}" if f.follow_up_on else ""
            self.request_label.setText(f"You asked {who} for feedback{chase}.")
        linked = f.contact is not None
        name = self._contact_names.get(f.contact or "", f.source_name)
        self.contact_label.setText(
            f"Linked to {name} in your Network" if linked else "Not linked to a contact"
        )
        self.open_contact_button.setEnabled(linked)
        self.open_goal_button.setEnabled(f.goal is not None)
        self.plan_button.setEnabled(bool(f.action_plan.strip()))
        done = f.followed_up_on is not None
        self.mark_done_button.setEnabled(not done and not is_request)
        self.mark_done_button.setText("Followed up ✓" if done else "&Mark followed up today")

    # -- saving ------------------------------------------------------------------------
    def _collect(self, base: Feedback) -> Feedback:
        goal = self.goal_combo.currentData()
        return replace(
            base,
            date=self.date_edit.value_or(base.date),  # not a date: the field says why
            kind=FeedbackKind(self.kind_combo.currentData()),
            source_name=self.who_edit.text().strip(),
            relationship=Relationship(self.relationship_combo.currentData()),
            situation=self.situation_edit.value(),
            behavior=self.behavior_edit.value(),
            impact=self.impact_edit.value(),
            text=self.text_edit.value(),
            reflection=self.reflection_edit.value(),
            action_plan=self.plan_edit.value(),
            follow_up_on=self.follow_up_field.value_or(base.follow_up_on),
            followed_up_on=self.followed_up_field.value_or(base.followed_up_on),
            follow_up_note=self.follow_up_note_edit.value(),
            factors=self.factor_picker.value(),
            goal=goal if isinstance(goal, str) else None,
            tags=parse_tags(self.tags_edit.text()),
        )

    def _edited(self, field: str) -> None:
        if self._loading or self._current is None:
            return
        self._dirty.add(field)
        self._timer.start()
        if field == "action_plan":
            self.plan_button.setEnabled(bool(self.plan_edit.value().strip()))

    def has_pending_edits(self) -> bool:
        return bool(self._dirty) or self._refused

    def flush(self) -> None:
        """Save what was typed and not saved yet (one undoable step)."""
        self._timer.stop()
        if not (self._dirty or self._refused) or self._current is None:
            self._dirty.clear()
            return
        dirty, self._dirty = self._dirty, set()
        old = self._current
        if self._service.find(old.id) is None:
            return  # deleted meanwhile (undo of its creation): nothing left to save into
        new = self._collect(old)
        if new == old:
            return
        changed = [name for name in FIELD_LABELS if getattr(new, name) != getattr(old, name)]
        field = changed[0] if len(changed) == 1 and changed[0] in dirty else None
        label = f"Edit {FIELD_LABELS[field]}" if field else "Edit feedback"
        try:
            push(self._undo_stack, EditFeedbackCommand(self._service, old, new, label, field))
        except BaseException:
            # Refused (a read-only file, a full disk): the text stays in the fields and is
            # saved with the next edit or flush. Not on mere focus changes, which would
            # ask again behind every message box.
            self._refused = True
            raise
        self._refused = False
        self._current = new
        self._update_state(new)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut and self._dirty:
            self.flush()
        return super().eventFilter(watched, event)

    # -- links -------------------------------------------------------------------------
    def _contact_chosen(self, name: str) -> None:
        contact_id = self._contact_ids.get(name)
        if self._current is None or contact_id is None:
            return
        self.who_edit.setText(name)
        self._link_contact(contact_id)

    def _who_typed(self, text: str) -> None:
        current = self._current
        linked = current.contact if current is not None else None
        if linked is not None and self._contact_names.get(linked) != text.strip():
            self._link_contact(None)

    def _link_contact(self, contact_id: str | None) -> None:
        """Linking is one step together with what was typed and not saved yet."""
        current = self._current
        if current is None or self._service.find(current.id) is None:
            return
        self._timer.stop()
        self._dirty.clear()
        new = replace(self._collect(current), contact=contact_id)
        if new == current:
            return
        text = "Link contact" if contact_id else "Unlink contact"
        self._current = new
        push(self._undo_stack, EditFeedbackCommand(self._service, current, new, text))
        self._update_state(new)

    def _open_contact(self) -> None:
        if self._current is not None and self._current.contact:
            self.flush()
            self._open_tab("networkTab", self._current.contact)

    def _open_goal(self) -> None:
        if self._current is not None and self._current.goal:
            self.flush()
            self._open_tab("goalsTab", self._current.goal)
