"""Schema migrations. Each step is frozen SQL (never today's Row classes) and runs, together
with its `PRAGMA user_version` bump, in one transaction: a step either happens whole or not.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

from . import (
    migration_v2,
    migration_v3,
    migration_v4,
    migration_v5,
    migration_v6,
    migration_v7,
    migration_v8,
    migration_v9,
    migration_v10,
)
from .connection import DataFile

# "OnTr" as a big-endian int: marks the file as OnTrack's in the SQLite header.
APPLICATION_ID = 0x4F6E5472


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    apply: Callable[[DataFile], None]


def _run_script(data: DataFile, script: str) -> None:
    # Not executescript(): that commits first, and each step must stay one transaction.
    # complete_statement() knows that a trigger's inner ";" does not end the statement.
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            data.execute(statement)
            statement = ""
    if statement.strip():
        data.execute(statement)


_V1 = """
CREATE TABLE profile (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    name TEXT NOT NULL, current_role TEXT NOT NULL, target_role TEXT NOT NULL);

CREATE TABLE assessment (
    id TEXT PRIMARY KEY NOT NULL, seq INTEGER NOT NULL, taken_on TEXT NOT NULL,
    status TEXT NOT NULL, current_role TEXT NOT NULL, target_role TEXT NOT NULL,
    skills_enjoyed TEXT NOT NULL, feedback_received TEXT NOT NULL,
    learning_to_pursue TEXT NOT NULL, notes TEXT NOT NULL);
CREATE INDEX assessment_seq ON assessment (seq);
CREATE INDEX assessment_taken_on ON assessment (taken_on);

CREATE TABLE rater (
    pk INTEGER PRIMARY KEY,
    assessment_id TEXT NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
    position INTEGER NOT NULL, name TEXT NOT NULL, relationship TEXT NOT NULL);
CREATE INDEX rater_assessment ON rater (assessment_id, position);

CREATE TABLE answer (
    pk INTEGER PRIMARY KEY,
    assessment_id TEXT NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
    rater_pk INTEGER REFERENCES rater (pk) ON DELETE CASCADE,
    position INTEGER NOT NULL, statement TEXT NOT NULL, rating INTEGER NOT NULL);
CREATE INDEX answer_assessment ON answer (assessment_id, rater_pk, position);
CREATE INDEX answer_rater ON answer (rater_pk);

CREATE TABLE goal (
    id TEXT PRIMARY KEY NOT NULL, seq INTEGER NOT NULL, title TEXT NOT NULL,
    why TEXT NOT NULL, measure TEXT NOT NULL, deadline TEXT, status TEXT NOT NULL,
    progress INTEGER NOT NULL, factor TEXT, created_on TEXT, completed_on TEXT);
CREATE INDEX goal_seq ON goal (seq);
CREATE INDEX goal_deadline ON goal (deadline);
CREATE INDEX goal_status ON goal (status);

CREATE TABLE step (
    pk INTEGER PRIMARY KEY,
    goal_id TEXT NOT NULL REFERENCES goal (id) ON DELETE CASCADE,
    uid TEXT NOT NULL, position INTEGER NOT NULL, text TEXT NOT NULL,
    done INTEGER NOT NULL, due TEXT, done_on TEXT,
    UNIQUE (goal_id, uid));
CREATE INDEX step_goal ON step (goal_id, position);
CREATE INDEX step_due ON step (due) WHERE done = 0;

CREATE TABLE checkin (
    pk INTEGER PRIMARY KEY,
    goal_id TEXT NOT NULL REFERENCES goal (id) ON DELETE CASCADE,
    uid TEXT NOT NULL, position INTEGER NOT NULL, date TEXT NOT NULL,
    note TEXT NOT NULL, progress INTEGER,
    UNIQUE (goal_id, uid));
CREATE INDEX checkin_goal ON checkin (goal_id, position);

CREATE TABLE contact (
    id TEXT PRIMARY KEY NOT NULL, seq INTEGER NOT NULL, name TEXT NOT NULL,
    company TEXT NOT NULL, role TEXT NOT NULL, email TEXT NOT NULL, phone TEXT NOT NULL,
    linkedin_url TEXT NOT NULL, how_met TEXT NOT NULL, notes TEXT NOT NULL, met_on TEXT,
    reconnect_every_days INTEGER, last_interaction_on TEXT);
CREATE INDEX contact_seq ON contact (seq);
CREATE INDEX contact_name ON contact (name);

CREATE TABLE contact_tag (
    pk INTEGER PRIMARY KEY,
    contact_id TEXT NOT NULL REFERENCES contact (id) ON DELETE CASCADE,
    position INTEGER NOT NULL, tag TEXT NOT NULL);
CREATE INDEX contact_tag_contact ON contact_tag (contact_id, position);
CREATE INDEX contact_tag_tag ON contact_tag (tag);

CREATE TABLE event (
    id TEXT PRIMARY KEY NOT NULL, seq INTEGER NOT NULL, name TEXT NOT NULL,
    date TEXT NOT NULL, location TEXT NOT NULL, notes TEXT NOT NULL,
    goal_id TEXT REFERENCES goal (id) ON DELETE SET NULL);
CREATE INDEX event_seq ON event (seq);
CREATE INDEX event_date ON event (date);
CREATE INDEX event_goal ON event (goal_id);

