"""Migration 2: remember whether a goal's status was chosen by hand.

A goal's status normally follows the rules (`domain.goal_rules.suggest_status`); a person
can override it, and the override stays until they clear it. `goal.status_by_hand` says which.

The interchange format cannot carry the flag, so it is local to the data file:
- export writes the goal's current status (the override, or the last suggestion) as usual;
- import of a goal that already exists keeps the flag it had (the merge updates only the
  interchange columns); a new goal follows the rules, except that a status the rules never
  suggest ("dropped", or "done" below 100 %) is kept as a choice made by hand (trigger below).

It also keeps each goal's step and check-in counts on the goal row (triggers follow every
insert, delete and tick), and indexes steps by goal and done-ness for the next open step,
so that the goals table reads 2,000 goals without counting 20,000 steps each time.
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
    "CREATE INDEX step_goal_done ON step (goal_id, done, position)",
    "ALTER TABLE goal ADD COLUMN steps_total INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE goal ADD COLUMN steps_done INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE goal ADD COLUMN checkin_count INTEGER NOT NULL DEFAULT 0",
    """UPDATE goal SET
        steps_total = (SELECT count(*) FROM step WHERE step.goal_id = goal.id),
        steps_done = (SELECT count(*) FROM step WHERE step.goal_id = goal.id AND step.done),
        checkin_count = (SELECT count(*) FROM checkin WHERE checkin.goal_id = goal.id)""",
    """CREATE TRIGGER step_counted AFTER INSERT ON step BEGIN
        UPDATE goal SET steps_total = steps_total + 1, steps_done = steps_done + (NEW.done <> 0)
        WHERE id = NEW.goal_id;
    END""",
    """CREATE TRIGGER step_uncounted AFTER DELETE ON step BEGIN
        UPDATE goal SET steps_total = steps_total - 1, steps_done = steps_done - (OLD.done <> 0)
        WHERE id = OLD.goal_id;
    END""",
    """CREATE TRIGGER step_recounted AFTER UPDATE OF done, goal_id ON step BEGIN
        UPDATE goal SET steps_total = steps_total - 1, steps_done = steps_done - (OLD.done <> 0)
        WHERE id = OLD.goal_id;
        UPDATE goal SET steps_total = steps_total + 1, steps_done = steps_done + (NEW.done <> 0)
        WHERE id = NEW.goal_id;
    END""",
    """CREATE TRIGGER checkin_counted AFTER INSERT ON checkin BEGIN
        UPDATE goal SET checkin_count = checkin_count + 1 WHERE id = NEW.goal_id;
    END""",
    """CREATE TRIGGER checkin_uncounted AFTER DELETE ON checkin BEGIN
        UPDATE goal SET checkin_count = checkin_count - 1 WHERE id = OLD.goal_id;
    END""",
    """CREATE TRIGGER checkin_moved AFTER UPDATE OF goal_id ON checkin BEGIN
        UPDATE goal SET checkin_count = checkin_count - 1 WHERE id = OLD.goal_id;
        UPDATE goal SET checkin_count = checkin_count + 1 WHERE id = NEW.goal_id;
    END""",
)


def apply(data: DataFile) -> None:
    for statement in _STATEMENTS:
        data.execute(statement)
