"""Migration 3: full-text search over the feedback journal (SQLite FTS5).

`feedback_fts` holds every text field of an entry plus its tags, and is kept in step with
`feedback` and `feedback_tag` by the triggers below, so every writer (the Journal's own
saves, the bulk import's upserts, deletes and their cascades) keeps it right without knowing
it exists. Its rowids come from `feedback_search_key`, whose INTEGER PRIMARY KEY survives
VACUUM (the implicit rowid of `feedback`, keyed by text, would not). Frozen SQL: never edit.
"""

from __future__ import annotations

import sqlite3

from .connection import DataFile

_TAGS_OF = "(SELECT group_concat(tag, ' ') FROM feedback_tag WHERE feedback_id = {id})"
_KEY_OF = "(SELECT key FROM feedback_search_key WHERE feedback_id = {id})"
_FIELDS = "source_name, situation, behavior, impact, text, reflection, action_plan, follow_up_note"


def _values(row: str) -> str:
    return ", ".join(f"{row}.{name.strip()}" for name in _FIELDS.split(","))


SCRIPT = f"""
CREATE TABLE feedback_search_key (
    key INTEGER PRIMARY KEY,
    feedback_id TEXT NOT NULL UNIQUE);

CREATE VIRTUAL TABLE feedback_fts USING fts5 (
    {_FIELDS}, tags,
    tokenize = 'unicode61 remove_diacritics 2');

CREATE TRIGGER feedback_fts_added AFTER INSERT ON feedback BEGIN
    INSERT INTO feedback_search_key (feedback_id) VALUES (NEW.id);
    INSERT INTO feedback_fts (rowid, {_FIELDS}, tags) VALUES (
        {_KEY_OF.format(id="NEW.id")}, {_values("NEW")}, {_TAGS_OF.format(id="NEW.id")});
END;

CREATE TRIGGER feedback_fts_changed AFTER UPDATE ON feedback BEGIN
    DELETE FROM feedback_fts WHERE rowid = {_KEY_OF.format(id="OLD.id")};
    UPDATE feedback_search_key SET feedback_id = NEW.id WHERE feedback_id = OLD.id;
    INSERT INTO feedback_fts (rowid, {_FIELDS}, tags) VALUES (
        {_KEY_OF.format(id="NEW.id")}, {_values("NEW")}, {_TAGS_OF.format(id="NEW.id")});
END;

CREATE TRIGGER feedback_fts_removed AFTER DELETE ON feedback BEGIN
    DELETE FROM feedback_fts WHERE rowid = {_KEY_OF.format(id="OLD.id")};
    DELETE FROM feedback_search_key WHERE feedback_id = OLD.id;
END;

CREATE TRIGGER feedback_fts_tag_added AFTER INSERT ON feedback_tag BEGIN
    UPDATE feedback_fts SET tags = {_TAGS_OF.format(id="NEW.feedback_id")}
    WHERE rowid = {_KEY_OF.format(id="NEW.feedback_id")};
END;

CREATE TRIGGER feedback_fts_tag_removed AFTER DELETE ON feedback_tag BEGIN
    UPDATE feedback_fts SET tags = {_TAGS_OF.format(id="OLD.feedback_id")}
    WHERE rowid = {_KEY_OF.format(id="OLD.feedback_id")};
END;

CREATE TRIGGER feedback_fts_tag_changed AFTER UPDATE ON feedback_tag BEGIN
    UPDATE feedback_fts SET tags = {_TAGS_OF.format(id="OLD.feedback_id")}
    WHERE rowid = {_KEY_OF.format(id="OLD.feedback_id")};
    UPDATE feedback_fts SET tags = {_TAGS_OF.format(id="NEW.feedback_id")}
    WHERE rowid = {_KEY_OF.format(id="NEW.feedback_id")};
END;

INSERT INTO feedback_search_key (feedback_id) SELECT id FROM feedback ORDER BY seq;
INSERT INTO feedback_fts (rowid, {_FIELDS}, tags)
    SELECT k.key, {_values("f")}, {_TAGS_OF.format(id="f.id")}
    FROM feedback f JOIN feedback_search_key k ON k.feedback_id = f.id;
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
