"""Bulk merge and load of whole datasets: merge by id, order kept, all or nothing."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from ontrack.domain.assessment import Answer, Assessment, Rater, Reflections
from ontrack.domain.dataset import Dataset, Profile
from ontrack.domain.enums import (
    AssessmentStatus,
    Factor,
    FeedbackKind,
    GoalStatus,
    InteractionKind,
    Relationship,
)
from ontrack.domain.goals import CheckIn, Goal, Step
from ontrack.domain.journal import Feedback
from ontrack.domain.network import Contact, Event, Interaction
from ontrack.storage.database import DataFile, open_data_file
from ontrack.storage.dataset_read import load_dataset
from ontrack.storage.dataset_write import merge_dataset

SAMPLE = Dataset(
    profile=Profile("Zoë Müller", "Senior engineer", "Engineering manager"),
    assessments=(
        Assessment(
            "a1",
            date(2026, 3, 1),
            AssessmentStatus.COMPLETE,
            "Senior engineer",
            "Manager",
            (Answer("people.1", 4), Answer("teamwork.2", 1)),
            Reflections("Mentoring", "Speak up more", "PMP", "שלום 🙂"),
            (Rater("Bo", Relationship.MANAGER, (Answer("people.1", 2),)),),
        ),
    ),
    goals=(
        Goal(
            "g1",
            "<b>Lead & grow</b> 5 < 6",
            why="why",
            deadline=date(9999, 12, 31),
            status=GoalStatus.ON_TRACK,
            progress=50,
            factor=Factor.TEAMWORK,
            created_on=date(1, 1, 1),
            steps=(Step("s1", "Enroll", True, None, date(2026, 1, 2)), Step("s2", "Study")),
            checkins=(CheckIn("c1", date(2026, 2, 1), "going fine", 50),),
        ),
        Goal("g2", "Expand network"),
    ),
    feedback=(
        Feedback(
            "f1",
            date(2026, 4, 1),
            FeedbackKind.PRAISE,
            "李娜",
            Relationship.PEER,
            contact="k1",
            text="Great demo\x00with a NUL",
            factors=(Factor.IMAGE, Factor.PEOPLE),
            goal="g1",
            tags=("demo", "q2"),
        ),
    ),
    contacts=(
        Contact(
            "k1",
            "李娜",
            company="Acme",
            tags=("mentor",),
            reconnect_every_days=30,
            interactions=(Interaction("i1", date(2026, 4, 2), InteractionKind.COFFEE, "e1"),),
        ),
    ),
    events=(Event("e1", "PyCon", date(2026, 4, 2), "Pittsburgh", goal="g2"),),
)


@pytest.fixture
def data(data_path: Path) -> DataFile:
    opened = open_data_file(data_path)
    yield opened
    opened.close()


def test_a_dataset_comes_back_exactly(data: DataFile) -> None:
    merge_dataset(data, SAMPLE)
    assert load_dataset(data) == SAMPLE


def test_merging_twice_keeps_one_copy(data: DataFile) -> None:
    merge_dataset(data, SAMPLE)
    merge_dataset(data, SAMPLE)
    assert load_dataset(data) == SAMPLE
    counts = data.execute(
        "SELECT (SELECT count(*) FROM step), (SELECT count(*) FROM answer), "
        "(SELECT count(*) FROM feedback_tag), (SELECT count(*) FROM interaction)"
    ).fetchone()
    assert counts == (2, 3, 2, 1)  # answers: two of self, one of the rater


def test_a_record_with_a_known_id_is_replaced_in_place(data: DataFile) -> None:
    merge_dataset(data, SAMPLE)
    renamed = replace(SAMPLE.goals[0], title="Renamed", steps=())
    merge_dataset(data, Dataset(goals=(renamed,)))
    loaded = load_dataset(data)
    assert [g.id for g in loaded.goals] == ["g1", "g2"]  # its place is kept
    assert loaded.goals[0] == renamed
    # what pointed at it still does: a replace is an update, not a delete
    assert loaded.feedback[0].goal == "g1"
    assert loaded.events[0].goal == "g2"


def test_new_records_are_appended(data: DataFile) -> None:
    merge_dataset(data, SAMPLE)
    merge_dataset(data, Dataset(goals=(Goal("g0", "Newest"),)))
    assert [g.id for g in load_dataset(data).goals] == ["g1", "g2", "g0"]


def test_an_empty_profile_does_not_overwrite_the_current_one(data: DataFile) -> None:
    merge_dataset(data, SAMPLE)
    merge_dataset(data, Dataset(goals=(Goal("g9", "x"),)))
    assert load_dataset(data).profile == SAMPLE.profile


def test_a_failed_merge_writes_nothing(data: DataFile) -> None:
    merge_dataset(data, Dataset(goals=(Goal("g1", "Before"),)))
    broken = Dataset(
        goals=(Goal("g1", "After"), Goal("g3", "New")),
        events=(Event("e1", "x", date(2026, 1, 1), goal="no-such-goal"),),
    )
    with pytest.raises(Exception, match="FOREIGN KEY"):
        merge_dataset(data, broken)
    loaded = load_dataset(data)
    assert [(g.id, g.title) for g in loaded.goals] == [("g1", "Before")]
    assert loaded.events == ()


def test_a_separate_reader_sees_the_same_data_from_another_thread(data: DataFile) -> None:
    import threading

    from ontrack.domain.report_period import Period
    from ontrack.storage.report_read import load_report_dataset_separately

    merge_dataset(data, SAMPLE)
    seen: list[Dataset] = []
    everything = Period(None, date(2100, 1, 1))
    reader = threading.Thread(
        target=lambda: seen.append(load_report_dataset_separately(data.path, everything))
    )
    reader.start()
    merge_dataset(data, Dataset(goals=(Goal("g9", "Written meanwhile"),)))  # the window writes on
    reader.join()
    assert seen[0].goals[:2] == SAMPLE.goals
    # (A report's read leaves out what no report prints of a contact.)
    unprinted = {"tags": (), "email": "", "phone": "", "linkedin_url": "", "notes": ""}
    assert seen[0].contacts == tuple(
        replace(c, name_parts=None, **unprinted)  # type: ignore[arg-type]
        for c in SAMPLE.contacts
    )
