"""The FTS5 index follows feedback and tags through every writer, and the Journal query
combines search with filters, newest first."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from ontrack.domain.dataset import Dataset
from ontrack.domain.enums import Factor, FeedbackKind
from ontrack.domain.journal import Feedback
from ontrack.domain.journal_query import JournalQuery
from ontrack.storage.connection import DataFile
from ontrack.storage.database import open_data_file
from ontrack.storage.dataset_write import merge_dataset
from ontrack.storage.migrations import schema_version
from ontrack.storage.repositories import feedback_records, journal_search

TODAY = date(2026, 11, 24)


def _found(data: DataFile, text: str, **filters: object) -> list[str]:
    query = JournalQuery(text=text, **filters)  # type: ignore[arg-type]
    return journal_search.page_ids(data, query, TODAY, 0, 100)


def _index_matches_table(data: DataFile) -> None:
    """Every feedback row has exactly one index row, and nothing else is indexed."""
    keys = data.execute("SELECT count(*) FROM feedback_search_key").fetchone()[0]
    rows = data.execute("SELECT count(*) FROM feedback_fts").fetchone()[0]
    entries = data.execute("SELECT count(*) FROM feedback").fetchone()[0]
    assert keys == rows == entries
    data.execute("INSERT INTO feedback_fts (feedback_fts) VALUES ('integrity-check')")


@pytest.fixture
def data(data_path: Path):  # type: ignore[no-untyped-def]
    with open_data_file(data_path) as data:
        yield data


def _entry(n: int, **fields: object) -> Feedback:
    return Feedback(id=f"f{n}", date=date(2026, 1, n), **fields)  # type: ignore[arg-type]


def test_inserts_updates_and_deletes_keep_the_index_in_sync(data: DataFile) -> None:
    feedback_records.save_feedback(data, _entry(1, text="Great roadmap talk", tags=("demo",)))
    feedback_records.save_feedback(data, _entry(2, reflection="Listen more in standups"))
    assert _found(data, "roadmap") == ["f1"]
    assert _found(data, "standup") == ["f2"]  # a prefix finds the longer word
    assert _found(data, "demo") == ["f1"]  # tags are searchable
    feedback_records.save_feedback(data, _entry(1, text="Clear slides", tags=("slides",)))
    assert _found(data, "roadmap") == []
    assert _found(data, "demo") == []
    assert _found(data, "slides") == ["f1"]
    data.execute("UPDATE feedback_tag SET tag = 'renamed' WHERE feedback_id = 'f1'")
    assert _found(data, "renamed") == ["f1"]
    data.execute("DELETE FROM feedback_tag WHERE feedback_id = 'f1'")
    assert _found(data, "renamed") == []
    feedback_records.delete_feedback(data, "f2")
    assert _found(data, "standup") == []
    _index_matches_table(data)


def test_the_bulk_import_keeps_the_index_in_sync(data: DataFile) -> None:
    first = Dataset(feedback=tuple(_entry(n, text=f"alpha {n}", tags=("old",)) for n in (1, 2)))
    merge_dataset(data, first)
    again = Dataset(feedback=(_entry(1, text="beta", tags=("new", "more")), _entry(3)))
    merge_dataset(data, again)
    assert _found(data, "alpha") == ["f2"]
    assert _found(data, "beta new more") == ["f1"]
    assert _found(data, "old") == ["f2"]
    _index_matches_table(data)


def test_migration_indexes_the_rows_already_there(tmp_path: Path) -> None:
    from ontrack.storage import migration_v3
    from ontrack.storage.connection import connect
    from ontrack.storage.migrations import MIGRATIONS, migrate

    path = tmp_path / "old.sqlite"
    old = DataFile(path, connect(path))
    migrate(old, MIGRATIONS[:1])
    merge_dataset(old, Dataset(feedback=(_entry(1, impact="they felt heard", tags=("x",)),)))
    migrate(old, tuple(m for m in MIGRATIONS if m.apply is migration_v3.apply))
    assert schema_version(old) == 3
    migrate(old)  # today's search reads the sort key that migration 9 keeps beside it
    assert _found(old, "heard") == ["f1"]
    assert _found(old, "x") == ["f1"]
    _index_matches_table(old)
    old.close()


def test_search_combines_with_filters_newest_first(data: DataFile) -> None:
    merge_dataset(
        data,
        Dataset(
            feedback=(
                _entry(1, kind=FeedbackKind.PRAISE, text="team demo", factors=(Factor.TEAMWORK,)),
                _entry(2, text="team conflict", tags=("Q1",), follow_up_on=date(2026, 2, 1)),
                _entry(3, kind=FeedbackKind.REQUEST, text="team?"),
                _entry(4, text="unrelated"),
            )
        ),
    )
    assert _found(data, "team") == ["f3", "f2", "f1"]
    assert _found(data, "team", kind=FeedbackKind.PRAISE) == ["f1"]
    assert _found(data, "", factor=Factor.TEAMWORK) == ["f1"]
    assert _found(data, "team", tag="q1") == ["f2"]
    assert _found(data, "", since=date(2026, 1, 2), until=date(2026, 1, 3)) == ["f3", "f2"]
    assert _found(data, "", needs_follow_up=True) == ["f3", "f2"]
    query = JournalQuery(text="team")
    assert journal_search.count(data, query, TODAY) == 3
    assert journal_search.position(data, query, TODAY, "f1") == 2
    assert journal_search.position(data, query, TODAY, "f4") is None
    rows = journal_search.page(data, query, TODAY, 0, 10)
    assert [r.excerpt for r in rows] == ["team?", "team conflict", "team demo"]
    assert rows[1].follow_up_due(TODAY)


def test_search_text_that_looks_like_query_syntax_is_just_words(data: DataFile) -> None:
    feedback_records.save_feedback(data, _entry(1, text='He said "NEAR" OR * -- fine'))
    assert _found(data, '"NEAR" OR *') == ["f1"]
    assert _found(data, ")(") == _found(data, "")


def test_cjk_and_rtl_text_is_found(data: DataFile) -> None:
    feedback_records.save_feedback(data, _entry(1, text="学习 很好"))
    feedback_records.save_feedback(data, _entry(2, text="عمل رائع"))
    assert _found(data, "学习") == ["f1"]
    assert _found(data, "رائع") == ["f2"]


def test_a_whole_entry_round_trips_and_undelete_keeps_its_place(data: DataFile) -> None:
    entry = _entry(1, text="x" * 1_000_000, factors=(Factor.VISION, Factor.PEOPLE), tags=("a", "b"))
    feedback_records.save_feedback(data, entry)
    feedback_records.save_feedback(data, _entry(2))
    assert feedback_records.load_feedback(data, "f1") == entry
    removed = feedback_records.delete_feedback(data, "f1")
    assert removed is not None
    assert feedback_records.load_feedback(data, "f1") is None
    feedback_records.restore_feedback(data, removed)
    assert feedback_records.load_feedback(data, "f1") == entry
    seqs = dict(data.execute("SELECT id, seq FROM feedback").fetchall())
    assert seqs["f1"] < seqs["f2"]
    changed = replace(entry, text="short")
    feedback_records.save_feedback(data, changed)
    assert _found(data, "short") == ["f1"]
    _index_matches_table(data)
