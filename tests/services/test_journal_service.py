"""Journal use cases and their undo commands, on a bare QUndoStack."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtGui import QUndoStack

from ontrack.commands.journal import (
    CreateFeedbackCommand,
    DeleteFeedbackCommand,
    EditFeedbackCommand,
)
from ontrack.domain.clock import FixedClock
from ontrack.domain.dataset import Dataset
from ontrack.domain.enums import FeedbackKind
from ontrack.domain.journal_query import JournalQuery
from ontrack.domain.network import Contact
from ontrack.services.change import Change, Topic
from ontrack.services.journal import FeedbackNotFoundError, JournalService
from ontrack.services.registry import Services
from ontrack.storage.database import open_data_file
from ontrack.storage.dataset_write import merge_dataset

TODAY = date(2026, 11, 24)


@pytest.fixture
def services(data_path: Path, clock: FixedClock) -> Iterator[Services]:
    with open_data_file(data_path) as data:
        yield Services.create(data, clock)


@pytest.fixture
def journal(services: Services) -> JournalService:
    return JournalService(services.context)


def test_create_announces_and_reads_back(services: Services, journal: JournalService) -> None:
    seen: list[Change] = []
    services.notifier.data_changed.connect(seen.append)
    entry = journal.create(replace(journal.new_entry(), id="", text="Nice work"))
    assert entry.id
    assert entry.date == TODAY
    assert journal.get(entry.id) == entry
    assert seen == [Change.of(Topic.FEEDBACK, ids=(entry.id,))]
    with pytest.raises(FeedbackNotFoundError):
        journal.get("nope")


def test_links_to_records_that_are_gone_are_dropped(journal: JournalService) -> None:
    entry = journal.create(replace(journal.new_entry(), contact="gone", goal="gone"))
    assert entry.contact is None
    assert journal.get(entry.id).contact is None
    assert journal.get(entry.id).goal is None


def test_ask_then_record_the_answer_in_place(services: Services, journal: JournalService) -> None:
    merge_dataset(services.context.data, Dataset(contacts=(Contact("c1", "Ada Lovelace"),)))
    request = journal.new_request("Ada Lovelace", "my demo", date(2026, 12, 1), contact="c1")
    journal.create(request)
    assert journal.count(JournalQuery(needs_follow_up=True)) == 1
    answer = journal.answered(request, FeedbackKind.PRAISE)
    journal.save(answer)
    stored = journal.get(request.id)
    assert stored.kind is FeedbackKind.PRAISE
    assert stored.contact == "c1"
    assert stored.situation == "my demo"
    assert stored.follow_up_on is None
    assert journal.count(JournalQuery(needs_follow_up=True)) == 0
    with pytest.raises(ValueError, match="answer"):
        journal.answered(request, FeedbackKind.REQUEST)
    assert journal.contact_names() == [("c1", "Ada Lovelace")]


def test_marking_a_follow_up_done_records_the_day_and_note(journal: JournalService) -> None:
    entry = journal.create(replace(journal.new_entry(), follow_up_on=date(2026, 11, 1)))
    assert journal.count(JournalQuery(needs_follow_up=True)) == 1
    journal.save(journal.followed_up(entry, "Showed the new plan"))
    stored = journal.get(entry.id)
    assert stored.followed_up_on == TODAY
    assert stored.follow_up_note == "Showed the new plan"
    assert journal.count(JournalQuery(needs_follow_up=True)) == 0


def test_create_and_delete_commands_undo_and_redo(journal: JournalService) -> None:
    stack = QUndoStack()
    create = CreateFeedbackCommand(journal, replace(journal.new_entry(), text="hello"))
    stack.push(create)
    entry = create.feedback
    stack.undo()
    assert journal.find(entry.id) is None
    stack.redo()
    assert journal.get(entry.id) == entry
    stack.push(DeleteFeedbackCommand(journal, entry.id))
    assert journal.find(entry.id) is None
    stack.undo()
    assert journal.get(entry.id) == entry


def test_typing_into_one_field_merges_into_one_undo_step(journal: JournalService) -> None:
    stack = QUndoStack()
    entry = journal.create(journal.new_entry())
    current = entry
    for text in ("I", "I w", "I will"):
        new = replace(current, action_plan=text)
        stack.push(EditFeedbackCommand(journal, current, new, field="action_plan"))
        current = new
    new = replace(current, reflection="fair")
    stack.push(EditFeedbackCommand(journal, current, new, field="reflection"))
    assert stack.count() == 2
    stack.undo()
    assert journal.get(entry.id).reflection == ""
    assert journal.get(entry.id).action_plan == "I will"
    stack.undo()
    assert journal.get(entry.id) == entry
    stack.redo()
    stack.redo()
    assert journal.get(entry.id) == new
