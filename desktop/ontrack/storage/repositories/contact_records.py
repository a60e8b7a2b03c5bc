"""Whole contacts (with tags and interactions): read, save, delete and restore one; find
contacts by search text, tag and keep-in-touch state; count what is due.

`contact.last_interaction_on` is kept by SQLite triggers from the interaction rows; this
module never writes it.
"""

from __future__ import annotations

from datetime import date

from ...domain.contact_matching import ContactIndex
from ...domain.network import Contact
from ...domain.network_query import ContactFilter
from ...domain.removed import RemovedContact
from ...domain.summaries import ContactSummary
from ..connection import DataFile
from ..rows import CONTACT_COLUMNS, INTERACTION_COLUMNS, contact_from_row
from . import network
from ._paging import Page, page_ids, rows_in_order
from .contact_due import FOLLOW_UP_OPEN, HAS_CADENCE, NEXT_RECONNECT


def load_contact(data: DataFile, contact_id: str) -> Contact | None:
    with data.snapshot():
        row = data.execute(
            f"SELECT {CONTACT_COLUMNS} FROM contact WHERE id = ?", (contact_id,)
        ).fetchone()
        if row is None:
            return None
        tags = data.execute(
            "SELECT tag FROM contact_tag WHERE contact_id = ? ORDER BY position", (contact_id,)
        ).fetchall()
        interactions = data.execute(
            f"SELECT {INTERACTION_COLUMNS} FROM interaction WHERE contact_id = ? ORDER BY position",
            (contact_id,),
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
            data.execute("UPDATE contact SET seq = ? WHERE id = ?", (position, contact.id))


def delete_contact(data: DataFile, contact_id: str) -> RemovedContact | None:
    with data.transaction():
        contact = load_contact(data, contact_id)
        if contact is None:
            return None
        position = data.execute("SELECT seq FROM contact WHERE id = ?", (contact_id,)).fetchone()
        feedback_ids = tuple(
            r[0]
            for r in data.execute("SELECT id FROM feedback WHERE contact_id = ?", (contact_id,))
        )
        data.execute("DELETE FROM contact WHERE id = ?", (contact_id,))
    return RemovedContact(contact, int(position[0]), feedback_ids)


def restore_contact(data: DataFile, removed: RemovedContact) -> None:
    with data.transaction():
        save_contact(data, removed.contact, removed.position)
        for feedback_id in removed.feedback_ids:
            data.execute(
                "UPDATE feedback SET contact_id = ? WHERE id = ?",
                (removed.contact.id, feedback_id),
            )


def delete_contacts(data: DataFile, contact_ids: tuple[str, ...]) -> None:
    with data.transaction():
        data.connection.executemany("DELETE FROM contact WHERE id = ?", [(i,) for i in contact_ids])


# -- finding contacts ------------------------------------------------------------------------


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _where(search: ContactFilter) -> tuple[str, list[object]]:
    terms: list[str] = []
    parameters: list[object] = []
    for word in search.text.split():
        like = _like(word)
        terms.append(
            "(c.name LIKE ? ESCAPE '\\' OR c.company LIKE ? ESCAPE '\\' "
            "OR c.role LIKE ? ESCAPE '\\' OR c.notes LIKE ? ESCAPE '\\' OR EXISTS "
            "(SELECT 1 FROM contact_tag t WHERE t.contact_id = c.id AND t.tag LIKE ? ESCAPE '\\'))"
        )
        parameters += [like] * 5
    if search.tag:
        # IN, not EXISTS: one index search on the tag instead of one per contact.
        terms.append("c.id IN (SELECT contact_id FROM contact_tag WHERE tag = ?)")
        parameters.append(search.tag)
    if search.due_on is not None:
        terms.append(f"{HAS_CADENCE} AND {NEXT_RECONNECT} <= ?")
        parameters.append(search.due_on.isoformat())
    if search.follow_ups_on is not None:
        terms.append(FOLLOW_UP_OPEN)
        parameters.append(search.follow_ups_on.isoformat())
    return (" WHERE " + " AND ".join(terms) if terms else ""), parameters


def find_count(data: DataFile, search: ContactFilter) -> int:
    where, parameters = _where(search)
    return int(data.execute(f"SELECT count(*) FROM contact c{where}", parameters).fetchone()[0])


def find_summaries(data: DataFile, search: ContactFilter, page: Page) -> list[ContactSummary]:
    where, parameters = _where(search)
    ids = page_ids(data, f"contact c{where}", network.ORDERS, "c.seq", page, parameters)
    return rows_in_order(data, network._DETAILS, ids, network._summary)


def tags(data: DataFile) -> list[str]:
    return [
        r[0]
        for r in data.execute("SELECT DISTINCT tag FROM contact_tag ORDER BY tag COLLATE NOCASE")
    ]


FOLLOW_UPS_DUE = f"SELECT count(*) FROM contact c WHERE {FOLLOW_UP_OPEN}"


def follow_ups_due(data: DataFile, today: date) -> int:
    return int(data.execute(FOLLOW_UPS_DUE, (today.isoformat(),)).fetchone()[0])


def follow_up_contact_ids(data: DataFile, today: date) -> list[str]:
    sql = f"SELECT c.id FROM contact c WHERE {FOLLOW_UP_OPEN} ORDER BY c.name COLLATE NOCASE"
    return [r[0] for r in data.execute(sql, (today.isoformat(),))]


def match_index(data: DataFile) -> tuple[ContactIndex, dict[str, Contact]]:
    """Every contact's matching fields (not their interactions), to find duplicates."""
    light = {
        r[0]: Contact(id=r[0], name=r[1], company=r[2], email=r[3], linkedin_url=r[4])
        for r in data.execute(
            "SELECT id, name, company, email, linkedin_url FROM contact ORDER BY seq"
        )
    }
    return ContactIndex(light.values()), light


def all_contacts(data: DataFile) -> list[Contact]:
    """Every contact in full (for export), in their canonical order."""
    from ..dataset_read import load_dataset

    return list(load_dataset(data).contacts)
