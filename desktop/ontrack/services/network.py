"""Network use cases: contacts, their interactions, events, keep-in-touch counts, and
importing contacts from other programs.

Each method is one transaction and announces what changed; methods return what undo needs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date

from ..domain.contact_matching import Duplicate, ImportPlan, RowProblem, plan_import
from ..domain.enums import InteractionKind
from ..domain.ids import new_id
from ..domain.network import Contact, Event, Interaction
from ..domain.network_query import ContactFilter
from ..domain.network_summaries import EventSummary, KeepInTouchCounts, PersonMet
from ..domain.rebase import rebase
from ..domain.removed import RemovedContact, RemovedEvent
from ..domain.summaries import ContactSummary
from ..domain.validation import check_contact, check_event
from ..storage.repositories import contact_records, event_records, network
from ..storage.repositories._paging import Page
from .change import Change, Topic
from .context import ServiceContext
from .notifier import ChangeNotifier


class RecordNotFoundError(LookupError):
    """The contact or event is not (or no longer) in the data file."""


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What an import wrote: new contacts, and the versions of merged ones before it."""

    added_ids: tuple[str, ...]
    replaced: tuple[Contact, ...]

    @property
    def total(self) -> int:
        return len(self.added_ids) + len(self.replaced)


class NetworkService:
    def __init__(self, context: ServiceContext) -> None:
        self._context = context

    @property
    def today(self) -> date:
        return self._context.clock.today()

    # -- reading -----------------------------------------------------------------------------
    def contact(self, contact_id: str) -> Contact:
        contact = contact_records.load_contact(self._context.data, contact_id)
        if contact is None:
            raise RecordNotFoundError(contact_id)
        return contact

    def find(self, search: ContactFilter, page: Page) -> list[ContactSummary]:
        return contact_records.find_summaries(self._context.data, search, page)

    def find_first(self, search: ContactFilter, page: Page) -> tuple[list[ContactSummary], int]:
        """A page of the contacts found and how many are found in all, read together."""
        return contact_records.find_first(self._context.data, search, page)

    def find_count(self, search: ContactFilter) -> int:
        return contact_records.find_count(self._context.data, search)

    def tags(self) -> list[str]:
        return contact_records.tags(self._context.data)

    def keep_in_touch_counts(self) -> KeepInTouchCounts:
        """Contacts due or overdue to reconnect, and follow-ups due (for the Overview)."""
        data = self._context.data
        with data.snapshot():
            return KeepInTouchCounts(
                network.reconnects_due(data, self.today),
                contact_records.follow_ups_due(data, self.today),
            )

    def follow_up_contact_ids(self) -> list[str]:
        return contact_records.follow_up_contact_ids(self._context.data, self.today)

    def all_contacts(self) -> list[Contact]:
        return contact_records.all_contacts(self._context.data)

    # -- contacts ----------------------------------------------------------------------------
    def create_contact(self, contact: Contact) -> Contact:
        contact = replace(contact, id=contact.id or new_id())
        contact_records.save_contact(self._context.data, _checked(contact))
        self._announce(contact.id)
        return contact

    def save_contact(self, contact: Contact, based_on: Contact | None = None) -> Contact:
        """Replace a contact with a changed version; returns the version it replaced.
        With `based_on`, only what the edit changed is written (see `domain.rebase`)."""
        data = self._context.data
        with data.transaction():
            old = self.contact(contact.id)
            if based_on is not None:
                contact = rebase(old, based_on, contact)
            contact_records.save_contact(data, _checked(contact))
        self._announce(contact.id)
        return old

    def delete_contact(self, contact_id: str) -> RemovedContact:
        removed = contact_records.delete_contact(self._context.data, contact_id)
        if removed is None:
            raise RecordNotFoundError(contact_id)
        self._announce(contact_id, Topic.FEEDBACK, Topic.EVENTS)
        return removed

    def restore_contact(self, removed: RemovedContact) -> None:
        contact_records.restore_contact(self._context.data, removed)
        self._announce(removed.contact.id, Topic.FEEDBACK, Topic.EVENTS)

    def add_interaction(self, contact_id: str, interaction: Interaction) -> None:
        """Log an interaction; the contact's next reconnect date moves with it."""
        data = self._context.data
        with data.transaction():
            contact = self.contact(contact_id)
            kept = tuple(x for x in contact.interactions if x.id != interaction.id)
            changed = replace(contact, interactions=(*kept, interaction))
            contact_records.save_contact(data, _checked(changed))
        self._announce(contact_id, Topic.EVENTS)

    def remove_interaction(self, contact_id: str, interaction_id: str) -> None:
        data = self._context.data
        with data.transaction():
            contact = self.contact(contact_id)
            kept = tuple(x for x in contact.interactions if x.id != interaction_id)
            contact_records.save_contact(data, replace(contact, interactions=kept))
        self._announce(contact_id, Topic.EVENTS)

    # -- events ------------------------------------------------------------------------------
    def events(self, text: str = "") -> list[EventSummary]:
        return event_records.summaries(self._context.data, text)

    def event_names(self) -> list[tuple[str, str, date]]:
        """(id, name, date) of every event, newest first."""
        return event_records.names(self._context.data)

    def event(self, event_id: str) -> Event:
        event = event_records.load_event(self._context.data, event_id)
        if event is None:
            raise RecordNotFoundError(event_id)
        return event

    def is_event(self, record_id: str) -> bool:
        return event_records.is_event(self._context.data, record_id)

    def people_met(self, event_id: str) -> list[PersonMet]:
        return event_records.people_met(self._context.data, event_id)

    def goal_choices(self) -> list[tuple[str, str]]:
        return event_records.goal_choices(self._context.data)

    def events_for_goal(self, goal_id: str) -> int:
        return event_records.events_for_goal(self._context.data, goal_id)

    def create_event(self, event: Event) -> Event:
        event = replace(event, id=event.id or new_id())
        if not event.name.strip():
            raise ValueError("An event needs a name.")
        check_event(event)
        event_records.save_event(self._context.data, event)
        self._announce_event(event.id)
        return event

    def save_event(self, event: Event) -> Event:
        if not event.name.strip():
            raise ValueError("An event needs a name.")
        check_event(event)
        data = self._context.data
        with data.transaction():
            old = self.event(event.id)
            event_records.save_event(data, event)
        self._announce_event(event.id)
        return old

    def delete_event(self, event_id: str) -> RemovedEvent:
        removed = event_records.delete_event(self._context.data, event_id)
        if removed is None:
            raise RecordNotFoundError(event_id)
        self._announce_event(event_id, Topic.CONTACTS)
        return removed

    def restore_event(self, removed: RemovedEvent) -> None:
        event_records.restore_event(self._context.data, removed)
        self._announce_event(removed.event.id, Topic.CONTACTS)

    def link_people(
        self, event_id: str, contact_ids: Sequence[str]
    ) -> tuple[tuple[str, Interaction], ...]:
        """Record that these people were met at the event: one conference interaction each,
        on the event's day (people already linked are left as they are)."""
        data = self._context.data
        added: list[tuple[str, Interaction]] = []
        with data.transaction():
            event = self.event(event_id)
            already = {p.contact_id for p in event_records.people_met(data, event_id)}
            for contact_id in dict.fromkeys(contact_ids):
                if contact_id in already:
                    continue
                contact = self.contact(contact_id)
                met = Interaction(new_id(), event.date, InteractionKind.CONFERENCE, event_id)
                contact_records.save_contact(
                    data, replace(contact, interactions=(*contact.interactions, met))
                )
                added.append((contact_id, met))
        ids = (event_id, *(c for c, _ in added))
        self._context.notifier.announce(Change.of(Topic.EVENTS, Topic.CONTACTS, ids=ids))
        return tuple(added)

    def relink_people(self, links: Iterable[tuple[str, Interaction]]) -> None:
        """Put back exactly these interactions (a redo after `unlink_people`), all or none."""
        data = self._context.data
        links = tuple(links)
        with data.transaction():
            for contact_id, interaction in links:
                contact = self.contact(contact_id)
                if all(x.id != interaction.id for x in contact.interactions):
                    added = (*contact.interactions, interaction)
                    contact_records.save_contact(data, replace(contact, interactions=added))
        ids = tuple(c for c, _ in links)
        self._context.notifier.announce(Change.of(Topic.EVENTS, Topic.CONTACTS, ids=ids))

    def unlink_people(self, links: Iterable[tuple[str, Interaction]]) -> None:
        data = self._context.data
        links = tuple(links)
        with data.transaction():
            for contact_id, interaction in links:
                contact = self.contact(contact_id)
                kept = tuple(x for x in contact.interactions if x.id != interaction.id)
                contact_records.save_contact(data, replace(contact, interactions=kept))
        ids = tuple(c for c, _ in links)
        self._context.notifier.announce(Change.of(Topic.EVENTS, Topic.CONTACTS, ids=ids))

    # -- importing ---------------------------------------------------------------------------
    def plan_import(
        self, incoming: Sequence[Contact], problems: Sequence[RowProblem] = ()
    ) -> ImportPlan:
        """What importing these contacts would do; nothing is written."""
        data = self._context.data
        with data.snapshot():
            _, light = contact_records.match_index(data)
            plan = plan_import(incoming, light.values(), problems)
            duplicates = tuple(
                Duplicate(self.contact(d.existing.id), d.incoming) for d in plan.duplicates
            )
        return replace(plan, duplicates=duplicates)

    def apply_import(self, plan: ImportPlan, merge_duplicates: bool = True) -> ImportResult:
        """Write the plan, all or nothing: new contacts, and duplicates merged (or skipped)."""
        contacts = tuple(_checked(c) for c in plan.contacts_to_write(merge_duplicates))
        data = self._context.data
        with data.transaction():
            contact_records.save_contacts(data, contacts)
        replaced = tuple(d.existing for d in plan.duplicates) if merge_duplicates else ()
        result = ImportResult(tuple(c.id for c in plan.added), replaced)
        if result.total:
            self._context.notifier.announce(Change.of(Topic.CONTACTS))
        return result

    def import_for_worker(
        self, plan: ImportPlan, merge_duplicates: bool = True
    ) -> Callable[[], ImportResult]:
        """`apply_import` as a function for a worker thread. It writes through a connection
        of its own (transfer.SeparateImport says why not the window's); call
        `announce_import` in the GUI thread once it has returned."""
        path, clock = self._context.data.path, self._context.clock

        def write() -> ImportResult:
            from ..storage.connection import DataFile, connect

            data = DataFile(path, connect(path))
            try:
                service = NetworkService(ServiceContext(data, clock, ChangeNotifier()))
                return service.apply_import(plan, merge_duplicates)
            finally:
                data.close()

        return write

    def announce_import(self) -> None:
        self._context.notifier.announce(Change.of(Topic.CONTACTS))

    def undo_import(self, result: ImportResult) -> None:
        data = self._context.data
        with data.transaction():
            contact_records.delete_contacts(data, result.added_ids)
            contact_records.save_contacts(data, result.replaced)
        self._context.notifier.announce(Change.of(Topic.CONTACTS))

    def _announce(self, contact_id: str, *more: Topic) -> None:
        self._context.notifier.announce(Change.of(Topic.CONTACTS, *more, ids=(contact_id,)))

    def _announce_event(self, event_id: str, *more: Topic) -> None:
        self._context.notifier.announce(Change.of(Topic.EVENTS, *more, ids=(event_id,)))


def _checked(contact: Contact) -> Contact:
    if not contact.name.strip():
        raise ValueError("A contact needs a name.")
    check_contact(contact)
    return contact
