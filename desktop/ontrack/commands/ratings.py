"""Undoable ratings from others: asking somebody (adding them as a rater), and importing
the questionnaires that come back, every form's ratings as one step."""

from __future__ import annotations

from collections.abc import Sequence

from ..domain.assessment import Rater
from ..domain.enums import Relationship
from ..services.ratings import RaterChange, RatingService, Returned
from .undoable import UndoableCommand


class AskRaterCommand(UndoableCommand):
    """Add somebody to be asked; undo takes them off again, redo puts the same rater (the
    same id, which a questionnaire already written carries) back in their place."""

    def __init__(
        self,
        service: RatingService,
        assessment_id: str,
        name: str,
        relationship: Relationship,
        email: str = "",
        *,
        ask_consent: bool = False,
    ) -> None:
        super().__init__(f"Ask {name.strip()} for ratings")
        self._service = service
        self._assessment_id = assessment_id
        self._wanted = (name, relationship, email, ask_consent)
        self.rater: Rater | None = None
        self._index = -1

    def apply(self) -> None:
        if self.rater is None:
            name, relationship, email, consent = self._wanted
            self.rater = self._service.ask(
                self._assessment_id, name, relationship, email, ask_consent=consent
            )
        else:
            self._service.reinstate(self._assessment_id, self._index, self.rater)

    def revert(self) -> None:
        assert self.rater is not None
        self._index, self.rater = self._service.withdraw(self._assessment_id, self.rater.id)


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
