"""Every undo command refuses before it changes anything: on a bare QUndoStack, a push whose
change fails (a read-only file, a goal over its limits) raises its own clear error and leaves
the stack (count, index, undo and redo) and the data exactly as they were."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtGui import QUndoStack

from ontrack.commands.assessments import (
    AddRaterCommand,
    DeleteAssessmentCommand,
    FinishAssessmentCommand,
    RemoveRaterCommand,
)
from ontrack.commands.goals import (
    AddStepCommand,
    ChangeGoalCommand,
    CreateGoalCommand,
    DeleteGoalCommand,
    SetStatusCommand,
)
from ontrack.commands.journal import (
    CreateFeedbackCommand,
    DeleteFeedbackCommand,
    EditFeedbackCommand,
)
from ontrack.commands.network import (
    AddInteractionCommand,
    CreateContactCommand,
    CreateEventCommand,
    DeleteContactCommand,
    DeleteEventCommand,
    EditContactCommand,
    EditEventCommand,
    ImportContactsCommand,
    LinkPeopleCommand,
    RemoveInteractionCommand,
)
from ontrack.commands.profile import EditProfileCommand
from ontrack.commands.ratings import AskRaterCommand, ImportRatingsCommand
from ontrack.commands.undoable import UndoableCommand, push
from ontrack.domain.assessment import Answer, Rater
from ontrack.domain.clock import FixedClock
from ontrack.domain.contact_matching import ImportPlan
from ontrack.domain.enums import GoalStatus, Relationship
from ontrack.domain.goals import Goal, Step
from ontrack.domain.journal import Feedback
from ontrack.domain.network import Contact, Event, Interaction
from ontrack.domain.profile import Profile
from ontrack.domain.questionnaire import FormAnswers
from ontrack.domain.validation import InvalidRecordError
from ontrack.services.assessments import AssessmentService
from ontrack.services.goals import GoalService
from ontrack.services.journal import JournalService
from ontrack.services.network import NetworkService
from ontrack.services.ratings import Returned
from ontrack.services.registry import Services
from ontrack.storage.connection import DataFile
from ontrack.storage.database import open_data_file
from ontrack.storage.dataset_read import load_dataset
from ontrack.storage.errors import UnwritableFileError
from tests.conftest import TODAY, FileTemplates


@dataclass
class World:
    data: DataFile
    services: Services
    goals: GoalService
    journal: JournalService
    network: NetworkService
    assessments: AssessmentService
    goal: Goal
    feedback: Feedback
    contact: Contact
    event: Event
    assessment_id: str


def _fill(path: Path) -> None:
    """A profile, a goal with a step, feedback, a contact who was met, an event, and an
    assessment with one rater added and one asked, every statement rated (ready to finish)."""
    with open_data_file(path) as data:
        services = Services.create(data, FixedClock.on(TODAY))
        context = services.context
        goals, journal = GoalService(context), JournalService(context)
        network, assessments = NetworkService(context), AssessmentService(context)
        services.profile.update(Profile("Ada", "Engineer", "Lead"))
        goals.create(Goal("", "Speak up", steps=(Step("s1", "Ask a question"),)))
        journal.create(Feedback("", date(2026, 11, 1), text="Good demo"))
        contact = network.create_contact(Contact("", "Grace"))
        network.add_interaction(contact.id, Interaction("i1", date(2026, 11, 2), notes="Coffee"))
        network.create_event(Event("", "Meetup", date(2026, 11, 3)))
        assessment = assessments.start("Engineer", "Lead")
        assessments.add_rater(assessment.id, "Lin", Relationship.MANAGER)
        services.ratings.ask(assessment.id, "Kim", Relationship.PEER)
        for statement in assessments.content.statements:
            assessments.rate(assessment.id, statement.id, 3)


@pytest.fixture
def world(tmp_path: Path, clock: FixedClock, file_templates: FileTemplates) -> Iterator[World]:
    # Filled once, copied for each test: each test changes a file of its own.
    path = file_templates.copy("refusals", _fill, tmp_path / "refusals.sqlite")
    with open_data_file(path) as data:
        services = Services.create(data, clock)
        context = services.context
        goals, journal = GoalService(context), JournalService(context)
        network, assessments = NetworkService(context), AssessmentService(context)
        dataset = load_dataset(data)
        [goal], [feedback], [contact] = dataset.goals, dataset.feedback, dataset.contacts
        [event], [assessment] = dataset.events, dataset.assessments
        yield World(
            data, services, goals, journal, network, assessments, goals.get(goal.id),
            journal.get(feedback.id), network.contact(contact.id), network.event(event.id),
            assessment.id,
        )  # fmt: skip


def _commands(w: World) -> dict[str, Callable[[], UndoableCommand]]:
    interaction = w.contact.interactions[0]
    return {
        "edit profile": lambda: EditProfileCommand(
            w.services.profile, w.services.profile.get(), Profile("Bo", "x", "y")
        ),
        "create goal": lambda: CreateGoalCommand(w.goals, Goal("", "Listen more")),
        "delete goal": lambda: DeleteGoalCommand(w.goals, w.goal.id, w.goal.title),
        "add step": lambda: AddStepCommand(w.goals, w.goal.id, "Book a slot"),
        "change goal": lambda: ChangeGoalCommand(
            w.goals, w.goal, replace(w.goal, title="Speak up more"), "Rename"
        ),
        "set status": lambda: SetStatusCommand(w.goals, w.goal.id, GoalStatus.AT_RISK),
        "create feedback": lambda: CreateFeedbackCommand(
            w.journal, Feedback("", date(2026, 11, 5), text="Late")
        ),
        "delete feedback": lambda: DeleteFeedbackCommand(w.journal, w.feedback.id),
        "edit feedback": lambda: EditFeedbackCommand(
            w.journal, w.feedback, replace(w.feedback, text="Great demo"), field="text"
        ),
        "create contact": lambda: CreateContactCommand(w.network, Contact("", "Alan")),
        "edit contact": lambda: EditContactCommand(
            w.network, w.contact, replace(w.contact, company="Acme")
        ),
        "delete contact": lambda: DeleteContactCommand(w.network, w.contact.id, w.contact.name),
        "add interaction": lambda: AddInteractionCommand(
            w.network, w.contact.id, Interaction("", date(2026, 11, 6), notes="Call")
        ),
        "remove interaction": lambda: RemoveInteractionCommand(
            w.network, w.contact.id, interaction
        ),
        "create event": lambda: CreateEventCommand(w.network, Event("", "Talk", date(2026, 12, 1))),
        "edit event": lambda: EditEventCommand(w.network, replace(w.event, name="Big meetup")),
        "delete event": lambda: DeleteEventCommand(w.network, w.event.id, w.event.name),
        "link people": lambda: LinkPeopleCommand(w.network, w.event.id, [w.contact.id]),
        "import contacts": lambda: ImportContactsCommand(
            w.network, ImportPlan(added=(Contact("", "Linus"),)), True, "a file"
        ),
        "finish assessment": lambda: FinishAssessmentCommand(w.assessments, w.assessment_id),
        "delete assessment": lambda: DeleteAssessmentCommand(w.assessments, w.assessment_id, "x"),
        "remove rater": lambda: RemoveRaterCommand(w.assessments, w.assessment_id, 0, "Lin"),
        "import ratings": lambda: ImportRatingsCommand(w.services.ratings, [_returned(w)]),
        "add rater": lambda: AddRaterCommand(
            w.assessments, w.assessment_id, 0, Rater("Lee", Relationship.CLIENT)
        ),
        "ask rater": lambda: AskRaterCommand(
            w.services.ratings, w.assessment_id, "Ana", Relationship.PEER, ask_consent=True
        ),
    }


def _returned(w: World) -> Returned:
    """Kim's questionnaire as it came back, ready to add."""
    kim = w.assessments.get(w.assessment_id).raters[-1]
    answers = FormAnswers((Answer("people.1", 2),), (), (), (("general", "Kind"),))
    return Returned("kim.pdf", "", w.assessment_id, kim.id, kim.name, kim.relationship, answers)


