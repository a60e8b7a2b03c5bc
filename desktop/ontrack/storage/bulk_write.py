"""Writing thousands of records at once: what the triggers keep, brought up to date once at
the end instead of row by row.

The triggers of migrations 1, 3 and 4 keep derived data right after every insert, update
and delete: each goal's step and check-in counts and whether its status was set by hand,
each contact's latest interaction and open follow-up, and the journal's search index. That
is right for edits, but importing ten years of data fired them half a million times: the
merge took 11.6 s, 2.5 s without them. So a large merge runs inside `triggers_deferred`:
within the caller's transaction the triggers are dropped, the rows written, the derived
data recomputed for the records written, and the triggers created again from their own SQL
(read back from the file, so the frozen migrations stay their one definition). A failure
anywhere rolls all of it back, triggers included.

The recomputation says in set form what the triggers say row by row; a test writes the same
data both ways and compares every derived column and the search index.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from ..domain.dataset import Dataset
from .connection import DataFile

# Fewer rows than this go through the triggers: dropping and creating them again costs
# more than they do, and a single save should not change the schema.
BULK_ROWS = 2_000

_TOUCHED = ("bulk_goal", "bulk_contact", "bulk_feedback")

_RECOUNT_GOALS = """
UPDATE goal SET
    steps_total = (SELECT count(*) FROM step WHERE step.goal_id = goal.id),
    steps_done = (SELECT count(*) FROM step WHERE step.goal_id = goal.id AND step.done <> 0),
    checkin_count = (SELECT count(*) FROM checkin WHERE checkin.goal_id = goal.id)
WHERE id IN (SELECT id FROM temp.bulk_goal)"""
# As goal_status_by_hand says on insert; an update keeps what the goal had.
_NEW_GOALS_BY_HAND = """
UPDATE goal SET status_by_hand = 1
WHERE id IN (SELECT id FROM temp.bulk_goal WHERE is_new)
  AND (status = 'dropped' OR (status = 'done' AND progress < 100))"""
# The latest interaction's day, and the earliest follow-up on that day (migrations 1, 4).
_CONTACT_DATES = """
UPDATE contact SET
    last_interaction_on = (SELECT max(i.date) FROM interaction i WHERE i.contact_id = contact.id),
    open_follow_up_on = (
        SELECT min(i.follow_up_on) FROM interaction i WHERE i.contact_id = contact.id
        AND i.date = (SELECT max(j.date) FROM interaction j WHERE j.contact_id = contact.id))
WHERE id IN (SELECT id FROM temp.bulk_contact)"""
_FIELDS = "source_name, situation, behavior, impact, text, reflection, action_plan, follow_up_note"
_SEARCH_KEYS = """
INSERT OR IGNORE INTO feedback_search_key (feedback_id)
SELECT f.id FROM feedback f JOIN temp.bulk_feedback b ON b.id = f.id ORDER BY f.seq"""
_UNINDEX = """
DELETE FROM feedback_fts WHERE rowid IN (
    SELECT k.key FROM feedback_search_key k JOIN temp.bulk_feedback b ON b.id = k.feedback_id)"""
_INDEX = f"""
INSERT INTO feedback_fts (rowid, {_FIELDS}, tags)
SELECT k.key, {", ".join(f"f.{name.strip()}" for name in _FIELDS.split(","))},
    (SELECT group_concat(tag, ' ') FROM feedback_tag WHERE feedback_id = f.id)
FROM feedback f JOIN temp.bulk_feedback b ON b.id = f.id
JOIN feedback_search_key k ON k.feedback_id = f.id"""


def is_bulk(dataset: Dataset) -> bool:
    rows = len(dataset.goals) + len(dataset.feedback) + len(dataset.contacts)
    rows += sum(len(g.steps) + len(g.checkins) for g in dataset.goals)
    rows += sum(len(c.interactions) for c in dataset.contacts)
    return rows >= BULK_ROWS


@contextmanager
def triggers_deferred(data: DataFile, dataset: Dataset) -> Iterator[None]:
    """Run the body (the writes of `dataset`) with the triggers off, then bring what they
    keep up to date for `dataset`'s records. Must run inside a write transaction."""
    if not data.connection.in_transaction:
        raise RuntimeError("triggers_deferred needs the caller's write transaction")
    _note_touched(data, dataset)
    triggers = data.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name"
    ).fetchall()
    for name, _ in triggers:
        data.execute(f'DROP TRIGGER "{name}"')
    yield
    for statement in (_RECOUNT_GOALS, _NEW_GOALS_BY_HAND, _CONTACT_DATES):
        data.execute(statement)
    for statement in (_SEARCH_KEYS, _UNINDEX, _INDEX):
        data.execute(statement)
    for _, sql in triggers:
        data.execute(sql)
    for table in _TOUCHED:
        data.execute(f"DROP TABLE temp.{table}")


def _note_touched(data: DataFile, dataset: Dataset) -> None:
    """The ids written, in temporary tables; for goals, also whether each is new."""
    for table in _TOUCHED:
        extra = ", is_new INTEGER NOT NULL" if table == "bulk_goal" else ""
        data.execute(f"CREATE TEMP TABLE {table} (id TEXT PRIMARY KEY{extra})")
    existing = _existing_ids(data, "goal", [g.id for g in dataset.goals])
    cursor = data.connection.cursor()
    cursor.executemany(
        "INSERT OR IGNORE INTO temp.bulk_goal (id, is_new) VALUES (?, ?)",
        ((g.id, g.id not in existing) for g in dataset.goals),
    )
    cursor.executemany(
        "INSERT OR IGNORE INTO temp.bulk_contact (id) VALUES (?)",
        ((c.id,) for c in dataset.contacts),
    )
    cursor.executemany(
        "INSERT OR IGNORE INTO temp.bulk_feedback (id) VALUES (?)",
        ((f.id,) for f in dataset.feedback),
    )


def _existing_ids(data: DataFile, table: str, ids: Sequence[str]) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        rows = data.execute(f"SELECT id FROM {table} WHERE id IN ({marks})", chunk)
        found.update(row[0] for row in rows)
    return found
