"""One whole assessment through the data file: save, load, replace, delete and restore."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from ontrack.domain.assessment import Answer, Assessment, Rater, Reflections
from ontrack.domain.enums import AssessmentStatus, Relationship
from ontrack.storage.connection import DataFile
from ontrack.storage.database import open_data_file
from ontrack.storage.repositories import assessment_records as records


@pytest.fixture
def data(data_path: Path) -> Iterator[DataFile]:
    with open_data_file(data_path) as opened:
        yield opened


def _assessment(uid: str, day: date, status: AssessmentStatus) -> Assessment:
    return Assessment(
        id=uid,
        taken_on=day,
        status=status,
        current_role="Engineer",
        target_role="Manager 🚀 <b>",
        answers=(Answer("people.1", 4), Answer("teamwork.2", 1)),
        reflections=Reflections("Mentoring", "", "שלום", "notes"),
        raters=(
            Rater("Ana", Relationship.MANAGER, (Answer("people.1", 2),)),
            Rater("Bo", Relationship.PEER),
            Rater(
                "Cy",
                Relationship.DIRECT_REPORT,
                (Answer("vision.1", 3),),
                id="r-cy",
                email="cy@example.org",
                asked_on=date(2026, 1, 6),
                returned_on=date(2026, 1, 9),
                comments=(("vision", "Sees far 🚀 <b>"), ("general", "שלום\n世界")),
            ),
        ),
    )


def test_save_and_load_keep_everything(data: DataFile) -> None:
    original = _assessment("a", date(2026, 1, 5), AssessmentStatus.COMPLETE)
    records.save_assessment(data, original)
    assert records.load_assessment(data, "a") == original
    assert records.load_assessment(data, "missing") is None


def test_saving_again_replaces_answers_and_raters(data: DataFile) -> None:
    original = _assessment("a", date(2026, 1, 5), AssessmentStatus.DRAFT)
    records.save_assessment(data, original)
    changed = Assessment("a", original.taken_on, answers=(Answer("vision.3", 5),))
    records.save_assessment(data, changed)
    assert records.load_assessment(data, "a") == changed
    assert data.execute("SELECT count(*) FROM rater").fetchone()[0] == 0
    assert data.execute("SELECT count(*) FROM rater_comment").fetchone()[0] == 0


def test_delete_and_restore_keep_the_place_in_the_list(data: DataFile) -> None:
    for n, uid in enumerate("abc"):
        records.save_assessment(
            data, _assessment(uid, date(2026, 1, 1 + n), AssessmentStatus.COMPLETE)
        )
    removed = records.delete_assessment(data, "b")
    assert removed is not None
    assert records.load_assessment(data, "b") is None
    assert data.execute("SELECT count(*) FROM answer WHERE assessment_id = 'b'").fetchone()[0] == 0
    records.restore_assessment(data, removed)
    order = [r[0] for r in data.execute("SELECT id FROM assessment ORDER BY seq")]
    assert order == ["a", "b", "c"]
    assert records.load_assessment(data, "b") == removed.assessment
    assert records.delete_assessment(data, "nope") is None


def test_draft_latest_and_previous(data: DataFile) -> None:
    assert records.latest_draft_id(data) is None
    records.save_assessment(data, _assessment("old", date(2025, 1, 1), AssessmentStatus.COMPLETE))
    records.save_assessment(data, _assessment("new", date(2026, 1, 1), AssessmentStatus.COMPLETE))
    records.save_assessment(data, _assessment("d", date(2026, 2, 1), AssessmentStatus.DRAFT))
    assert records.latest_draft_id(data) == "d"
    assert records.latest_complete_id(data) == "new"
    assert records.previous_complete_id(data, "new") == "old"
    assert records.previous_complete_id(data, "d") == "new"
    assert records.previous_complete_id(data, "old") is None
    assert [c[0] for c in records.choices(data)] == ["d", "new", "old"]