NAMES = [
    "edit profile", "create goal", "delete goal", "add step", "change goal", "set status",
    "create feedback", "delete feedback", "edit feedback", "create contact", "edit contact",
    "delete contact", "add interaction", "remove interaction", "create event", "edit event",
    "delete event", "link people", "import contacts", "finish assessment",
    "delete assessment", "remove rater", "import ratings", "ask rater",
    "add rater",
]  # fmt: skip


def test_every_command_class_is_tried(world: World) -> None:
    built = {name: make() for name, make in _commands(world).items()}
    assert sorted(built) == sorted(NAMES)
    tried = {type(command) for command in built.values()}
    assert tried == set(UndoableCommand.__subclasses__())


def _stack_with_history(w: World) -> QUndoStack:
    """A stack with one change to undo and one to redo, so that both must survive."""
    stack = QUndoStack()
    push(stack, CreateGoalCommand(w.goals, Goal("", "Kept on the stack")))
    push(stack, CreateGoalCommand(w.goals, Goal("", "Undone, ready to redo")))
    stack.undo()
    return stack


def _state(stack: QUndoStack) -> tuple[int, int, bool, bool, str]:
    return stack.count(), stack.index(), stack.canUndo(), stack.canRedo(), stack.redoText()


@pytest.mark.parametrize("name", NAMES)
def test_a_refused_push_leaves_stack_and_data_as_they_were(world: World, name: str) -> None:
    stack = _stack_with_history(world)
    before, data_before = _state(stack), load_dataset(world.data)
    command = _commands(world)[name]()
    world.data.execute("PRAGMA query_only = 1")  # every write now fails, as on a read-only file
    with pytest.raises(UnwritableFileError, match="cannot be written to") as refused:
        push(stack, command)
    assert not str(refused.value).startswith("Error calling")  # the person's own words
    world.data.execute("PRAGMA query_only = 0")
    assert _state(stack) == before
    assert load_dataset(world.data) == data_before
    push(stack, command)  # once the file can be written again, the same change goes through
    assert stack.count() == before[0]  # the redo tail gives way to the new change
    assert stack.undoText() == command.text()
    assert load_dataset(world.data) != data_before
    stack.undo()
    assert load_dataset(world.data) == data_before


