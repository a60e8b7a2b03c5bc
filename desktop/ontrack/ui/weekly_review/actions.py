"""What the weekly review writes, each as one undoable command on the shared undo stack:
a check-in on a goal, a feedback follow-up done, a conversation followed up, a contact
reached out to.

The commands are the tabs' own (the Goals tab's `ChangeGoalCommand` for check-ins, the
Journal's `EditFeedbackCommand` with `JournalService.followed_up`, the Network's
`AddInteractionCommand`), so each change is settled by the same rules, is on disk when the
push returns, and is announced to every tab. Each reads the record afresh first: the
review may have been open a while, and the tabs may have changed it meanwhile. A change
the services refuse raises before the undo stack changes (`commands.undoable.push`), and
the page stays on its item with what was typed.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtGui import QUndoStack

from ...commands.goals import ChangeGoalCommand
from ...commands.journal import EditFeedbackCommand
from ...commands.network import AddInteractionCommand
from ...commands.undoable import push
from ...domain.enums import InteractionKind
from ...domain.goals import CheckIn
from ...domain.ids import new_id
from ...domain.network import Interaction
from ...domain.weekly_review import FollowUp, FollowUpKind, QuietGoal, ReachOut
from ...services.registry import Services

MAX_NOTE_LENGTH = 5000  # as the Goals tab's check-in box
FOLLOWED_UP_NOTE = "Followed up"  # what a conversation's follow-up says without a note
REACHED_OUT_NOTE = "Reached out (weekly review)"


def short(text: str, length: int = 40) -> str:
    """A title as an undo entry shows it: one line, at most `length` characters."""
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1] + "…"


class ReviewActions:
    def __init__(self, services: Services, undo_stack: QUndoStack) -> None:
        self._context = services.context
        self.goals = services.goals
        self.journal = services.journal
        self.network = services.network
        self._stack = undo_stack

    def check_in(self, item: QuietGoal, note: str, progress: int) -> bool:
        """Add a check-in dated today; False (nothing saved) for an empty note with the
        progress unchanged. A changed figure goes with the check-in and, for a goal without
        steps, becomes its progress, as in the Goals tab. Raises LookupError if the goal
        was deleted meanwhile."""
        note = note.strip()[:MAX_NOTE_LENGTH]
        changed = progress != item.progress
        if not note and not changed:
            return False
        goal = self.goals.get(item.id)
        figure = progress if changed else None
        checkin = CheckIn(new_id(), self._context.clock.today(), note, figure)
        after = replace(goal, checkins=(*goal.checkins, checkin))
        if figure is not None and not goal.steps:
            after = replace(after, progress=figure)
        push(
            self._stack,
            ChangeGoalCommand(self.goals, goal, after, f"Check-in on “{short(goal.title)}”"),
        )
        return True

    def follow_up_done(self, item: FollowUp, note: str, kind: InteractionKind) -> bool:
        """Settle a follow-up; False if it was settled meanwhile (nothing saved). Raises
        LookupError if its record was deleted meanwhile."""
        note = note.strip()[:MAX_NOTE_LENGTH]
        if item.kind is FollowUpKind.FEEDBACK:
            entry = self.journal.get(item.record_id)
            if entry.followed_up_on is not None:
                return False
            done = self.journal.followed_up(entry, note)
            text = f"Follow-up done: feedback from {short(entry.source_name or 'someone')}"
            push(self._stack, EditFeedbackCommand(self.journal, entry, done, text))
            return True
        # Logging anything after a conversation settles its follow-up
        # (domain.keep_in_touch.open_follow_up): no flag to set, nothing else to store.
        contact = self.network.contact(item.record_id)
        self._log(contact.id, kind, note or FOLLOWED_UP_NOTE, f"Follow up with {contact.name}")
        return True

    def reach_out(self, item: ReachOut, note: str, kind: InteractionKind) -> None:
        """Log an interaction today, which moves the contact's next reconnect date."""
        contact = self.network.contact(item.id)
        note = note.strip()[:MAX_NOTE_LENGTH] or REACHED_OUT_NOTE
        self._log(contact.id, kind, note, f"Reach out to {contact.name}")

    def _log(self, contact_id: str, kind: InteractionKind, note: str, text: str) -> None:
        interaction = Interaction(new_id(), self._context.clock.today(), kind, None, note)
        command = AddInteractionCommand(self.network, contact_id, interaction)
        command.setText(short(text, 60))
        push(self._stack, command)
