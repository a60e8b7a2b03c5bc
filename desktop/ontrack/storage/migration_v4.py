"""Migration 4: each contact's open follow-up date, kept on the contact row.

A follow-up belongs to the contact's latest interaction day: logging anything later settles
it (`domain.keep_in_touch.open_follow_up`). "Who has a follow-up due" then had to look at
every contact's latest interactions, 20 ms on ten years of data, on every start-up (the
Overview) and every Network count. `contact.open_follow_up_on` holds the earliest follow-up
date among the interactions on the contact's latest day (NULL when there is none), kept by
the triggers below after every insert, delete and change of an interaction, so every writer
keeps it right without knowing it exists. Derived: the interchange format does not carry it.
Frozen SQL: never edit.
"""

from __future__ import annotations

from .connection import DataFile

# The open follow-up of the contact with id {id}: on its latest interaction day, the
# earliest follow-up date (through the (contact, date) index).
_OPEN_OF = (
    "(SELECT min(i.follow_up_on) FROM interaction i WHERE i.contact_id = {id} "
    "AND i.date = (SELECT max(j.date) FROM interaction j WHERE j.contact_id = {id}))"
)

_STATEMENTS = (
    "ALTER TABLE contact ADD COLUMN open_follow_up_on TEXT",
    f"UPDATE contact SET open_follow_up_on = {_OPEN_OF.format(id='contact.id')}",
    "CREATE INDEX contact_open_follow_up ON contact (open_follow_up_on) "
    "WHERE open_follow_up_on IS NOT NULL",
    f"""CREATE TRIGGER follow_up_added AFTER INSERT ON interaction BEGIN
        UPDATE contact SET open_follow_up_on = {_OPEN_OF.format(id="NEW.contact_id")}
        WHERE id = NEW.contact_id;
    END""",
    f"""CREATE TRIGGER follow_up_removed AFTER DELETE ON interaction BEGIN
        UPDATE contact SET open_follow_up_on = {_OPEN_OF.format(id="OLD.contact_id")}
        WHERE id = OLD.contact_id;
    END""",
    f"""CREATE TRIGGER follow_up_changed
    AFTER UPDATE OF date, contact_id, follow_up_on ON interaction BEGIN
        UPDATE contact SET open_follow_up_on = {_OPEN_OF.format(id="contact.id")}
        WHERE id IN (OLD.contact_id, NEW.contact_id);
    END""",
)


def apply(data: DataFile) -> None:
    for statement in _STATEMENTS:
        data.execute(statement)
