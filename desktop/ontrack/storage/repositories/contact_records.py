"""Whole contacts (with tags and interactions): read, save, delete and restore one; find
contacts by search text, tag and keep-in-touch state; count what is due.

`contact.last_interaction_on` is kept by SQLite triggers from the interaction rows; this
module never writes it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from peewee import OP, SQL, Expression, NodeList, Value, fn

from ...domain.contact_matching import ContactIndex
from ...domain.network import Contact
from ...domain.network_query import ContactFilter
from ...domain.removed import RemovedContact
from ...domain.summaries import ContactSummary
from ..connection import DataFile
from ..orm import Prepared, each_of, listed, run, value
from ..rows import CONTACT_FIELDS, INTERACTION_FIELDS, contact_from_row
from ..schema import ContactRow, ContactTagRow, FeedbackRow, InteractionRow
from . import network
from ._paging import Page, PagedIds
from .contact_due import follow_up_open, has_cadence, next_reconnect_on

_C, _F = ContactRow, FeedbackRow
_CONTACT = Prepared(lambda contact_id: _C.select(*CONTACT_FIELDS).where(_C.id == contact_id))
_TAGS_OF = Prepared(
    lambda contact_id: (
        ContactTagRow.select(ContactTagRow.tag)
        .where(ContactTagRow.contact == contact_id)
        .order_by(ContactTagRow.position)
    )
)
_INTERACTIONS = Prepared(
    lambda contact_id: (
        InteractionRow.select(*INTERACTION_FIELDS)
        .where(InteractionRow.contact == contact_id)
        .order_by(InteractionRow.position)
    )
)
_SEQ = Prepared(lambda contact_id: _C.select(_C.seq).where(_C.id == contact_id))
_MOVE = Prepared(lambda seq, contact_id: _C.update(seq=seq).where(_C.id == contact_id))
_FEEDBACK_OF = Prepared(lambda contact_id: _F.select(_F.id).where(_F.contact == contact_id))
_DELETE = Prepared(lambda ids: _C.delete().where(_C.id.in_(each_of(ids))))
_RELINK = Prepared(
    lambda contact_id, ids: _F.update(contact=contact_id).where(_F.id.in_(each_of(ids)))
)


def load_contact(data: DataFile, contact_id: str) -> Contact | None:
    with data.snapshot():
        row = run(data, _CONTACT(contact_id)).fetchone()
        if row is None:
            return None
        tags = run(data, _TAGS_OF(contact_id)).fetchall()
        interactions = run(data, _INTERACTIONS(contact_id)).fetchall()
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
            run(data, _MOVE(position, contact.id))


def delete_contact(data: DataFile, contact_id: str) -> RemovedContact | None:
    with data.transaction():
        contact = load_contact(data, contact_id)
        if contact is None:
            return None
        seq = value(data, _SEQ(contact_id))
        feedback_ids = tuple(r[0] for r in run(data, _FEEDBACK_OF(contact_id)))
        run(data, _DELETE(listed([contact_id])))
    return RemovedContact(contact, int(seq), feedback_ids)


def restore_contact(data: DataFile, removed: RemovedContact) -> None:
    with data.transaction():
        save_contact(data, removed.contact, removed.position)
        run(data, _RELINK(removed.contact.id, listed(removed.feedback_ids)))


def delete_contacts(data: DataFile, contact_ids: tuple[str, ...]) -> None:
    with data.transaction():
        run(data, _DELETE(listed(contact_ids)))


# -- finding contacts ------------------------------------------------------------------------
def _like(column: Any, pattern: Any) -> Any:
    # SQLite's LIKE (Peewee's ILIKE) with `\` as its escape, as Peewee's own `contains`
    # writes it, but with the pattern a parameter: `contains` escapes a literal pattern
    # while it writes the SQL, so its SQL could not be written once and kept.
    return Expression(column, OP.ILIKE, NodeList((pattern, SQL("ESCAPE"), Value("\\"))))


def _pattern(word: str) -> str:
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _filters(search: ContactFilter) -> tuple[tuple[int, bool, bool, bool], list[Any]]:
    """The shape of the search's WHERE (how many words, which filters) and its values."""
    words = search.text.split()
    values: list[Any] = [_pattern(word) for word in words]
    if search.tag:
        values.append(search.tag)
    for day in (search.due_on, search.follow_ups_on):
        if day is not None:
            values.append(day.isoformat())
    shape = (len(words), bool(search.tag), search.due_on is not None,
             search.follow_ups_on is not None)  # fmt: skip
    return shape, values