@pytest.mark.parametrize("name", NAMES)
def test_a_plain_push_that_fails_drops_the_command(world: World, name: str) -> None:
    """`stack.push` without the helper: the command is not kept, and the error still shows."""
    stack = QUndoStack()
    push(stack, CreateGoalCommand(world.goals, Goal("", "Kept on the stack")))
    data_before = load_dataset(world.data)
    world.data.execute("PRAGMA query_only = 1")
    with pytest.raises(UnwritableFileError):
        stack.push(_commands(world)[name]())
    world.data.execute("PRAGMA query_only = 0")
    assert (stack.count(), stack.index(), stack.undoText()) == (
        1,
        1,
        "New goal “Kept on the stack”",
    )
    assert load_dataset(world.data) == data_before


@pytest.mark.parametrize("name", NAMES)
def test_a_redo_that_fails_leaves_the_data_undone(world: World, name: str) -> None:
    stack = QUndoStack()
    push(stack, _commands(world)[name]())
    stack.undo()
    undone = load_dataset(world.data)
    world.data.execute("PRAGMA query_only = 1")
    with pytest.raises(UnwritableFileError):
        stack.redo()
    world.data.execute("PRAGMA query_only = 0")
    assert (stack.count(), stack.canRedo()) == (0, False)  # nothing left to redo wrongly
    assert load_dataset(world.data) == undone


@pytest.mark.parametrize("name", NAMES)
def test_an_undo_that_fails_leaves_the_change_made_and_drops_the_command(
    world: World, name: str
) -> None:
    stack = QUndoStack()
    push(stack, CreateGoalCommand(world.goals, Goal("", "Below it on the stack")))
    push(stack, _commands(world)[name]())
    done = load_dataset(world.data)
    world.data.execute("PRAGMA query_only = 1")
    with pytest.raises(UnwritableFileError):
        stack.undo()
    world.data.execute("PRAGMA query_only = 0")
    assert load_dataset(world.data) == done
    assert (stack.count(), stack.index(), stack.canRedo()) == (1, 1, False)
    assert stack.undoText() == "New goal “Below it on the stack”"  # still undoable
    stack.undo()
    assert "Below it on the stack" not in [g.title for g in load_dataset(world.data).goals]


def test_a_goal_over_its_limits_is_refused_in_words_before_the_stack(world: World) -> None:
    stack = _stack_with_history(world)
    before, data_before = _state(stack), load_dataset(world.data)
    too_long = "x" * 201
    refusals = [
        CreateGoalCommand(world.goals, Goal("", too_long)),
        ChangeGoalCommand(world.goals, world.goal, replace(world.goal, title=too_long), "t"),
        ChangeGoalCommand(world.goals, world.goal, replace(world.goal, progress=101), "p"),
    ]
    for command in refusals:
        with pytest.raises(InvalidRecordError, match=r"at most 200|between 0 and 100"):
            push(stack, command)
    assert _state(stack) == before
    assert load_dataset(world.data) == data_before


def test_merging_edits_pushed_through_the_helper_apply_once_and_undo_as_one(
    world: World,
) -> None:
    stack = QUndoStack()
    entry = world.feedback
    for text in ("G", "Gr", "Gre"):
        new = replace(entry, text=text)
        push(stack, EditFeedbackCommand(world.journal, entry, new, field="text"))
        entry = new
    assert stack.count() == 1
    assert world.journal.get(entry.id).text == "Gre"
    with pytest.raises(InvalidRecordError):  # a refused edit merges into nothing
        push(stack, ChangeGoalCommand(world.goals, world.goal, replace(world.goal, title=""), "t"))
    stack.undo()
    assert world.journal.get(entry.id).text == "Good demo"
    stack.redo()
    assert world.journal.get(entry.id).text == "Gre"


def test_a_created_record_is_created_once(world: World) -> None:
    stack = QUndoStack()
    command = CreateContactCommand(world.network, Contact("", "Once"))
    push(stack, command)
    names = [c.name for c in load_dataset(world.data).contacts]
    assert names.count("Once") == 1
    stack.undo()
    stack.redo()
    assert [c.name for c in load_dataset(world.data).contacts].count("Once") == 1
