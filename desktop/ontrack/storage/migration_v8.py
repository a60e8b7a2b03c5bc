"""Migration 8: the Overview's month in numbers reads two indexes instead of two tables.

"Steps done this month" and "people met this month" read every step and every interaction
(20,000 and 50,000 rows after ten years of use: about 8 ms each at every start, #19); an
index on the day each step was done and each interaction happened answers both from the
month's few entries. Frozen SQL: never edit.
"""

from __future__ import annotations

from .connection import DataFile

_STATEMENTS = (
    # Not (done, done_on): led by `done`, it would also be chosen for the undone steps
    # due soon, over the partial index step_due, which serves them better. done_on is set
    # only on done steps.
    "CREATE INDEX step_done_on ON step (done_on)",
    "CREATE INDEX interaction_date ON interaction (date, contact_id)",
)


def apply(data: DataFile) -> None:
    for statement in _STATEMENTS:
        data.execute(statement)