def _where(shape: tuple[int, bool, bool, bool], slots: Sequence[Any]) -> list[Any]:
    c, t = ContactRow, ContactTagRow
    words, has_tag, has_due, has_follow_up = shape
    values = iter(slots)
    terms: list[Any] = []
    for _ in range(words):
        like = next(values)
        # IN, not EXISTS: the tags are searched once, not once per contact (half the time
        # of a search that matches nobody, on 5,000 contacts).
        tagged = t.select(t.contact).where(_like(t.tag, like))
        terms.append(
            _like(c.name, like) | _like(c.company, like) | _like(c.role, like)
            | _like(c.notes, like) | c.id.in_(tagged)
        )  # fmt: skip
    if has_tag:
        # IN, not EXISTS: one index search on the tag instead of one per contact.
        terms.append(c.id.in_(t.select(t.contact).where(t.tag == next(values))))
    if has_due:
        terms.append(has_cadence & (next_reconnect_on <= next(values)))
    if has_follow_up:
        terms.append(follow_up_open(next(values)))
    return terms


def _found(query: Any, shape: Any, slots: Sequence[Any]) -> Any:
    terms = _where(shape, slots)
    # One flat AND: Peewee nests each `&` in parentheses, and a search box holding a few
    # hundred words would overflow SQLite's parser with that depth.
    return query.where(NodeList(terms, " AND ", parens=True)) if terms else query


_FOUND_COUNT = Prepared(lambda shape, *slots: _found(ContactRow.select(fn.count()), shape, slots))
_FOUND_IDS = PagedIds(
    lambda shape, slots: _found(ContactRow.select(ContactRow.id), shape, slots),
    network.ORDERS,
    ContactRow.seq,
)


def find_count(data: DataFile, search: ContactFilter) -> int:
    shape, values = _filters(search)
    return int(value(data, _FOUND_COUNT(*values, shape=shape)))


def find_summaries(data: DataFile, search: ContactFilter, page: Page) -> list[ContactSummary]:
    shape, values = _filters(search)
    return network.SUMMARIES(data, _FOUND_IDS(data, page, *values, filters=shape))


def find_first(
    data: DataFile, search: ContactFilter, page: Page
) -> tuple[list[ContactSummary], int]:
    """A page of the contacts found, and how many are found in all (one pass over them).
    Everyone is counted apart: counting beside the page made SQLite order all 5,000 to
    number them (10 ms), where the count alone is read from an index."""
    shape, values = _filters(search)
    if not values:
        with data.snapshot():
            ids = _FOUND_IDS(data, page, filters=shape)
            return network.SUMMARIES(data, ids), network.count(data)
    if page.order == "name":
        with data.snapshot():
            total = int(value(data, _FOUND_COUNT(*values, shape=shape)))
            if total * _DENSE >= network.count(data):
                # Most people match (a letter or two): the page is the first matches down
                # the name index (0.1 ms), where numbering all matches beside it sorted them
                # all (11 ms for 'a' among 5,000). A rarer word's few matches are sorted.
                ids = _FOUND_IDS(data, page, *values, filters=shape)
                return network.SUMMARIES(data, ids), total
    ids, total = _FOUND_IDS.with_total(data, page, *values, filters=shape)
    return network.SUMMARIES(data, ids), total


_DENSE = 4  # a search matching a quarter of the contacts or more reads its page by index


_TAGS = Prepared(
    lambda: (
        ContactTagRow.select(ContactTagRow.tag)
        .distinct()
        .order_by(ContactTagRow.tag.collate("NOCASE"))
    )
)
FOLLOW_UPS_DUE = Prepared(lambda day: ContactRow.select(fn.count()).where(follow_up_open(day)))
_FOLLOW_UP_IDS = Prepared(
    lambda day: (
        ContactRow.select(ContactRow.id)
        .where(follow_up_open(day))
        .order_by(ContactRow.name.collate("NOCASE"))
    )
)


def tags(data: DataFile) -> list[str]:
    return [r[0] for r in run(data, _TAGS())]


def follow_ups_due(data: DataFile, today: date) -> int:
    return int(value(data, FOLLOW_UPS_DUE(today.isoformat())))


def follow_up_contact_ids(data: DataFile, today: date) -> list[str]:
    return [r[0] for r in run(data, _FOLLOW_UP_IDS(today.isoformat()))]


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
