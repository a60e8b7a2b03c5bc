"""Migration 8: the Overview's month in numbers (steps done, people met) reads indexes, so
its cost does not grow with years of steps and interactions (#19)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ontrack.storage.connection import DataFile, connect
from ontrack.storage.database import open_data_file
from ontrack.storage.migrations import MIGRATIONS, migrate, schema_version
from ontrack.storage.repositories.agenda import attention_groups, month_summary

NEW_INDEXES = {"step_done_on", "interaction_date"}


def _plans_of_the_month(data: DataFile) -> list[str]:
    """The query plan of each statement the month's summary runs."""
    data.bind_rows()
    seen: list[str] = []
    data.connection.set_trace_callback(seen.append)
    try:
        month_summary(data, date(2026, 11, 24))
    finally:
        data.connection.set_trace_callback(None)
    statements = [sql for sql in seen if sql.lstrip().upper().startswith("SELECT")]
    assert len(statements) == 3  # steps done, feedback recorded, people met
    return [row[3] for sql in statements for row in data.execute(f"EXPLAIN QUERY PLAN {sql}")]


def test_the_month_in_numbers_reads_no_whole_table_or_index(data_path: Path) -> None:
    with open_data_file(data_path) as data:
        plans = _plans_of_the_month(data)
    assert [plan for plan in plans if plan.startswith("SCAN")] == []


def test_a_file_of_version_7_gets_the_indexes(data_path: Path) -> None:
    data = DataFile(data_path, connect(data_path))
    try:
        migrate(data, MIGRATIONS[:7])
        assert schema_version(data) == 7
        assert any(p.startswith("SCAN") for p in _plans_of_the_month(data))  # before
        assert migrate(data, MIGRATIONS[:8]) == 1
        assert schema_version(data) == 8
        names = {r[0] for r in data.execute("SELECT name FROM sqlite_master WHERE type='index'")}
        assert names >= NEW_INDEXES
        assert not any(p.startswith("SCAN") for p in _plans_of_the_month(data))
    finally:
        data.close()


def test_the_steps_due_soon_still_read_their_own_index(data_path: Path) -> None:
    # An index led by `done` would be chosen here too, over the partial step_due.
    with open_data_file(data_path) as data:
        data.bind_rows()
        seen: list[str] = []
        data.connection.set_trace_callback(seen.append)
        try:
            attention_groups(data, date(2026, 11, 24))
        finally:
            data.connection.set_trace_callback(None)
        steps = [sql for sql in seen if 'FROM "step"' in sql]
        assert steps
        for sql in steps:
            plan = " ".join(row[3] for row in data.execute(f"EXPLAIN QUERY PLAN {sql}"))
            assert "step_due" in plan
