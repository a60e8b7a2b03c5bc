"""The interchange format reads back exactly what it writes, in the shape INTERCHANGE.md sets."""

from __future__ import annotations

import json
import stat
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings

from ontrack.domain.assessment import Reflections
from ontrack.domain.dataset import Dataset, Profile
from ontrack.domain.enums import Relationship
from ontrack.domain.goals import Goal
from ontrack.interchange import (
    InterchangeError,
    dataset_from_document,
    dataset_to_document,
    dumps,
    loads,
    read_file,
    write_file,
)

from .strategies import SPECIAL_TEXTS, datasets, sample_dataset

EXPORTED_AT = datetime(2026, 11, 22, 9, 30, tzinfo=UTC)
QUICK = settings(max_examples=60, deadline=None)


def sample_document() -> dict[str, Any]:
    return dataset_to_document(sample_dataset(), EXPORTED_AT)


@QUICK
@given(datasets())
def test_dumps_then_loads_gives_the_same_dataset(dataset: Dataset) -> None:
    assert loads(dumps(dataset, EXPORTED_AT)) == dataset
    assert loads(dumps(dataset, EXPORTED_AT).encode("utf-8")) == dataset


@QUICK
@given(datasets())
def test_a_canonical_document_reads_and_writes_back_unchanged(dataset: Dataset) -> None:
    document = dataset_to_document(dataset, EXPORTED_AT)
    assert dataset_to_document(dataset_from_document(document), EXPORTED_AT) == document
    # The same holds after a trip through JSON text, lists in the same order.
    assert json.loads(dumps(dataset, EXPORTED_AT)) == document


def test_export_import_export_differs_only_in_exported_at() -> None:
    first = dumps(sample_dataset(), EXPORTED_AT)
    later = EXPORTED_AT + timedelta(days=3)
    second = dumps(loads(first), later)
    assert second == first.replace(EXPORTED_AT.isoformat(), later.isoformat())


def test_keys_are_written_in_the_order_of_the_contract() -> None:
    document = sample_document()
    assert list(document) == [
        "format",
        "version",
        "exported_at",
        "profile",
        "assessments",
        "goals",
        "feedback",
        "contacts",
        "events",
    ]
    assert list(document["profile"]) == ["name", "current_role", "target_role"]
    assessment = document["assessments"][0]
    assert list(assessment) == [
        "id",
        "taken_on",
        "status",
        "current_role",
        "target_role",
        "answers",
        "reflections",
        "raters",
    ]
    assert list(assessment["answers"][0]) == ["statement", "rating"]
    assert list(assessment["reflections"]) == [
        "skills_enjoyed",
        "feedback_received",
        "learning_to_pursue",
        "notes",
    ]
    assert list(assessment["raters"][0]) == ["name", "relationship", "answers"]
    goal = document["goals"][0]
    assert list(goal) == [
        "id",
        "title",
        "why",
        "measure",
        "deadline",
        "status",
        "progress",
        "factor",
        "created_on",
        "completed_on",
        "steps",
        "checkins",
    ]
    assert list(goal["steps"][0]) == ["id", "text", "done", "due", "done_on"]
    assert list(goal["checkins"][0]) == ["id", "date", "note", "progress"]
    assert list(document["feedback"][0]) == [
        "id",
        "date",
        "kind",
        "source_name",
        "relationship",
        "contact",
        "situation",
        "behavior",
        "impact",
        "text",
        "reflection",
        "action_plan",
        "follow_up_on",
        "followed_up_on",
        "follow_up_note",
        "factors",
        "goal",
        "tags",
    ]
    contact = document["contacts"][0]
    assert list(contact) == [
        "id",
        "name",
        "company",
        "role",
        "email",
        "phone",
        "linkedin_url",
        "how_met",
        "notes",
        "met_on",
        "tags",
        "reconnect_every_days",
        "interactions",
    ]
    assert list(contact["interactions"][0]) == [
        "id",
        "date",
        "kind",
        "event",
        "notes",
        "follow_up_on",
    ]
    assert list(document["events"][0]) == ["id", "name", "date", "location", "notes", "goal"]