CREATE TABLE interaction (
    pk INTEGER PRIMARY KEY,
    contact_id TEXT NOT NULL REFERENCES contact (id) ON DELETE CASCADE,
    uid TEXT NOT NULL, position INTEGER NOT NULL, date TEXT NOT NULL, kind TEXT NOT NULL,
    event_id TEXT REFERENCES event (id) ON DELETE SET NULL,
    notes TEXT NOT NULL, follow_up_on TEXT,
    UNIQUE (contact_id, uid));
CREATE INDEX interaction_contact ON interaction (contact_id, position);
CREATE INDEX interaction_contact_date ON interaction (contact_id, date);
CREATE INDEX interaction_event ON interaction (event_id);

-- contact.last_interaction_on follows the interactions, so that "who is due to reconnect"
-- never has to look through every interaction.
CREATE TRIGGER interaction_added AFTER INSERT ON interaction BEGIN
    UPDATE contact SET last_interaction_on = NEW.date
    WHERE id = NEW.contact_id
      AND (last_interaction_on IS NULL OR last_interaction_on < NEW.date);
END;
CREATE TRIGGER interaction_removed AFTER DELETE ON interaction BEGIN
    UPDATE contact SET last_interaction_on =
        (SELECT max(date) FROM interaction WHERE contact_id = OLD.contact_id)
    WHERE id = OLD.contact_id;
END;
CREATE TRIGGER interaction_changed AFTER UPDATE OF date, contact_id ON interaction BEGIN
    UPDATE contact SET last_interaction_on =
        (SELECT max(date) FROM interaction WHERE contact_id = contact.id)
    WHERE id IN (OLD.contact_id, NEW.contact_id);
END;
CREATE INDEX contact_next_reconnect ON contact (
    date(coalesce(last_interaction_on, met_on, '0001-01-01'),
         '+' || reconnect_every_days || ' days'))
    WHERE reconnect_every_days IS NOT NULL;

CREATE TABLE feedback (
    id TEXT PRIMARY KEY NOT NULL, seq INTEGER NOT NULL, date TEXT NOT NULL,
    kind TEXT NOT NULL, source_name TEXT NOT NULL, relationship TEXT NOT NULL,
    contact_id TEXT REFERENCES contact (id) ON DELETE SET NULL,
    situation TEXT NOT NULL, behavior TEXT NOT NULL, impact TEXT NOT NULL,
    text TEXT NOT NULL, reflection TEXT NOT NULL, action_plan TEXT NOT NULL,
    follow_up_on TEXT, followed_up_on TEXT, follow_up_note TEXT NOT NULL,
    goal_id TEXT REFERENCES goal (id) ON DELETE SET NULL);
CREATE INDEX feedback_seq ON feedback (seq);
CREATE INDEX feedback_date ON feedback (date);
CREATE INDEX feedback_contact ON feedback (contact_id);
CREATE INDEX feedback_goal ON feedback (goal_id);
CREATE INDEX feedback_kind ON feedback (kind);
CREATE INDEX feedback_follow_up_open ON feedback (follow_up_on) WHERE followed_up_on IS NULL;

CREATE TABLE feedback_factor (
    pk INTEGER PRIMARY KEY,
    feedback_id TEXT NOT NULL REFERENCES feedback (id) ON DELETE CASCADE,
    position INTEGER NOT NULL, factor TEXT NOT NULL);
CREATE INDEX feedback_factor_feedback ON feedback_factor (feedback_id, position);

CREATE TABLE feedback_tag (
    pk INTEGER PRIMARY KEY,
    feedback_id TEXT NOT NULL REFERENCES feedback (id) ON DELETE CASCADE,
    position INTEGER NOT NULL, tag TEXT NOT NULL);
CREATE INDEX feedback_tag_feedback ON feedback_tag (feedback_id, position);
CREATE INDEX feedback_tag_tag ON feedback_tag (tag);

INSERT INTO profile (id, name, current_role, target_role) VALUES (1, '', '', '');
"""


def _create_tables(data: DataFile) -> None:
    _run_script(data, _V1)
    data.execute(f"PRAGMA application_id = {APPLICATION_ID}")


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "create the tables", _create_tables),
    Migration(2, "goal status chosen by hand", migration_v2.apply),
    Migration(3, "full-text search over the journal", migration_v3.apply),
    Migration(4, "each contact's open follow-up date", migration_v4.apply),
    Migration(5, "a contact's structured name", migration_v5.apply),
    Migration(6, "raters asked through questionnaires", migration_v6.apply),
    Migration(7, "a rater's consent to be shown by name", migration_v7.apply),
    Migration(8, "indexes for the Overview's month", migration_v8.apply),
    Migration(9, "the journal's sort key beside its search index", migration_v9.apply),
    Migration(10, "contacts' names indexed in the list's order", migration_v10.apply),
)
LATEST_VERSION = MIGRATIONS[-1].version


def schema_version(data: DataFile) -> int:
    return int(data.execute("PRAGMA user_version").fetchone()[0])


def migrate(data: DataFile, migrations: tuple[Migration, ...] = MIGRATIONS) -> int:
    """Bring the schema up to the newest version; returns the number of steps applied."""
    applied = 0
    for step in migrations:
        if step.version <= schema_version(data):
            continue
        with data.transaction():
            step.apply(data)
            data.execute(f"PRAGMA user_version = {int(step.version)}")
        applied += 1
    return applied
