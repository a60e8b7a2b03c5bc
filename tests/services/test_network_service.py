"""Network use cases and their undo commands, on a bare QUndoStack."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtGui import QUndoStack

from ontrack.commands.network import (
    AddInteractionCommand,
    CreateContactCommand,
    CreateEventCommand,
    DeleteContactCommand,
    DeleteEventCommand,
    EditContactCommand,
    ImportContactsCommand,
    LinkPeopleCommand,
)
from ontrack.domain.clock import FixedClock
from ontrack.domain.enums import InteractionKind
from ontrack.domain.keep_in_touch import next_reconnect_of
from ontrack.domain.network import Contact, Event, Interaction
from ontrack.domain.network_query import ContactFilter
from ontrack.services.change import Change, Topic
from ontrack.services.network import NetworkService, RecordNotFoundError
from ontrack.services.registry import Services
from ontrack.storage.database import open_data_file


@pytest.fixture
def services(data_path: Path, clock: FixedClock) -> Iterator[Services]:
    with open_data_file(data_path) as data:
        yield Services.create(data, clock)


@pytest.fixture
def network(services: Services) -> NetworkService:
    return NetworkService(services.context)


def test_create_contact_command_undo_redo_keeps_the_same_contact(
    services: Services, network: NetworkService
) -> None:
    seen: list[Change] = []
    services.notifier.data_changed.connect(seen.append)
    stack = QUndoStack()
    command = CreateContactCommand(network, Contact("", "Ana Souza", "Acme"))
    stack.push(command)
    contact = command.contact
    assert contact.id
    assert network.contact(contact.id) == contact
    assert seen[-1] == Change.of(Topic.CONTACTS, ids=(contact.id,))
    stack.undo()
    with pytest.raises(RecordNotFoundError):
        network.contact(contact.id)
    stack.redo()
    assert network.contact(contact.id) == contact


def test_a_contact_needs_a_name(network: NetworkService) -> None:
    with pytest.raises(ValueError, match="name"):
        network.create_contact(Contact("", "   "))
    assert network.find_count(_all()) == 0


def test_logging_an_interaction_moves_the_reconnect_date_and_undo_moves_it_back(
    network: NetworkService,
) -> None:
    ana = network.create_contact(
        Contact("", "Ana", met_on=date(2026, 1, 10), reconnect_every_days=30)
    )
    assert network.keep_in_touch_counts().reconnects_due == 1
    stack = QUndoStack()
    stack.push(
        AddInteractionCommand(
            network, ana.id, Interaction("", date(2026, 11, 20), InteractionKind.COFFEE)
        )
    )
    assert next_reconnect_of(network.contact(ana.id)) == date(2026, 12, 20)
    assert network.keep_in_touch_counts().reconnects_due == 0
    stack.undo()
    assert network.contact(ana.id).interactions == ()
    assert network.keep_in_touch_counts().reconnects_due == 1


def test_edit_and_delete_contact_undo(network: NetworkService) -> None:
    ana = network.create_contact(Contact("", "Ana", "Acme"))
    stack = QUndoStack()
    stack.push(EditContactCommand(network, ana, replace(ana, name="Ana Souza", company="Globex")))
    assert network.contact(ana.id).company == "Globex"
    stack.undo()
    assert network.contact(ana.id) == ana
    stack.push(DeleteContactCommand(network, ana.id, ana.name))
    with pytest.raises(RecordNotFoundError):
        network.contact(ana.id)
    stack.undo()
    assert network.contact(ana.id) == ana


def test_events_link_people_and_undo(network: NetworkService) -> None:
    ana = network.create_contact(Contact("", "Ana"))
    bo = network.create_contact(Contact("", "Bo"))
    stack = QUndoStack()
    create = CreateEventCommand(network, Event("", "PyCon", date(2026, 5, 1), "Pittsburgh"))
    stack.push(create)
    event = create.event
    stack.push(LinkPeopleCommand(network, event.id, [ana.id, bo.id, ana.id]))
    assert [p.name for p in network.people_met(event.id)] == ["Ana", "Bo"]
    assert network.contact(ana.id).interactions[0].kind is InteractionKind.CONFERENCE
    assert network.events()[0].people == 2
    stack.undo()
    assert network.people_met(event.id) == []
    stack.redo()
    assert len(network.people_met(event.id)) == 2
    stack.undo()
    network.delete_contact(bo.id)  # gone meanwhile: the redo puts back none, not just Ana
    with pytest.raises(RecordNotFoundError):
        stack.redo()
    assert network.people_met(event.id) == []
    stack.push(LinkPeopleCommand(network, event.id, [ana.id]))
    stack.push(DeleteEventCommand(network, event.id, event.name))
    assert network.events() == []
    stack.undo()
    assert len(network.people_met(event.id)) == 1
    with pytest.raises(ValueError, match="name"):
        network.create_event(Event("", " ", date(2026, 1, 1)))


def test_import_is_undone_whole(network: NetworkService) -> None:
    ana = network.create_contact(Contact("", "Ana", "Acme", email="ana@acme.test"))
    plan = network.plan_import(
        [Contact("n1", "Ana S.", email="ANA@acme.test", role="CTO"), Contact("n2", "Bo", "Initech")]
    )
    assert [c.name for c in plan.added] == ["Bo"]
    assert plan.duplicates[0].existing == ana
    stack = QUndoStack()
    command = ImportContactsCommand(network, plan, True, "Connections.csv")
    stack.push(command)
    assert command.result is not None
    assert command.result.total == 2
    assert network.contact(ana.id).role == "CTO"
    assert network.find_count(_all()) == 2
    stack.undo()
    assert network.contact(ana.id) == ana
    assert network.find_count(_all()) == 1


def test_refused_import_writes_nothing(network: NetworkService) -> None:
    plan = network.plan_import([Contact("n1", "Bo"), Contact("n2", "")])
    with pytest.raises(ValueError, match="name"):
        network.apply_import(plan)
    assert network.find_count(_all()) == 0


def _all() -> ContactFilter:
    return ContactFilter()


def test_edit_event_and_remove_interaction_undo(network: NetworkService) -> None:
    from ontrack.commands.network import EditEventCommand, RemoveInteractionCommand

    event = network.create_event(Event("", "Meetup", date(2026, 3, 1)))
    stack = QUndoStack()
    stack.push(
        EditEventCommand(network, Event(event.id, "PyData Berlin", date(2026, 3, 2), "Berlin"))
    )
    assert network.event(event.id).location == "Berlin"
    stack.undo()
    assert network.event(event.id) == event
    call = Interaction("i", date(2026, 11, 1), InteractionKind.CALL, event.id, "notes")
    ana = network.create_contact(Contact("", "Ana", reconnect_every_days=14, interactions=(call,)))
    stack.push(RemoveInteractionCommand(network, ana.id, call))
    assert network.contact(ana.id).interactions == ()
    stack.undo()
    assert network.contact(ana.id).interactions == (call,)
    assert network.keep_in_touch_counts().reconnects_due == 1  # 1 Nov + 14 days is past
