"""Undoable journal edits: create and delete entries, and change one (typing into one field
merges into one undo step)."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from ..domain.journal import Feedback
from ..domain.removed import RemovedFeedback
from ..services.journal import JournalService
from .undoable import UndoableCommand

_EDIT_ID = 5001  # QUndoCommand.id() of field edits, so that QUndoStack tries mergeWith


class CreateFeedbackCommand(UndoableCommand):
    """Record an entry; undo deletes it, redo brings the same entry (same id) back."""

    def __init__(self, service: JournalService, feedback: Feedback, text: str = "") -> None:
        super().__init__(text or "New feedback")
        self._service = service
        self._feedback = feedback
        self._removed: RemovedFeedback | None = None

    @property
    def feedback(self) -> Feedback:
        return self._feedback

    def apply(self) -> None:
        if self._removed is None:
            self._feedback = self._service.create(self._feedback)
        else:
            self._service.restore(self._removed)

    def revert(self) -> None:
        self._removed = self._service.delete(self._feedback.id)


class DeleteFeedbackCommand(UndoableCommand):
    def __init__(self, service: JournalService, feedback_id: str, text: str = "") -> None:
        super().__init__(text or "Delete feedback")
        self._service = service
        self._feedback_id = feedback_id
        self._removed: RemovedFeedback | None = None

    def apply(self) -> None:
        self._removed = self._service.delete(self._feedback_id)

    def revert(self) -> None:
        assert self._removed is not None
        self._service.restore(self._removed)


class EditFeedbackCommand(UndoableCommand):
    """Replace an entry with a changed version. Edits of the same `field` of the same entry
    pushed one after the other (typing) merge, so one undo takes back the whole run."""

    def __init__(
        self,
        service: JournalService,
        old: Feedback,
        new: Feedback,
        text: str = "Edit feedback",
        field: str | None = None,
    ) -> None:
        super().__init__(text)
        self._service = service
        self._old = old
        self._new = new
        self._field = field

    @property
    def new(self) -> Feedback:
        return self._new

    def apply(self) -> None:
        self._service.save(self._new, based_on=self._old)

    def revert(self) -> None:
        self._service.save(self._old, based_on=self._new)

    def id(self) -> int:
        return _EDIT_ID if self._field else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, EditFeedbackCommand):
            return False
        if other._field != self._field or other._new.id != self._new.id or not self._field:
            return False
        self._new = other._new
        return True
