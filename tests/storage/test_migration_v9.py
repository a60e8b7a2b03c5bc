"""Migration 9: the Journal's sort key (date, seq) kept beside the full-text index's rowid,
so that a search orders its matches without reading the entries (#19)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from ontrack.domain.dataset import Dataset
from ontrack.domain.enums import FeedbackKind
from ontrack.domain.journal import Feedback
from ontrack.domain.journal_query import JournalQuery
from ontrack.storage.connection import DataFile, connect
from ontrack.storage.database import open_data_file
from ontrack.storage.dataset_write import merge_dataset
from ontrack.storage.migrations import MIGRATIONS, migrate, schema_version
from ontrack.storage.repositories import feedback_records, journal_search

TODAY = date(2026, 11, 24)


def _entries(count: int) -> tuple[Feedback, ...]:
    # Dates repeat (seq breaks the ties) and run against the order of insertion.
    return tuple(
        Feedback(
            id=f"f{n:02}",
            date=TODAY - timedelta(days=(n * 7) % 5),
            kind=FeedbackKind.PRAISE if n % 2 else FeedbackKind.CONSTRUCTIVE,
            text=f"team talk {n}" if n % 3 else f"solo talk {n}",
        )
        for n in range(count)
    )


def _keys_follow_the_entries(data: DataFile) -> None:
    """Every entry's date and seq are beside its index rowid, and nothing else is."""
    entries = data.execute("SELECT id, date, seq FROM feedback ORDER BY id").fetchall()
    kept = data.execute(
        "SELECT feedback_id, date, seq FROM feedback_search_key ORDER BY feedback_id"
    ).fetchall()
    assert kept == entries


def _newest_first(data: DataFile, word: str) -> list[str]:
    """The matches in the entries' own order, read the slow way (from their rows)."""
    rows = data.execute(
        "SELECT f.id FROM feedback f WHERE f.text LIKE ? ORDER BY f.date DESC, f.seq DESC",
        (f"%{word}%",),
    )
    return [row[0] for row in rows]


def _searches(data: DataFile, query: JournalQuery) -> list[tuple[str, str]]:
    """The SQL of a search's first page and of its next one, each with its query plan."""
    data.bind_rows()
    seen: list[str] = []
    data.connection.set_trace_callback(seen.append)
    try:
        journal_search.first_ids(data, query, TODAY, 10)
        journal_search.page_ids(data, query, TODAY, 10, 10)
    finally:
        data.connection.set_trace_callback(None)
    statements = [s for s in seen if s.lstrip().upper().startswith("SELECT") and "MATCH" in s]
    assert len(statements) == 2
    return [
        (sql, " | ".join(r[3] for r in data.execute(f"EXPLAIN QUERY PLAN {sql}")))
        for sql in statements
    ]


def test_a_file_of_version_8_gets_the_sort_keys_of_its_entries(data_path: Path) -> None:
    data = DataFile(data_path, connect(data_path))
    try:
        migrate(data, MIGRATIONS[:8])
        merge_dataset(data, Dataset(feedback=_entries(30)))
        assert migrate(data, MIGRATIONS[:9]) == 1
        assert schema_version(data) == 9
        _keys_follow_the_entries(data)
    finally:
        data.close()


def test_every_writer_keeps_the_sort_keys(data_path: Path) -> None:
    with open_data_file(data_path) as data:
        merge_dataset(data, Dataset(feedback=_entries(12)))
        moved = replace(_entries(12)[3], date=date(2020, 1, 1), text="moved back")
        feedback_records.save_feedback(data, moved)  # a date changed in the editor
        merge_dataset(data, Dataset(feedback=(replace(moved, date=date(2027, 1, 1)),)))
        removed = feedback_records.delete_feedback(data, "f05")
        assert removed is not None
        _keys_follow_the_entries(data)
        feedback_records.restore_feedback(data, removed)  # undo keeps its place (seq)
        _keys_follow_the_entries(data)


def test_a_search_is_in_the_entries_order_and_reads_none_of_them(data_path: Path) -> None:
    with open_data_file(data_path) as data:
        merge_dataset(data, Dataset(feedback=_entries(40)))
        query = JournalQuery(text="team")
        expected = _newest_first(data, "team")
        ids, total = journal_search.first_ids(data, query, TODAY, 10)
        assert (ids, total) == (expected[:10], len(expected))
        assert journal_search.page_ids(data, query, TODAY, 10, 100) == expected[10:]
        assert journal_search.count(data, query, TODAY) == len(expected)
        for n, feedback_id in enumerate(expected):
            assert journal_search.position(data, query, TODAY, feedback_id) == n
        assert journal_search.position(data, query, TODAY, _newest_first(data, "solo")[0]) is None
        for sql, plan in _searches(data, query):
            assert '"feedback" AS' not in sql  # no entry's row is read to sort the matches
            scans = [step for step in plan.split(" | ") if step.startswith("SCAN")]
            assert all("VIRTUAL TABLE" in step for step in scans), plan


def test_words_with_a_filter_still_read_the_entries_they_need(data_path: Path) -> None:
    with open_data_file(data_path) as data:
        merge_dataset(data, Dataset(feedback=_entries(40)))
        query = JournalQuery(text="team", kind=FeedbackKind.PRAISE)
        ids, total = journal_search.first_ids(data, query, TODAY, 100)
        praised = {r[0] for r in data.execute("SELECT id FROM feedback WHERE kind = 'praise'")}
        assert ids == [i for i in _newest_first(data, "team") if i in praised]
        assert total == len(ids) > 0
