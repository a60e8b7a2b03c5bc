"""Migration 6: what a rater asked through a questionnaire brings with them.

A rater gets the id their questionnaire carries (`uid`, '' for raters typed in by hand), an
optional e-mail address, the days they were asked and answered, and their own words in
`rater_comment` (one row per factor id or "general"), which go when the rater goes.
Frozen SQL: never edit.
"""

from __future__ import annotations

from .connection import DataFile

_STATEMENTS = (
    "ALTER TABLE rater ADD COLUMN uid TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE rater ADD COLUMN email TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE rater ADD COLUMN asked_on TEXT",
    "ALTER TABLE rater ADD COLUMN returned_on TEXT",
    """CREATE TABLE rater_comment (
    pk INTEGER PRIMARY KEY,
    rater_pk INTEGER NOT NULL REFERENCES rater (pk) ON DELETE CASCADE,
    position INTEGER NOT NULL, topic TEXT NOT NULL, text TEXT NOT NULL)""",
    "CREATE INDEX rater_comment_rater ON rater_comment (rater_pk, position)",
)


def apply(data: DataFile) -> None:
    for statement in _STATEMENTS:
        data.execute(statement)
