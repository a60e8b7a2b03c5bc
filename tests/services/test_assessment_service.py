"""Assessment use cases and their undo commands, on a bare QUndoStack."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtGui import QUndoStack

from ontrack.commands.assessments import (
    DeleteAssessmentCommand,
    FinishAssessmentCommand,
    RemoveRaterCommand,
)
from ontrack.domain.assessment import Reflections
from ontrack.domain.clock import FixedClock
from ontrack.domain.enums import AssessmentStatus, Relationship
from ontrack.services.assessments import AssessmentNotFoundError, AssessmentService
from ontrack.services.change import Change, Topic
from ontrack.services.registry import Services
from ontrack.storage.database import open_data_file


@pytest.fixture
def services(data_path: Path, clock: FixedClock) -> Iterator[Services]:
    with open_data_file(data_path) as data:
        yield Services.create(data, clock)


@pytest.fixture
def service(services: Services) -> AssessmentService:
    return AssessmentService(services.context)


def _rate_all(service: AssessmentService, assessment_id: str, rating: int = 4) -> None:
    for statement in service.content.statements:
        service.rate(assessment_id, statement.id, rating)


def test_each_answer_is_saved_at_once_and_announced(
    services: Services, service: AssessmentService
) -> None:
    seen: list[Change] = []
    services.notifier.data_changed.connect(seen.append)
    draft = service.start(" Engineer ", "Manager")
    assert (draft.taken_on, draft.status) == (date(2026, 11, 24), AssessmentStatus.DRAFT)
    assert draft.current_role == "Engineer"
    service.rate(draft.id, "people.1", 5)
    service.rate(draft.id, "people.1", 2)
    service.set_reflections(draft.id, Reflections(skills_enjoyed="Teaching"))
    stored = service.get(draft.id)
    assert [(a.statement, a.rating) for a in stored.answers] == [("people.1", 2)]
    assert stored.reflections.skills_enjoyed == "Teaching"
    assert service.latest_draft() == stored
    assert len(seen) == 4
    assert all(c == Change.of(Topic.ASSESSMENTS, ids=(draft.id,)) for c in seen)


def test_unknown_statement_and_missing_assessment_are_refused(service: AssessmentService) -> None:
    draft = service.start("", "")
    with pytest.raises(ValueError, match="unknown statement"):
        service.rate(draft.id, "people.99", 3)
    with pytest.raises(AssessmentNotFoundError):
        service.rate("nope", "people.1", 3)


def test_finish_needs_every_statement_and_undo_reopens(service: AssessmentService) -> None:
    draft = service.start("Engineer", "Manager")
    service.rate(draft.id, "people.1", 3)
    with pytest.raises(ValueError, match="not rated"):
        service.set_status(draft.id, AssessmentStatus.COMPLETE)
    _rate_all(service, draft.id)
    stack = QUndoStack()
    stack.push(FinishAssessmentCommand(service, draft.id))
    assert service.get(draft.id).status is AssessmentStatus.COMPLETE
    assert service.latest_draft() is None
    stack.undo()
    assert service.get(draft.id).status is AssessmentStatus.DRAFT
    stack.redo()
    assert service.latest_complete() == service.get(draft.id)


def test_delete_command_undo_brings_it_back_whole(service: AssessmentService) -> None:
    draft = service.start("Engineer", "Manager")
    _rate_all(service, draft.id)
    service.add_rater(draft.id, "Ana", Relationship.MANAGER)
    service.rate(draft.id, "teamwork.1", 1, rater=0)
    before = service.get(draft.id)
    stack = QUndoStack()
    stack.push(DeleteAssessmentCommand(service, draft.id, "24 Nov 2026"))
    assert service.find(draft.id) is None
    stack.undo()
    assert service.get(draft.id) == before
    stack.redo()
    assert service.find(draft.id) is None


def test_raters_added_and_removed(service: AssessmentService) -> None:
    draft = service.start("", "")
    assert service.add_rater(draft.id, "Ana", Relationship.PEER) == 0
    assert service.add_rater(draft.id, "Bo", Relationship.CLIENT) == 1
    service.rate(draft.id, "image.1", 5, rater=1)
    stack = QUndoStack()
    stack.push(RemoveRaterCommand(service, draft.id, 0, "Ana"))
    after = service.get(draft.id)
    assert [r.name for r in after.raters] == ["Bo"]
    assert after.raters[0].answers[0].rating == 5
    stack.undo()
    assert [r.name for r in service.get(draft.id).raters] == ["Ana", "Bo"]
    with pytest.raises(IndexError):
        service.remove_rater(draft.id, 5)
    with pytest.raises(ValueError, match="name"):
        service.add_rater(draft.id, "", Relationship.PEER)


def test_previous_and_choices(service: AssessmentService, clock: FixedClock) -> None:
    first = service.start("Engineer", "Manager")
    _rate_all(service, first.id, 2)
    service.set_status(first.id, AssessmentStatus.COMPLETE)
    second = service.start("Engineer", "Manager")
    assert service.previous(second.id) == service.get(first.id)
    assert service.previous(first.id) is None
    labels = dict(service.choices())
    assert labels[second.id] == "24 Nov 2026 · Engineer → Manager (draft)"


def test_overall_scores_of_several(service: AssessmentService) -> None:
    low = service.start("", "")
    _rate_all(service, low.id, 3)
    empty = service.start("", "")
    assert service.overall_scores([low.id, empty.id]) == {low.id: 50, empty.id: None}
