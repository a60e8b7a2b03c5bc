"""Migration 9: the Journal's search sorts its matches without reading the entries.

A search finds its matches in the full-text index, then orders them newest first by each
entry's date and sequence. Those were read from the entry's own row, whose text fills a
page or more, so a word found in 7,000 of 10,000 entries read most of the file (15 to
20 ms, #19). `feedback_search_key`, the index's rowid of each entry, now keeps the entry's
date and seq beside it, kept by the same triggers as the index, so a search reads only the
index and this small table. Frozen SQL: never edit.
"""

from __future__ import annotations

import sqlite3

from .connection import DataFile

_KEY_OF = "(SELECT key FROM feedback_search_key WHERE feedback_id = {id})"
_TAGS_OF = "(SELECT group_concat(tag, ' ') FROM feedback_tag WHERE feedback_id = {id})"
_FIELDS = "source_name, situation, behavior, impact, text, reflection, action_plan, follow_up_note"


def _values(row: str) -> str:
    return ", ".join(f"{row}.{name.strip()}" for name in _FIELDS.split(","))


SCRIPT = f"""
DROP TRIGGER feedback_fts_added;
DROP TRIGGER feedback_fts_changed;

ALTER TABLE feedback_search_key ADD COLUMN date TEXT NOT NULL DEFAULT '';
ALTER TABLE feedback_search_key ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;
UPDATE feedback_search_key
    SET (date, seq) = (SELECT date, seq FROM feedback WHERE id = feedback_id);

CREATE TRIGGER feedback_fts_added AFTER INSERT ON feedback BEGIN
    INSERT INTO feedback_search_key (feedback_id, date, seq) VALUES (NEW.id, NEW.date, NEW.seq);
    INSERT INTO feedback_fts (rowid, {_FIELDS}, tags) VALUES (
        {_KEY_OF.format(id="NEW.id")}, {_values("NEW")}, {_TAGS_OF.format(id="NEW.id")});
END;

CREATE TRIGGER feedback_fts_changed AFTER UPDATE ON feedback BEGIN
    DELETE FROM feedback_fts WHERE rowid = {_KEY_OF.format(id="OLD.id")};
    UPDATE feedback_search_key SET feedback_id = NEW.id, date = NEW.date, seq = NEW.seq
    WHERE feedback_id = OLD.id;
    INSERT INTO feedback_fts (rowid, {_FIELDS}, tags) VALUES (
        {_KEY_OF.format(id="NEW.id")}, {_values("NEW")}, {_TAGS_OF.format(id="NEW.id")});
END;
"""


def apply(data: DataFile) -> None:
    # Statement by statement inside the caller's transaction (executescript would commit);
    # complete_statement() knows that a trigger's inner ";" does not end the statement.
    statement = ""
    for line in SCRIPT.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            data.execute(statement)
            statement = ""