def test_the_document_header_and_value_spellings() -> None:
    document = sample_document()
    assert document["format"] == "ontrack"
    assert document["version"] == 1
    assert document["exported_at"] == "2026-11-22T09:30:00+00:00"
    assert document["goals"][0]["deadline"] == "2026-12-31"
    assert document["goals"][0]["completed_on"] is None
    assert document["goals"][0]["status"] == "on_track"
    assert document["goals"][0]["steps"][1] == {
        "id": "s2",
        "text": "Run the retro",
        "done": False,
        "due": None,
        "done_on": None,
    }
    assert document["contacts"][0]["interactions"][0]["kind"] == "conference"
    assert document["feedback"][0]["factors"] == ["people", "image"]


def test_exported_at_keeps_its_offset_and_must_have_one() -> None:
    plus_two = datetime(2026, 11, 22, 11, 30, 15, 123, tzinfo=timezone(timedelta(hours=2)))
    assert dataset_to_document(Dataset(), plus_two)["exported_at"] == "2026-11-22T11:30:15+02:00"
    with pytest.raises(ValueError, match="UTC offset"):
        dataset_to_document(Dataset(), datetime(2026, 11, 22, 9, 30))


def test_dumps_is_indented_utf8_text_with_a_trailing_newline() -> None:
    dataset = Dataset(profile=Profile(name="Zoë 😀 漢字 \x00"))
    text = dumps(dataset, EXPORTED_AT)
    assert text.startswith('{\n  "format": "ontrack",\n  "version": 1,\n')
    assert text.endswith("}\n")
    assert not text.endswith("\n\n")
    assert '"name": "Zoë 😀 漢字 \\u0000"' in text


def test_an_empty_dataset_writes_every_key_empty() -> None:
    document = dataset_to_document(Dataset(), EXPORTED_AT)
    assert document == {
        "format": "ontrack",
        "version": 1,
        "exported_at": "2026-11-22T09:30:00+00:00",
        "profile": {"name": "", "current_role": "", "target_role": ""},
        "assessments": [],
        "goals": [],
        "feedback": [],
        "contacts": [],
        "events": [],
    }
    assert dataset_from_document(document).is_empty


HEADER: dict[str, Any] = {
    "format": "ontrack",
    "version": 1,
    "exported_at": "2026-11-22T09:30:00+00:00",
}


def test_a_minimal_document_reads_with_defaults_filled_in() -> None:
    document = {
        **HEADER,
        "assessments": [{"id": "a", "taken_on": "2026-01-01", "status": "draft"}],
        "goals": [
            {
                "id": "g",
                "title": "T",
                "status": "not_started",
                "steps": [{"id": "s"}],
                "checkins": [{"id": "c", "date": "2026-01-02"}],
            }
        ],
        "feedback": [
            {"id": "f", "date": "2026-01-03", "kind": "request", "factors": None, "tags": None}
        ],
        "contacts": [
            {
                "id": "p",
                "name": "N",
                "interactions": [{"id": "i", "date": "2026-01-04", "kind": "call"}],
            }
        ],
        "events": [{"id": "e", "name": "E", "date": "2026-01-05"}],
    }
    filled = dataset_to_document(dataset_from_document(document), EXPORTED_AT)
    assert filled["profile"] == {"name": "", "current_role": "", "target_role": ""}
    assert filled["assessments"][0] == {
        "id": "a",
        "taken_on": "2026-01-01",
        "status": "draft",
        "current_role": "",
        "target_role": "",
        "answers": [],
        "reflections": {
            "skills_enjoyed": "",
            "feedback_received": "",
            "learning_to_pursue": "",
            "notes": "",
        },
        "raters": [],
    }
    goal = filled["goals"][0]
    assert goal["progress"] == 0
    assert goal["factor"] is None
    assert goal["steps"] == [{"id": "s", "text": "", "done": False, "due": None, "done_on": None}]
    assert goal["checkins"] == [{"id": "c", "date": "2026-01-02", "note": "", "progress": None}]
    feedback = filled["feedback"][0]
    assert feedback["relationship"] == "other"
    assert feedback["factors"] == []
    assert feedback["tags"] == []
    assert feedback["contact"] is None
    assert filled["contacts"][0]["reconnect_every_days"] is None
    assert filled["contacts"][0]["interactions"][0]["event"] is None
    assert filled["events"][0] == {
        "id": "e",
        "name": "E",
        "date": "2026-01-05",
        "location": "",
        "notes": "",
        "goal": None,
    }


