"""Undoable assessment edits: finish an assessment, delete one, add or remove a rater."""

from __future__ import annotations

from ..domain.assessment import Rater
from ..domain.enums import AssessmentStatus
from ..services.assessments import AssessmentService, RemovedAssessment
from .undoable import UndoableCommand


class FinishAssessmentCommand(UndoableCommand):
    """Mark a draft complete; undo makes it a draft again (its answers stay)."""

    def __init__(self, service: AssessmentService, assessment_id: str) -> None:
        super().__init__("Finish assessment")
        self._service = service
        self._assessment_id = assessment_id
        self._old = AssessmentStatus.DRAFT

    def apply(self) -> None:
        self._old = self._service.set_status(self._assessment_id, AssessmentStatus.COMPLETE)

    def revert(self) -> None:
        self._service.set_status(self._assessment_id, self._old)


class DeleteAssessmentCommand(UndoableCommand):
    """Delete an assessment with its answers and raters; undo puts it back in its place."""

    def __init__(self, service: AssessmentService, assessment_id: str, label: str) -> None:
        super().__init__(f"Delete assessment of {label}")
        self._service = service
        self._assessment_id = assessment_id
        self._removed: RemovedAssessment | None = None

    def apply(self) -> None:
        self._removed = self._service.delete(self._assessment_id)

    def revert(self) -> None:
        assert self._removed is not None
        self._service.restore(self._removed)


class RemoveRaterCommand(UndoableCommand):
    """Remove somebody's ratings from an assessment; undo puts them back in their place."""

    def __init__(self, service: AssessmentService, assessment_id: str, index: int, name: str):
        super().__init__(f"Remove {name}'s ratings")
        self._service = service
        self._assessment_id = assessment_id
        self._index = index
        self._removed: Rater | None = None

    def apply(self) -> None:
        self._removed = self._service.remove_rater(self._assessment_id, self._index)

    def revert(self) -> None:
        assert self._removed is not None
        self._service.insert_rater(self._assessment_id, self._index, self._removed)


class AddRaterCommand(UndoableCommand):
    """Somebody's ratings typed in through the wizard, as one step that undo takes back.

    The wizard saves each rating as it is given (closing it loses nothing), so once it
    closes the rater is in already and the first `apply` finds them there; undo removes
    them, redo puts the same rater back in their place."""

    def __init__(self, service: AssessmentService, assessment_id: str, index: int, rater: Rater):
        super().__init__(f"Add {rater.name}'s ratings")
        self._service = service
        self._assessment_id = assessment_id
        self._index = index
        self._rater = rater

    def apply(self) -> None:
        self._service.keep_rater(self._assessment_id, self._index, self._rater)

    def revert(self) -> None:
        self._rater = self._service.remove_rater(self._assessment_id, self._index)
