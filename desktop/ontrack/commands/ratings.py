"""Undoable import of returned questionnaires: every form's ratings go in as one step."""

from __future__ import annotations

from collections.abc import Sequence

from ..services.ratings import RaterChange, RatingService, Returned
from .undoable import UndoableCommand


class ImportRatingsCommand(UndoableCommand):
    """Add the answers of the ready forms; undo puts the raters back as they were asked."""

    def __init__(self, service: RatingService, returned: Sequence[Returned]) -> None:
        ready = [form for form in returned if form.ready]
        names = ", ".join(form.rater_name for form in ready)
        super().__init__(f"Import ratings of {names}" if len(ready) < 4 else "Import ratings")
        self._service = service
        self._returned = tuple(returned)
        self._changes: list[RaterChange] = []

    def apply(self) -> None:
        if not self._changes:
            self._changes = self._service.add(self._returned)
        else:  # redo: exactly what was added the first time
            self._service.put_back([(c.assessment_id, c.after) for c in self._changes])

    def revert(self) -> None:
        self._service.put_back([(c.assessment_id, c.before) for c in self._changes])
