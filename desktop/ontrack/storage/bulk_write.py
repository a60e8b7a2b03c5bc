"""Writing thousands of records at once: what the triggers keep, brought up to date once at
the end instead of row by row.

The triggers of migrations 1, 3, 4 and 9 keep derived data right after every insert, update
and delete: each goal's step and check-in counts and whether its status was set by hand,
each contact's latest interaction and open follow-up, and the journal's search index and
its sort keys. That
is right for edits, but importing ten years of data fired them half a million times: the
merge took 11.6 s, 2.5 s without them. So a large merge runs inside `triggers_deferred`:
within the caller's transaction the triggers are dropped, the rows written, the derived
data recomputed for the records written, and the triggers created again from their own SQL
(read back from the file, so the frozen migrations stay their one definition). A failure
anywhere rolls all of it back, triggers included. An import at least as large as the file
(into a new one, say) also drops the indexes the writing does not read, and creates them
again at the end.

The recomputation says in set form what the triggers say row by row; a test writes the same
data both ways and compares every derived column and the search index.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from peewee import Value, fn

from ..domain.dataset import Dataset
from ..domain.enums import GoalStatus
from .connection import DataFile
from .orm import each_of, run, value
from .schema import (
    AnswerRow,
    CheckInRow,
    ContactRow,
    ContactTagRow,
    FeedbackFactorRow,
    FeedbackRow,
    FeedbackSearchKeyRow,
    FeedbackSearchRow,
    FeedbackTagRow,
    GoalRow,
    InteractionRow,
    RaterCommentRow,
    RaterRow,
    StepRow,
)

# Fewer rows than this go through the triggers: dropping and creating them again costs
# more than they do, and a single save should not change the schema.
BULK_ROWS = 2_000
_SEARCHED = ("source_name", "situation", "behavior", "impact", "text", "reflection",
             "action_plan", "follow_up_note")  # fmt: skip


def _rows(dataset: Dataset) -> int:
    rows = len(dataset.goals) + len(dataset.feedback) + len(dataset.contacts)
    rows += sum(len(g.steps) + len(g.checkins) for g in dataset.goals)
    rows += sum(len(c.interactions) for c in dataset.contacts)
    return rows


def is_bulk(dataset: Dataset) -> bool:
    return _rows(dataset) >= BULK_ROWS


@contextmanager
def deferred(data: DataFile, dataset: Dataset) -> Iterator[None]:
    """What a bulk write of `dataset` puts off to its end: the triggers' work, and the
    indexes the writing does not read when `dataset` is at least as large as the file."""
    with indexes_deferred(data, dataset), triggers_deferred(data, dataset):
        yield


@contextmanager
def triggers_deferred(data: DataFile, dataset: Dataset) -> Iterator[None]:
    """Run the body (the writes of `dataset`) with the triggers off, then bring what they
    keep up to date for `dataset`'s records. Must run inside a write transaction."""
    if not data.connection.in_transaction:
        raise RuntimeError("triggers_deferred needs the caller's write transaction")
    goal_ids = [g.id for g in dataset.goals]
    new_goals = json.dumps(sorted(set(goal_ids) - _existing_goals(data, goal_ids)))
    # Schema statements: Peewee writes no DROP TRIGGER, and the triggers are created again
    # from the very SQL the migrations left in the file.
    triggers = data.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name"
    ).fetchall()
    for name, _ in triggers:
        data.execute(f'DROP TRIGGER "{name}"')
    yield
    _recount_goals(data, json.dumps(goal_ids), new_goals)
    _date_contacts(data, json.dumps([c.id for c in dataset.contacts]))
    _reindex_feedback(data, json.dumps([f.id for f in dataset.feedback]))
    for _, sql in triggers:
        data.execute(sql)


# The indexes a merge reads through, by (table, first column): the children of a record
# written are cleared by their parent's key, and its counts and dates recomputed by it.
_READ_BY_MERGE = frozenset(
    (field.model._meta.table_name, field.column_name)
    for field in (
        StepRow.goal, CheckInRow.goal, ContactTagRow.contact, InteractionRow.contact,
        FeedbackFactorRow.feedback, FeedbackTagRow.feedback, RaterRow.assessment,
        AnswerRow.assessment, AnswerRow.rater, RaterCommentRow.rater,
    )
)  # fmt: skip
_COUNTED = (GoalRow, StepRow, CheckInRow, FeedbackRow, ContactRow, InteractionRow)


