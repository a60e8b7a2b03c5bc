"""Migration 7: whether a rater was asked to be shown by name, and whether they agreed.

`rater.consent` is '' (not asked), 'asked' or 'given' (`domain.assessment.NameConsent`):
a rater of a group under three is shown by name only with 'given'. Raters stored before
this step were never asked, so '' is right for all of them.
Frozen SQL: never edit.
"""

from __future__ import annotations

from .connection import DataFile

_STATEMENTS = ("ALTER TABLE rater ADD COLUMN consent TEXT NOT NULL DEFAULT ''",)


def apply(data: DataFile) -> None:
    for statement in _STATEMENTS:
        data.execute(statement)
