"""Migration 2: remember whether a goal's status was chosen by hand.

A goal's status normally follows the rules (`domain.goal_rules.suggest_status`); a person
can override it, and the override stays until they clear it. `goal.status_by_hand` says which.

The interchange format cannot carry the flag, so it is local to the data file:
- export writes the goal's current status (the override, or the last suggestion) as usual;
- import of a goal that already exists keeps the flag it had (the merge updates only the
  interchange columns); a new goal follows the rules, except that a status the rules never
  suggest ("dropped", or "done" below 100 %) is kept as a choice made by hand (trigger below).
"""

from __future__ import annotations

from .connection import DataFile

_STATEMENTS = (
    "ALTER TABLE goal ADD COLUMN status_by_hand INTEGER NOT NULL DEFAULT 0",
    "UPDATE goal SET status_by_hand = 1 "
    "WHERE status = 'dropped' OR (status = 'done' AND progress < 100)",
    """CREATE TRIGGER goal_status_by_hand AFTER INSERT ON goal
    WHEN NEW.status = 'dropped' OR (NEW.status = 'done' AND NEW.progress < 100) BEGIN
        UPDATE goal SET status_by_hand = 1 WHERE id = NEW.id;
    END""",
)


def apply(data: DataFile) -> None:
    for statement in _STATEMENTS:
        data.execute(statement)