@contextmanager
def indexes_deferred(data: DataFile, dataset: Dataset) -> Iterator[None]:
    """Run the body with the indexes it does not read dropped, then create them again from
    their own SQL: one sort per index instead of a B-tree insert per row (the large demo's
    import: 0.35 s less of 3.7). Only when `dataset` has at least as many rows as the file,
    since an index is built again over all of its table's rows."""
    in_file = sum(int(value(data, table.select(fn.count()))) for table in _COUNTED)
    if in_file > _rows(dataset):
        yield
        return
    indexes = [
        (name, sql)
        for name, table, sql in data.execute(
            "SELECT name, tbl_name, sql FROM sqlite_master"
            " WHERE type = 'index' AND sql IS NOT NULL ORDER BY name"
        ).fetchall()
        if (table, _first_column(data, name)) not in _READ_BY_MERGE
    ]
    for name, _ in indexes:
        data.execute(f'DROP INDEX "{name}"')  # Peewee writes no DROP INDEX of a name
    yield
    for _, sql in indexes:
        data.execute(sql)


def _first_column(data: DataFile, index: str) -> str | None:
    row = data.execute(f'PRAGMA index_info("{index}")').fetchone()
    return None if row is None else row[2]  # (seqno, cid, name); name None: an expression


def _existing_goals(data: DataFile, ids: Sequence[str]) -> set[str]:
    query = GoalRow.select(GoalRow.id).where(GoalRow.id.in_(each_of(json.dumps(list(ids)))))
    return {row[0] for row in run(data, query)}


def _recount_goals(data: DataFile, goal_ids: str, new_goals: str) -> None:
    """Step and check-in counts (migration 1's triggers), and a new goal's status counted
    as set by hand when it is dropped, or done short of 100 % (an update keeps its own)."""
    steps = StepRow.select(fn.count(StepRow.pk)).where(StepRow.goal == GoalRow.id)
    done = steps.where(StepRow.done != 0)
    checkins = CheckInRow.select(fn.count(CheckInRow.pk)).where(CheckInRow.goal == GoalRow.id)
    recount = GoalRow.update(steps_total=steps, steps_done=done, checkin_count=checkins)
    run(data, recount.where(GoalRow.id.in_(each_of(goal_ids))))
    by_hand = (GoalRow.status == GoalStatus.DROPPED.value) | (
        (GoalRow.status == GoalStatus.DONE.value) & (GoalRow.progress < 100)
    )
    marked = GoalRow.update(status_by_hand=True)
    run(data, marked.where(GoalRow.id.in_(each_of(new_goals)) & by_hand))


def _date_contacts(data: DataFile, contact_ids: str) -> None:
    """The latest interaction's day, and the earliest follow-up on that day (migrations 1
    and 4)."""
    mine = InteractionRow.contact == ContactRow.id
    latest = InteractionRow.select(fn.max(InteractionRow.date)).where(mine)
    j = InteractionRow.alias()
    latest_again = j.select(fn.max(j.date)).where(j.contact == ContactRow.id)
    follow_up = InteractionRow.select(fn.min(InteractionRow.follow_up_on)).where(
        mine & (InteractionRow.date == latest_again)
    )
    update = ContactRow.update(last_interaction_on=latest, open_follow_up_on=follow_up)
    run(data, update.where(ContactRow.id.in_(each_of(contact_ids))))


def _reindex_feedback(data: DataFile, feedback_ids: str) -> None:
    """The entries' rows of the search index (migration 3) and their sort keys (date and
    seq, migration 9), written again."""
    written = FeedbackRow.id.in_(each_of(feedback_ids))
    k, f = FeedbackSearchKeyRow, FeedbackRow
    keys = f.select(f.id, f.date, f.seq).where(written).order_by(f.seq)
    run(
        data,
        k.insert_from(keys, [k.feedback_id, k.date, k.seq]).on_conflict(
            conflict_target=[k.feedback_id], preserve=[k.date, k.seq]
        ),
    )
    old = FeedbackSearchKeyRow.select(FeedbackSearchKeyRow.key).where(
        FeedbackSearchKeyRow.feedback_id.in_(each_of(feedback_ids))
    )
    run(data, FeedbackSearchRow.delete().where(FeedbackSearchRow.rowid.in_(old)))
    tags = FeedbackTagRow.select(fn.group_concat(FeedbackTagRow.tag, Value(" "))).where(
        FeedbackTagRow.feedback == FeedbackRow.id
    )
    rows = (
        FeedbackRow.select(
            FeedbackSearchKeyRow.key, *(getattr(FeedbackRow, name) for name in _SEARCHED), tags
        )
        .join(FeedbackSearchKeyRow, on=(FeedbackSearchKeyRow.feedback_id == FeedbackRow.id))
        .where(written)
        # In rowid order: FTS5 writes out what it holds whenever a rowid comes lower than
        # the last, and in the ids' order that was at nearly every row (1.2 s instead of
        # 0.3 s for the large demo's 10,000 entries).
        .order_by(FeedbackSearchKeyRow.key)
    )
    columns = [FeedbackSearchRow.rowid, *(getattr(FeedbackSearchRow, n) for n in _SEARCHED)]
    run(data, FeedbackSearchRow.insert_from(rows, [*columns, FeedbackSearchRow.tags]))
