"""A large merge with the triggers deferred leaves the file exactly as the triggers would:
every derived column and the journal's search index, for new records and for records
replaced, and the triggers themselves back in place; the indexes it drops while it writes
into a smaller file are back too, whether it succeeds or fails."""

from __future__ import annotations

import dataclasses
import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest

from ontrack.demo.generator import generate
from ontrack.domain.dataset import Dataset
from ontrack.domain.enums import GoalStatus
from ontrack.domain.network import Interaction
from ontrack.storage import bulk_write
from ontrack.storage.database import open_data_file
from ontrack.storage.dataset_write import merge_dataset

TODAY = date(2026, 11, 24)

DERIVED = {
    "goal": "SELECT id, steps_total, steps_done, checkin_count, status_by_hand FROM goal",
    "contact": "SELECT id, last_interaction_on, open_follow_up_on FROM contact",
    "search": (
        "SELECT k.feedback_id, s.source_name, s.situation, s.behavior, s.impact, s.text, "
        "s.reflection, s.action_plan, s.follow_up_note, s.tags "
        "FROM feedback_fts s JOIN feedback_search_key k ON k.key = s.rowid"
    ),
    "keys": "SELECT feedback_id, date, seq FROM feedback_search_key",  # sort keys: migration 9
    "triggers": "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'",
    "indexes": "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index'",
}


def _changed(first: Dataset) -> Dataset:
    """Some of `first`'s records again, changed: fewer steps, two more interactions with
    follow-ups on one day, other words and tags, and goals closed (by hand or not)."""
    goals = [
        dataclasses.replace(g, steps=g.steps[1:], status=GoalStatus.DROPPED)
        for g in first.goals[:5]
    ]
    contacts = [
        dataclasses.replace(
            c,
            interactions=(
                *c.interactions,
                Interaction(f"{c.id}-late", TODAY, follow_up_on=TODAY + timedelta(days=7)),
                Interaction(f"{c.id}-later", TODAY, follow_up_on=TODAY + timedelta(days=3)),
            ),
        )
        for c in first.contacts[:20]
    ]
    feedback = [
        dataclasses.replace(
            f,
            date=f.date - timedelta(days=3),
            text=f"{f.text} zebracrossing",
            tags=("changed", *f.tags[:1]),
        )
        for f in first.feedback[:20]
    ]
    return Dataset(goals=tuple(goals), contacts=tuple(contacts), feedback=tuple(feedback))


def _write(path: Path, bulk: bool, monkeypatch: pytest.MonkeyPatch) -> dict[str, list[object]]:
    monkeypatch.setattr(bulk_write, "BULK_ROWS", 0 if bulk else 10**9)
    first = generate("small", 1, TODAY)
    second = generate("small", 2, TODAY)
    with open_data_file(path) as data:
        merge_dataset(data, first)
        merge_dataset(data, second)
        merge_dataset(data, _changed(first))
    connection = sqlite3.connect(path)
    try:
        return {name: sorted(connection.execute(sql).fetchall()) for name, sql in DERIVED.items()}
    finally:
        connection.close()


def test_a_bulk_merge_leaves_what_the_triggers_leave(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    by_triggers = _write(tmp_path / "triggers.sqlite", False, monkeypatch)
    in_bulk = _write(tmp_path / "bulk.sqlite", True, monkeypatch)
    assert len(by_triggers["goal"]) > 10
    assert len(by_triggers["search"]) > 10
    assert any(row[4] for row in by_triggers["goal"])  # some statuses were set by hand
    assert any(row[2] for row in by_triggers["contact"])  # some follow-ups are open
    for name in DERIVED:
        assert in_bulk[name] == by_triggers[name], name


def test_a_bulk_merge_finds_new_words_and_forgets_old_ones(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bulk_write, "BULK_ROWS", 0)
    path = tmp_path / "bulk.sqlite"
    first = generate("small", 1, TODAY)
    with open_data_file(path) as data:
        merge_dataset(data, first)
        merge_dataset(data, _changed(first))
        found = data.execute(
            "SELECT count(*) FROM feedback_fts WHERE feedback_fts MATCH 'zebracrossing'"
        ).fetchone()[0]
        assert found == 20
        # The triggers are back: an ordinary edit is indexed again at once.
        data.execute("UPDATE feedback SET text = 'quokka' WHERE id = ?", (first.feedback[0].id,))
        found = data.execute(
            "SELECT count(*) FROM feedback_fts WHERE feedback_fts MATCH 'quokka'"
        ).fetchone()[0]
        assert found == 1


def test_a_failed_bulk_merge_leaves_the_triggers_and_the_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bulk_write, "BULK_ROWS", 0)
    path = tmp_path / "bulk.sqlite"
    first = generate("small", 1, TODAY)
    broken = dataclasses.replace(first.feedback[0], goal="no-such-goal")
    with open_data_file(path) as data:
        merge_dataset(data, first)
        before = data.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        with pytest.raises(sqlite3.IntegrityError):
            merge_dataset(data, Dataset(goals=first.goals, feedback=(*first.feedback, broken)))
        assert data.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == before
        merge_dataset(data, first)  # and the next bulk merge goes through


def test_a_merge_into_a_smaller_file_drops_the_indexes_it_does_not_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bulk_write, "BULK_ROWS", 0)
    first = generate("small", 1, TODAY)
    schema = "SELECT type, name, sql FROM sqlite_master ORDER BY name"
    dropped: list[str] = []
    with open_data_file(tmp_path / "new.sqlite") as data:
        before = data.execute(schema).fetchall()
        real = data.execute

        def execute(sql: str, parameters: object = ()) -> object:
            if sql.startswith("DROP INDEX"):
                dropped.append(sql.split('"')[1])
            return real(sql, parameters)  # type: ignore[arg-type]

        monkeypatch.setattr(data, "execute", execute)
        merge_dataset(data, first)
        assert data.connection.execute(schema).fetchall() == before
        assert "interaction_event" in dropped  # written for, never read by the merge
        assert "interaction_contact_date" not in dropped  # the contacts' dates come from it
        dropped.clear()
        merge_dataset(data, Dataset(goals=first.goals))  # fewer rows than the file has
        assert dropped == []
        broken = dataclasses.replace(first.feedback[0], goal="no-such-goal")
    with open_data_file(tmp_path / "other.sqlite") as data:
        with pytest.raises(sqlite3.IntegrityError):
            merge_dataset(data, Dataset(goals=first.goals, feedback=(*first.feedback, broken)))
        assert data.execute(schema).fetchall() == before