def test_optional_keys_may_be_null() -> None:
    document = sample_document()
    goal = document["goals"][0]
    goal.update(why=None, progress=None, steps=None, checkins=None, factor=None)
    goal_before = dict(goal)
    document["profile"] = None
    document["assessments"][0]["reflections"] = None
    document["assessments"][0]["raters"][0]["relationship"] = None
    document["feedback"][0]["relationship"] = None
    dataset = dataset_from_document(document)
    assert dataset.profile == Profile()
    assert dataset.assessments[0].reflections == Reflections()
    assert dataset.assessments[0].raters[0].relationship is Relationship.OTHER
    assert dataset.assessments[0].raters[0].id == ""  # a file without questionnaires
    assert dataset.feedback[0].relationship is Relationship.OTHER
    assert dataset.goals[0].why == ""
    assert dataset.goals[0].progress == 0
    assert dataset.goals[0].steps == ()
    assert goal == goal_before  # reading never changes the document it is given


def test_unknown_keys_are_ignored_everywhere() -> None:
    document = sample_document()
    document["written_by"] = "OnTrack 9"
    document["profile"]["pronouns"] = "they"
    document["assessments"][0]["answers"][0]["comment"] = {"deep": [1, 2]}
    document["goals"][0]["steps"][0]["priority"] = "high"
    document["contacts"][0]["interactions"][0]["mood"] = None
    document["events"][0]["url"] = "https://example.com"
    assert dataset_from_document(document) == sample_dataset()


def test_text_is_kept_exactly_as_written() -> None:
    for text in SPECIAL_TEXTS:
        if text:
            dataset = Dataset(goals=(Goal(id=text, title=text, why=text),))
            assert loads(dumps(dataset, EXPORTED_AT)).goals[0] == dataset.goals[0]


def test_the_extreme_dates_and_lengths_are_accepted() -> None:
    document = sample_document()
    goal = document["goals"][0]
    goal.update(id="x" * 100, title="t" * 200, deadline="0001-01-01", created_on="9999-12-31")
    document["feedback"][0]["goal"] = document["events"][0]["goal"] = "x" * 100
    dataset = dataset_from_document(document)
    assert dataset.goals[0].deadline == date(1, 1, 1)
    assert dataset.goals[0].created_on == date(9999, 12, 31)
    assert len(dataset.goals[0].title) == 200


def test_a_byte_order_mark_is_allowed() -> None:
    text = dumps(sample_dataset(), EXPORTED_AT)
    assert loads(b"\xef\xbb\xbf" + text.encode("utf-8")) == sample_dataset()


def test_write_file_then_read_file(tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    path = folder / "export.json"
    write_file(path, sample_dataset(), EXPORTED_AT)
    assert path.read_bytes() == dumps(sample_dataset(), EXPORTED_AT).encode("utf-8")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600  # it is personal data
    assert read_file(path) == sample_dataset()
    assert read_file(str(path)) == sample_dataset()
    assert [entry.name for entry in folder.iterdir()] == ["export.json"]  # no temporary left


def test_write_file_replaces_an_existing_file(tmp_path: Path) -> None:
    path = tmp_path / "export.json"
    path.write_text("old and longer than the new content" * 1000)
    write_file(path, Dataset(), EXPORTED_AT)
    assert read_file(path) == Dataset()


def test_read_file_says_why_a_file_cannot_be_read(tmp_path: Path) -> None:
    with pytest.raises(InterchangeError) as caught:
        read_file(tmp_path / "missing.json")
    assert str(caught.value) == "the file cannot be read: No such file or directory"
    with pytest.raises(InterchangeError) as caught:
        read_file(tmp_path)
    assert str(caught.value) == "the file cannot be read: Is a directory"


def test_write_file_leaves_os_errors_to_the_caller(tmp_path: Path) -> None:
    folder = tmp_path / "no such folder"
    with pytest.raises(FileNotFoundError):
        write_file(folder / "x.json", Dataset(), EXPORTED_AT)
    assert not folder.exists()
