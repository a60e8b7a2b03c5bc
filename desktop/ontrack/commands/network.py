"""Undoable network edits: contacts, interactions, events, people met at events, imports."""

from __future__ import annotations

from ..domain.contact_matching import ImportPlan
from ..domain.ids import new_id
from ..domain.network import Contact, Event, Interaction
from ..domain.removed import RemovedContact, RemovedEvent
from ..services.network import ImportResult, NetworkService
from .undoable import UndoableCommand


class CreateContactCommand(UndoableCommand):
    """Create a contact; undo deletes it, redo brings the same contact (same id) back."""

    def __init__(self, service: NetworkService, contact: Contact) -> None:
        super().__init__(f"New contact “{contact.name}”")
        self._service = service
        self._contact = contact
        self._removed: RemovedContact | None = None

    @property
    def contact(self) -> Contact:
        return self._contact

    def apply(self) -> None:
        if self._removed is None:
            self._contact = self._service.create_contact(self._contact)
        else:
            self._service.restore_contact(self._removed)

    def revert(self) -> None:
        self._removed = self._service.delete_contact(self._contact.id)


class EditContactCommand(UndoableCommand):
    """Change a contact's fields from `old` (as the edit found it) to `new`; undo puts the
    old values back. Only the fields the edit changed are written, each way."""

    def __init__(self, service: NetworkService, old: Contact, new: Contact, text: str = "") -> None:
        super().__init__(text or f"Edit contact “{new.name}”")
        self._service = service
        self._old = old
        self._new = new

    def apply(self) -> None:
        self._service.save_contact(self._new, based_on=self._old)

    def revert(self) -> None:
        self._service.save_contact(self._old, based_on=self._new)


class DeleteContactCommand(UndoableCommand):
    def __init__(self, service: NetworkService, contact_id: str, name: str) -> None:
        super().__init__(f"Delete contact “{name}”")
        self._service = service
        self._contact_id = contact_id
        self._removed: RemovedContact | None = None

    def apply(self) -> None:
        self._removed = self._service.delete_contact(self._contact_id)

    def revert(self) -> None:
        assert self._removed is not None
        self._service.restore_contact(self._removed)


class AddInteractionCommand(UndoableCommand):
    """Log an interaction with a contact (which moves the next reconnect date)."""

    def __init__(self, service: NetworkService, contact_id: str, interaction: Interaction) -> None:
        super().__init__(f"Log {interaction.kind.label.lower()}")
        self._service = service
        self._contact_id = contact_id
        self._interaction = interaction if interaction.id else _with_id(interaction)

    @property
    def interaction(self) -> Interaction:
        return self._interaction

    def apply(self) -> None:
        self._service.add_interaction(self._contact_id, self._interaction)

    def revert(self) -> None:
        self._service.remove_interaction(self._contact_id, self._interaction.id)


class RemoveInteractionCommand(UndoableCommand):
    def __init__(self, service: NetworkService, contact_id: str, interaction: Interaction) -> None:
        super().__init__(f"Remove {interaction.kind.label.lower()}")
        self._service = service
        self._contact_id = contact_id
        self._interaction = interaction

    def apply(self) -> None:
        self._service.remove_interaction(self._contact_id, self._interaction.id)

    def revert(self) -> None:
        self._service.add_interaction(self._contact_id, self._interaction)


class CreateEventCommand(UndoableCommand):
    def __init__(self, service: NetworkService, event: Event) -> None:
        super().__init__(f"New event “{event.name}”")
        self._service = service
        self._event = event
        self._removed: RemovedEvent | None = None

    @property
    def event(self) -> Event:
        return self._event

    def apply(self) -> None:
        if self._removed is None:
            self._event = self._service.create_event(self._event)
        else:
            self._service.restore_event(self._removed)

    def revert(self) -> None:
        self._removed = self._service.delete_event(self._event.id)


class EditEventCommand(UndoableCommand):
    def __init__(self, service: NetworkService, new: Event) -> None:
        super().__init__(f"Edit event “{new.name}”")
        self._service = service
        self._new = new
        self._old: Event | None = None

    def apply(self) -> None:
        self._old = self._service.save_event(self._new)

    def revert(self) -> None:
        assert self._old is not None
        self._service.save_event(self._old)


class DeleteEventCommand(UndoableCommand):
    def __init__(self, service: NetworkService, event_id: str, name: str) -> None:
        super().__init__(f"Delete event “{name}”")
        self._service = service
        self._event_id = event_id
        self._removed: RemovedEvent | None = None

    def apply(self) -> None:
        self._removed = self._service.delete_event(self._event_id)

    def revert(self) -> None:
        assert self._removed is not None
        self._service.restore_event(self._removed)


class LinkPeopleCommand(UndoableCommand):
    """Record people met at an event; undo removes exactly the interactions it added."""

    def __init__(self, service: NetworkService, event_id: str, contact_ids: list[str]) -> None:
        count = len(contact_ids)
        super().__init__(f"Link {count} {'person' if count == 1 else 'people'} to an event")
        self._service = service
        self._event_id = event_id
        self._contact_ids = contact_ids
        self._added: tuple[tuple[str, Interaction], ...] | None = None

    def apply(self) -> None:
        if self._added is None:
            self._added = self._service.link_people(self._event_id, self._contact_ids)
        else:
            self._service.relink_people(self._added)  # one transaction, like the first time

    def revert(self) -> None:
        assert self._added is not None
        self._service.unlink_people(self._added)


class ImportContactsCommand(UndoableCommand):
    """Import contacts all or nothing; undo removes the new ones and un-merges the rest.

    `written` is an import a worker thread has made already (`import_for_worker`): the
    first redo only announces it; later ones write the plan again."""

    def __init__(
        self,
        service: NetworkService,
        plan: ImportPlan,
        merge: bool,
        source: str,
        written: ImportResult | None = None,
    ) -> None:
        super().__init__(f"Import contacts from {source}")
        self._service = service
        self._plan = plan
        self._merge = merge
        self._result: ImportResult | None = None
        self._written = written

    @property
    def result(self) -> ImportResult | None:
        return self._result

    def apply(self) -> None:
        if self._written is not None:
            self._result, self._written = self._written, None
            self._service.announce_import()
            return
        self._result = self._service.apply_import(self._plan, self._merge)

    def revert(self) -> None:
        assert self._result is not None
        self._service.undo_import(self._result)


def _with_id(interaction: Interaction) -> Interaction:
    from dataclasses import replace

    return replace(interaction, id=new_id())
