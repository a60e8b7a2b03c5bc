"""Asking somebody for ratings is one undoable step, on a bare QUndoStack."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QUndoStack

from ontrack.commands.ratings import AskRaterCommand
from ontrack.commands.undoable import push
from ontrack.domain.assessment import NameConsent
from ontrack.domain.clock import FixedClock
from ontrack.domain.enums import Relationship
from ontrack.services.registry import Services
from ontrack.storage.database import open_data_file


def test_undo_takes_the_rater_off_and_redo_brings_the_same_one_back(
    data_path: Path, clock: FixedClock
) -> None:
    with open_data_file(data_path) as data:
        services = Services.create(data, clock)
        assessment = services.assessments.start("Engineer", "Lead")
        services.assessments.add_rater(assessment.id, "Typed In", Relationship.CLIENT)
        stack = QUndoStack()
        command = AskRaterCommand(
            services.ratings, assessment.id, " Ana ", Relationship.PEER, ask_consent=True
        )
        push(stack, command)
        assert stack.undoText() == "Ask Ana for ratings"
        asked = command.rater
        assert asked is not None
        assert asked.consent is NameConsent.ASKED
        assert [r.name for r in services.assessments.get(assessment.id).raters] == [
            "Typed In",
            "Ana",
        ]
        stack.undo()
        assert [r.name for r in services.assessments.get(assessment.id).raters] == ["Typed In"]
        stack.redo()
        assert services.assessments.get(assessment.id).raters[1] == asked  # same id: its form
