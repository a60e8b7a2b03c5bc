"""Whole contacts (with tags and interactions): read, save, delete and restore one; find
contacts by search text, tag and keep-in-touch state; count what is due.

`contact.last_interaction_on` is kept by SQLite triggers from the interaction rows; this
module never writes it.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from peewee import chunked, fn

from ...domain.contact_matching import ContactIndex
from ...domain.network import Contact
from ...domain.network_query import ContactFilter
from ...domain.removed import RemovedContact
from ...domain.summaries import ContactSummary
from ..connection import DataFile
from ..orm import run, value
from ..rows import CONTACT_FIELDS, INTERACTION_FIELDS, contact_from_row
from ..schema import ContactRow, ContactTagRow, FeedbackRow, InteractionRow
from . import network
from ._paging import Page, page_ids, rows_in_order


def load_contact(data: DataFile, contact_id: str) -> Contact | None:
    with data.snapshot():
        query = ContactRow.select(*CONTACT_FIELDS).where(ContactRow.id == contact_id)
        row = run(data, query).fetchone()
        if row is None:
            return None
        tags = run(
            data,
            ContactTagRow.select(ContactTagRow.tag)
            .where(ContactTagRow.contact == contact_id)
            .order_by(ContactTagRow.position),
        ).fetchall()
        interactions = run(
            data,
            InteractionRow.select(*INTERACTION_FIELDS)
            .where(InteractionRow.contact == contact_id)
            .order_by(InteractionRow.position),
        ).fetchall()
    return contact_from_row(row, tags, interactions)


def save_contacts(data: DataFile, contacts: tuple[Contact, ...]) -> None:
    """Insert or replace whole contacts, in one transaction (new ones go last)."""
    from ...domain.dataset import Dataset
    from ..dataset_write import merge_dataset  # the one place that writes contact rows

    merge_dataset(data, Dataset(contacts=contacts), with_profile=False)


def save_contact(data: DataFile, contact: Contact, position: int | None = None) -> None:
    with data.transaction():
        save_contacts(data, (contact,))
        if position is not None:
            run(data, ContactRow.update(seq=position).where(ContactRow.id == contact.id))


def delete_contact(data: DataFile, contact_id: str) -> RemovedContact | None:
    with data.transaction():
        contact = load_contact(data, contact_id)
        if contact is None:
            return None
        seq = value(data, ContactRow.select(ContactRow.seq).where(ContactRow.id == contact_id))
        feedback_ids = tuple(
            r[0]
            for r in run(
                data, FeedbackRow.select(FeedbackRow.id).where(FeedbackRow.contact == contact_id)
            )
        )
        run(data, ContactRow.delete().where(ContactRow.id == contact_id))
    return RemovedContact(contact, int(seq), feedback_ids)


def restore_contact(data: DataFile, removed: RemovedContact) -> None:
    with data.transaction():
        save_contact(data, removed.contact, removed.position)
        if removed.feedback_ids:
            run(
                data,
                FeedbackRow.update(contact=removed.contact.id).where(
                    FeedbackRow.id.in_(removed.feedback_ids)
                ),
            )


def delete_contacts(data: DataFile, contact_ids: tuple[str, ...]) -> None:
    with data.transaction():
        for chunk in chunked(contact_ids, 500):
            run(data, ContactRow.delete().where(ContactRow.id.in_(chunk)))


# -- finding contacts ------------------------------------------------------------------------
# A follow-up belongs to the contact's latest interaction day; logging anything later settles
# it (see domain.keep_in_touch.open_follow_up). Triggers keep that day's earliest follow-up
# date on the contact (migration 4), so "who has a follow-up due" is one index range.
def follow_up_open(today: date) -> Any:
    return ContactRow.open_follow_up_on <= today.isoformat()


def _where(search: ContactFilter) -> list[Any]:
    c = ContactRow
    terms: list[Any] = []
    for word in search.text.split():
        tagged = ContactTagRow.select(1).where(
            ContactTagRow.contact == c.id, ContactTagRow.tag.contains(word)
        )
        terms.append(
            c.name.contains(word)
            | c.company.contains(word)
            | c.role.contains(word)
            | c.notes.contains(word)
            | fn.EXISTS(tagged)
        )
    if search.tag:
        # IN, not EXISTS: one index search on the tag instead of one per contact.
        tagged = ContactTagRow.select(ContactTagRow.contact).where(ContactTagRow.tag == search.tag)
        terms.append(c.id.in_(tagged))
    if search.due_on is not None:
        terms.append(network.has_cadence & (network.next_reconnect_on <= search.due_on.isoformat()))
    if search.follow_ups_on is not None:
        terms.append(follow_up_open(search.follow_ups_on))
    return terms


def _found(query: Any, search: ContactFilter) -> Any:
    terms = _where(search)
    return query.where(*terms) if terms else query


def find_count(data: DataFile, search: ContactFilter) -> int:
    return int(value(data, _found(ContactRow.select(fn.count()), search)))


def find_summaries(data: DataFile, search: ContactFilter, page: Page) -> list[ContactSummary]:
    query = _found(ContactRow.select(ContactRow.id), search)
    ids = page_ids(data, query, network.ORDERS, ContactRow.seq, page)
    return rows_in_order(data, network.details(), ContactRow.id, ids, network._summary)


def tags(data: DataFile) -> list[str]:
    t = ContactTagRow.tag
    return [
        r[0] for r in run(data, ContactTagRow.select(t).distinct().order_by(t.collate("NOCASE")))
    ]


def follow_ups_due_query(today: date) -> Any:
    return ContactRow.select(fn.count()).where(follow_up_open(today))


def follow_ups_due(data: DataFile, today: date) -> int:
    return int(value(data, follow_ups_due_query(today)))


def follow_up_contact_ids(data: DataFile, today: date) -> list[str]:
    c = ContactRow
    query = c.select(c.id).where(follow_up_open(today)).order_by(c.name.collate("NOCASE"))
    return [r[0] for r in run(data, query)]


def match_index(data: DataFile) -> tuple[ContactIndex, dict[str, Contact]]:
    """Every contact's matching fields (not their interactions), to find duplicates."""
    c = ContactRow
    query = c.select(c.id, c.name, c.company, c.email, c.linkedin_url).order_by(c.seq)
    light = {
        r[0]: Contact(id=r[0], name=r[1], company=r[2], email=r[3], linkedin_url=r[4])
        for r in run(data, query)
    }
    return ContactIndex(light.values()), light


def all_contacts(data: DataFile) -> list[Contact]:
    """Every contact in full (for export), in their canonical order."""
    from ..dataset_read import load_dataset

    return list(load_dataset(data).contacts)
