"""Running Peewee's queries on a data file's own connection (storage/orm.py)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from ontrack.domain.dataset import Dataset
from ontrack.domain.goals import Goal
from ontrack.domain.report_period import Period
from ontrack.storage.database import DataFile, open_data_file
from ontrack.storage.dataset_write import merge_dataset
from ontrack.storage.orm import Prepared, each_of, listed, run, run_each, run_many, value
from ontrack.storage.report_read import load_report_dataset_separately
from ontrack.storage.schema import GoalRow, StepRow


@pytest.fixture
def data(data_path: Path) -> Iterator[DataFile]:
    with open_data_file(data_path) as opened:
        yield opened


def _goal_rows(data: DataFile) -> list[tuple[object, ...]]:
    query = GoalRow.select(GoalRow.id, GoalRow.seq, GoalRow.title, GoalRow.steps_total)
    return run(data, query.order_by(GoalRow.seq)).fetchall()


def test_an_upsert_updates_in_place_and_keeps_the_place(data: DataFile) -> None:
    fields = (GoalRow.id, GoalRow.seq, GoalRow.title, GoalRow.why, GoalRow.measure,
              GoalRow.status, GoalRow.progress)  # fmt: skip
    with data.transaction():
        run_many(data, GoalRow, fields, [("a", 1, "A", "", "", "not_started", 0),
                                         ("b", 2, "B", "", "", "not_started", 0)])  # fmt: skip
        run_many(
            data, GoalRow, fields, [("a", 9, "A again", "", "", "not_started", 0)], upsert=True
        )
    # The columns Peewee adds for their defaults (the kept counts) hold those defaults.
    assert _goal_rows(data) == [("a", 1, "A again", 0), ("b", 2, "B", 0)]


def test_errors_stay_sqlite3s_own(data: DataFile) -> None:
    # DataFile.transaction() explains sqlite3's errors (a full disk, a read-only file).
    with pytest.raises(sqlite3.IntegrityError), data.transaction():
        run_many(data, StepRow, (StepRow.goal, StepRow.uid), [("no such goal", "s")])


def test_a_prepared_query_is_written_once_and_runs_with_each_call_s_values(
    data: DataFile,
) -> None:
    merge_dataset(data, Dataset(goals=(Goal("a", "A"), Goal("b", "B"))))
    built: list[object] = []

    def titles(ids: object, progress: object) -> object:
        built.append(ids)
        return GoalRow.select(GoalRow.title).where(
            GoalRow.id.in_(each_of(ids)), GoalRow.progress == progress
        )

    prepared = Prepared(titles)
    assert run(data, prepared(listed(["a", "b", "c"]), 0)).fetchall() == [("A",), ("B",)]
    assert run(data, prepared(listed(["b"]), 0)).fetchall() == [("B",)]
    assert run(data, prepared(listed([]), 0)).fetchall() == []
    assert len(built) == 1


def test_run_each_runs_a_prepared_update_for_each_row(data: DataFile) -> None:
    merge_dataset(data, Dataset(goals=(Goal("a", "A"), Goal("b", "B"))))
    retitle = Prepared(
        lambda title, goal_id: GoalRow.update(title=title).where(GoalRow.id == goal_id)
    )
    with data.transaction():
        run_each(data, retitle, [("A2", "a"), ("B2", "b")])
    assert run(data, GoalRow.select(GoalRow.title).order_by(GoalRow.seq)).fetchall() == [
        ("A2",),
        ("B2",),
    ]


def test_a_second_file_read_on_the_side_leaves_the_first_working(
    data: DataFile, tmp_path: Path
) -> None:
    # The export worker reads through a connection of its own, then closes it; the window's
    # file must go on reading and writing through its own.
    other = tmp_path / "other.sqlite"
    with open_data_file(other) as second:
        merge_dataset(second, Dataset(goals=(Goal("x", "On the side"),)))
    merge_dataset(data, Dataset(goals=(Goal("g", "Mine"),)))
    everything = Period(None, date(2100, 1, 1))
    side = load_report_dataset_separately(other, everything)
    assert [g.title for g in side.goals] == ["On the side"]
    merge_dataset(data, Dataset(goals=(Goal("h", "Mine too"),)))
    assert value(data, GoalRow.select(GoalRow.title).where(GoalRow.id == "h")) == "Mine too"


def test_a_prepared_query_keeps_a_bounded_number_of_shapes(data: DataFile) -> None:
    # A shape can come from input (how many words a search holds): the SQL kept is bounded.
    merge_dataset(data, Dataset(goals=(Goal("a", "A"),)))
    prepared = Prepared(lambda words, *slots: GoalRow.select(GoalRow.title).where(
        GoalRow.id.in_(list(slots))
    ))  # fmt: skip
    for words in range(1, 3 * Prepared.KEPT):
        ids = ["a"] + [f"x{n}" for n in range(words - 1)]
        assert run(data, prepared(*ids, shape=words)).fetchall() == [("A",)]
    assert len(prepared._written) == Prepared.KEPT
