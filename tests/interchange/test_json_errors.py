"""Every way a document can be wrong is refused whole, with the place and a readable reason."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ontrack.domain.dataset import Dataset
from ontrack.interchange import (
    InterchangeError,
    dataset_from_document,
    dataset_to_document,
    dumps,
    loads,
)

from .strategies import datasets, sample_dataset

EXPORTED_AT = datetime(2026, 11, 22, 9, 30, tzinfo=UTC)
QUICK = settings(max_examples=60, deadline=None)

Document = dict[str, Any]


def document() -> Document:
    # Fresh each time, since the cases below change it in place.
    return dataset_to_document(sample_dataset(), EXPORTED_AT)


def refused(mutate: Callable[[Document], object]) -> InterchangeError:
    changed = document()
    mutate(changed)
    with pytest.raises(InterchangeError) as caught:
        dataset_from_document(changed)
    return caught.value


def refused_text(data: str | bytes) -> InterchangeError:
    with pytest.raises(InterchangeError) as caught:
        loads(data)
    return caught.value


def test_the_error_names_place_and_message() -> None:
    error = refused(lambda d: d["goals"][0].update(deadline="2025-13-01"))
    assert error.place == "goals[0].deadline"
    assert error.message == '"2025-13-01" is not a date'
    assert str(error) == 'goals[0].deadline: "2025-13-01" is not a date'


def test_an_error_about_the_whole_document_has_no_place() -> None:
    error = refused_text("[]")
    assert error.place == ""
    assert (
        str(error)
        == error.message
        == ("this is not an OnTrack file: it is a list, not a JSON object")
    )


# Whole-document problems ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            '{"format": "ontrack",\n  "version": 1,}',
            "this is not valid JSON: Expecting property name enclosed in double quotes"
            " at line 2, column 16",
        ),
        ("", "the file is empty"),
        (b"  \n", "the file is empty"),
        (
            b'{"format": "ontrack", "name": "caf\xe9"}',
            "this is not UTF-8 text (byte 0xe9 on line 1, offset 34, cannot be decoded)",
        ),
        ('"ontrack"', 'this is not an OnTrack file: it is "ontrack", not a JSON object'),
        ("null", "this is not an OnTrack file: it is null, not a JSON object"),
        ('{"format": "ontrack", "version": NaN}', "this is not valid JSON: NaN is not allowed"),
        ("[" * 100_000, "this JSON is nested too deeply to read"),
        ("[1" + "0" * 5000 + "]", "this JSON has a number with too many digits"),
    ],
)
def test_text_that_is_not_a_json_object_is_refused(data: str | bytes, message: str) -> None:
    error = refused_text(data)
    assert (error.place, error.message) == ("", message)


def test_another_kind_of_json_file_is_not_an_ontrack_file() -> None:
    error = refused_text('{"name": "package.json"}')
    assert str(error) == 'format: this is not an OnTrack file (it has no format, not "ontrack")'
    error = refused(lambda d: d.update(format="OnTrack"))
    assert str(error) == (
        'format: this is not an OnTrack file (its format is "OnTrack", not "ontrack")'
    )


def test_a_newer_version_is_refused_with_a_message_that_says_so() -> None:
    error = refused(lambda d: d.update(version=2))
    assert error.place == "version"
    assert error.message == (
        "this file was written by a newer version of OnTrack (format version 2);"
        " this version reads up to 1"
    )


@pytest.mark.parametrize(
    ("version", "message"),
    [
        ("1", 'expected a whole number, got "1"'),
        (True, "expected a whole number, got true"),
        (1.0, "expected a whole number, got 1.0"),
        (None, "expected a whole number, got null"),
        (0, "0 is not a format version"),
    ],
)
def test_a_version_must_be_a_whole_number_from_one(version: object, message: str) -> None:
    error = refused(lambda d: d.update(version=version))
    assert (error.place, error.message) == ("version", message)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("yesterday", '"yesterday" is not a timestamp'),
        ("2026-11-22T09:30:00", '"2026-11-22T09:30:00" has no UTC offset (like +00:00)'),
        (20261122, "expected text, got 20261122"),
    ],
)
def test_exported_at_must_be_a_timestamp_with_an_offset(value: object, message: str) -> None:
    error = refused(lambda d: d.update(exported_at=value))
    assert (error.place, error.message) == ("exported_at", message)


def test_the_version_may_not_be_missing() -> None:
    error = refused(lambda d: d.pop("version"))
    assert (error.place, error.message) == ("version", "is missing (it is required)")


def test_exported_at_may_be_missing_or_null() -> None:
    for change in (lambda d: d.pop("exported_at"), lambda d: d.update(exported_at=None)):
        document = dataset_to_document(sample_dataset(), EXPORTED_AT)
        change(document)
        assert dataset_from_document(document) == sample_dataset()


def test_a_repeated_key_is_refused_where_it_matters() -> None:
    text = dumps(sample_dataset(), EXPORTED_AT).replace(
        '"title": "Lead the platform team",', '"title": "A", "title": "B",'
    )
    error = refused_text(text)
    assert str(error) == "goals[0].title: appears more than once in this object"
    # A repeated key that nobody reads is as harmless as any other unknown key.
    text = dumps(sample_dataset(), EXPORTED_AT).replace('"goals": [', '"x": 1, "x": 2, "goals": [')
    assert loads(text) == sample_dataset()


# Values of the wrong type -----------------------------------------------------------------


Case = tuple[Callable[[Document], object], str, str]

WRONG_TYPES: dict[str, Case] = {
    "bool for int": (
        lambda d: d["goals"][0].update(progress=True),
        "goals[0].progress",
        "expected a whole number, got true",
    ),
    "float for int": (
        lambda d: d["goals"][0].update(progress=50.0),
        "goals[0].progress",
        "expected a whole number, got 50.0",
    ),
    "text for int": (
        lambda d: d["assessments"][0]["answers"][1].update(rating="4"),
        "assessments[0].answers[1].rating",
        'expected a whole number, got "4"',
    ),
    "int for text": (
        lambda d: d["goals"][0].update(why=5),
        "goals[0].why",
        "expected text, got 5",
    ),
    "list for text": (
        lambda d: d["profile"].update(name=["Dana"]),
        "profile.name",
        "expected text, got a list",
    ),
    "text for bool": (
        lambda d: d["goals"][0]["steps"][1].update(done="yes"),
        "goals[0].steps[1].done",
        'expected true or false, got "yes"',
    ),
    "int for bool": (
        lambda d: d["goals"][0]["steps"][0].update(done=1),
        "goals[0].steps[0].done",
        "expected true or false, got 1",
    ),
    "object for list": (
        lambda d: d.update(goals={"id": "g1"}),
        "goals",
        "expected a list, got an object",
    ),
    "text for list": (
        lambda d: d["feedback"][0].update(tags="review"),
        "feedback[0].tags",
        'expected a list, got "review"',
    ),
    "list for object": (
        lambda d: d.update(profile=[]),
        "profile",
        "expected an object, got a list",
    ),
    "text for record": (
        lambda d: d["contacts"][0]["interactions"].append("i2"),
        "contacts[0].interactions[1]",
        'expected an object, got "i2"',
    ),
    "int in tags": (
        lambda d: d["contacts"][0]["tags"].append(7),
        "contacts[0].tags[1]",
        "expected text, got 7",
    ),
    "int for date": (
        lambda d: d["events"][0].update(date=20260505),
        "events[0].date",
        "expected a date (YYYY-MM-DD), got 20260505",
    ),
    "null for a required date": (
        lambda d: d["assessments"][0].update(taken_on=None),
        "assessments[0].taken_on",
        "expected a date (YYYY-MM-DD), got null",
    ),
    "int for reference": (
        lambda d: d["feedback"][0].update(goal=1),
        "feedback[0].goal",
        "expected an id or null, got 1",
    ),
    "null for required text": (
        lambda d: d["goals"][0].update(title=None),
        "goals[0].title",
        "expected text, got null",
    ),
}


@pytest.mark.parametrize(("mutate", "place", "message"), WRONG_TYPES.values(), ids=WRONG_TYPES)
def test_a_value_of_the_wrong_type_is_refused(
    mutate: Callable[[Document], object], place: str, message: str
) -> None:
    error = refused(mutate)
    assert (error.place, error.message) == (place, message)


# Dates ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        "2025-13-01",
        "2025-02-29",
        "0000-01-01",
        "2025-1-01",
        "20250101",
        "2025-W01-1",
        " 2025-01-01",
        "2025-01-01T00:00:00",
        "\uff12\uff10\uff12\uff15-01-01",  # fullwidth digits
        "",
    ],
)
def test_a_date_must_be_exactly_yyyy_mm_dd(value: str) -> None:
    error = refused(lambda d: d["goals"][0]["steps"][1].update(due=value))
    assert error.place == "goals[0].steps[1].due"
    assert error.message == f"{json.dumps(value, ensure_ascii=False)} is not a date"


# Ranges -----------------------------------------------------------------------------------

RANGES: dict[str, Case] = {
    "rating 0": (
        lambda d: d["assessments"][0]["answers"][0].update(rating=0),
        "assessments[0].answers[0].rating",
        "0 is not between 1 and 5",
    ),
    "rater rating 6": (
        lambda d: d["assessments"][0]["raters"][0]["answers"][0].update(rating=6),
        "assessments[0].raters[0].answers[0].rating",
        "6 is not between 1 and 5",
    ),
    "progress -1": (
        lambda d: d["goals"][0].update(progress=-1),
        "goals[0].progress",
        "-1 is not between 0 and 100",
    ),
    "check-in progress 101": (
        lambda d: d["goals"][0]["checkins"][0].update(progress=101),
        "goals[0].checkins[0].progress",
        "101 is not between 0 and 100",
    ),
    "reconnect 0": (
        lambda d: d["contacts"][0].update(reconnect_every_days=0),
        "contacts[0].reconnect_every_days",
        "0 is not between 1 and 36500",
    ),
    "reconnect beyond a century": (
        lambda d: d["contacts"][0].update(reconnect_every_days=10**20),
        "contacts[0].reconnect_every_days",
        "100000000000000000000 is not between 1 and 36500",
    ),
    "reconnect 1.5": (
        lambda d: d["contacts"][0].update(reconnect_every_days=1.5),
        "contacts[0].reconnect_every_days",
        "expected a whole number, got 1.5",
    ),
    "huge rating": (
        lambda d: d["assessments"][0]["answers"][0].update(rating=10**100),
        "assessments[0].answers[0].rating",
        "a number with 101 digits is not between 1 and 5",
    ),
}


@pytest.mark.parametrize(("mutate", "place", "message"), RANGES.values(), ids=RANGES)
def test_a_number_out_of_range_is_refused(
    mutate: Callable[[Document], object], place: str, message: str
) -> None:
    error = refused(mutate)
    assert (error.place, error.message) == (place, message)


# Closed vocabularies ----------------------------------------------------------------------

ENUMS: dict[str, Case] = {
    "assessment status": (
        lambda d: d["assessments"][0].update(status="finished"),
        "assessments[0].status",
        '"finished" is not one of "complete", "draft"',
    ),
    "goal status": (
        lambda d: d["goals"][0].update(status="On track"),
        "goals[0].status",
        '"On track" is not one of "not_started", "in_progress", "on_track", "at_risk",'
        ' "done", "dropped"',
    ),
    "feedback kind": (
        lambda d: d["feedback"][0].update(kind="neutral"),
        "feedback[0].kind",
        '"neutral" is not one of "praise", "constructive", "request"',
    ),
    "rater comment topic": (
        lambda d: d["assessments"][0]["raters"][0].update(comments={"charm": "x"}),
        "assessments[0].raters[0].comments.charm",
        'is neither a factor id nor "general"',
    ),
    "rater id twice": (
        lambda d: d["assessments"][0]["raters"].extend(
            [{**d["assessments"][0]["raters"][0], "id": "r"}] * 2
        ),
        "assessments[0].raters[2].id",
        '"r" is already the id of rater 1',
    ),
    "rater asked on": (
        lambda d: d["assessments"][0]["raters"][0].update(asked_on="soon"),
        "assessments[0].raters[0].asked_on",
        '"soon" is not a date',
    ),
    "relationship": (
        lambda d: d["assessments"][0]["raters"][0].update(relationship="boss"),
        "assessments[0].raters[0].relationship",
        '"boss" is not one of "manager", "peer", "direct_report", "client", "mentor", "other"',
    ),
    "interaction kind": (
        lambda d: d["contacts"][0]["interactions"][0].update(kind=3),
        "contacts[0].interactions[0].kind",
        'expected one of "conference", "meeting", "coffee", "call", "email", "linkedin",'
        ' "informational_interview", "other", got 3',
    ),
    "goal factor": (
        lambda d: d["goals"][0].update(factor="Vision"),
        "goals[0].factor",
        '"Vision" is not one of "people", "teamwork", "image", "impact", "authority",'
        ' "vision", "customer", "isolation"',
    ),
    "feedback factor": (
        lambda d: d["feedback"][0]["factors"].append("ego"),
        "feedback[0].factors[2]",
        '"ego" is not one of "people", "teamwork", "image", "impact", "authority",'
        ' "vision", "customer", "isolation"',
    ),
}


@pytest.mark.parametrize(("mutate", "place", "message"), ENUMS.values(), ids=ENUMS)
def test_an_unknown_choice_is_refused_with_the_allowed_ones(
    mutate: Callable[[Document], object], place: str, message: str
) -> None:
    error = refused(mutate)
    assert (error.place, error.message) == (place, message)


# Ids --------------------------------------------------------------------------------------

IDS: dict[str, Case] = {
    "empty": (
        lambda d: d["goals"][0].update(id=""),
        "goals[0].id",
        "an id must not be empty",
    ),
    "not text": (
        lambda d: d["events"][0].update(id=1),
        "events[0].id",
        "expected an id (text), got 1",
    ),
    "null": (
        lambda d: d["contacts"][0].update(id=None),
        "contacts[0].id",
        "expected an id (text), got null",
    ),
    "missing": (
        lambda d: d["goals"][0]["checkins"][0].pop("id"),
        "goals[0].checkins[0].id",
        "is missing (it is required)",
    ),
    "too long": (
        lambda d: d["assessments"][0].update(id="x" * 101),
        "assessments[0].id",
        "an id has at most 100 characters, this one has 101",
    ),
    "repeated": (
        lambda d: d["goals"].append({**d["goals"][0], "title": "copy"}),
        "goals[1].id",
        '"g1" is already the id of goals[0]',
    ),
    "repeated step": (
        lambda d: d["goals"][0]["steps"][1].update(id="s1"),
        "goals[0].steps[1].id",
        '"s1" is already the id of goals[0].steps[0]',
    ),
    "repeated interaction": (
        lambda d: d["contacts"][0]["interactions"].append(d["contacts"][0]["interactions"][0]),
        "contacts[0].interactions[1].id",
        '"i1" is already the id of contacts[0].interactions[0]',
    ),
}


@pytest.mark.parametrize(("mutate", "place", "message"), IDS.values(), ids=IDS)
def test_a_bad_id_is_refused(
    mutate: Callable[[Document], object], place: str, message: str
) -> None:
    error = refused(mutate)
    assert (error.place, error.message) == (place, message)


def test_ids_are_unique_per_list_not_per_document() -> None:
    changed = document()
    second_goal = {**changed["goals"][0], "id": "g2"}  # same step and check-in ids
    changed["goals"].append(second_goal)
    changed["events"][0]["id"] = "g1"  # an event may share an id with a goal
    changed["contacts"][0]["interactions"][0]["event"] = "g1"
    dataset = dataset_from_document(changed)
    assert [goal.steps[0].id for goal in dataset.goals] == ["s1", "s1"]


# Required values --------------------------------------------------------------------------

REQUIRED: dict[str, Case] = {
    "goal title missing": (
        lambda d: d["goals"][0].pop("title"),
        "goals[0].title",
        "is missing (it is required)",
    ),
    "goal title empty": (
        lambda d: d["goals"][0].update(title=""),
        "goals[0].title",
        "must not be empty",
    ),
    "goal title too long": (
        lambda d: d["goals"][0].update(title="t" * 201),
        "goals[0].title",
        "201 characters; at most 200",
    ),
    "rater comment over its cap": (  # somebody else's words: a megabyte is kept, not this
        lambda d: d["assessments"][0]["raters"][0].update(comments={"general": "w" * 4_000_001}),
        "assessments[0].raters[0].comments.general",
        "4,000,001 characters; at most 4,000,000",
    ),
    "contact name empty": (
        lambda d: d["contacts"][0].update(name=""),
        "contacts[0].name",
        "must not be empty",
    ),
    "event name empty": (
        lambda d: d["events"][0].update(name=""),
        "events[0].name",
        "must not be empty",
    ),
    "event name missing": (
        lambda d: d["events"][0].pop("name"),
        "events[0].name",
        "is missing (it is required)",
    ),
    "assessment status": (
        lambda d: d["assessments"][0].pop("status"),
        "assessments[0].status",
        "is missing (it is required)",
    ),
    "goal status null": (
        lambda d: d["goals"][0].update(status=None),
        "goals[0].status",
        'expected one of "not_started", "in_progress", "on_track", "at_risk", "done",'
        ' "dropped", got null',
    ),
    "interaction kind": (
        lambda d: d["contacts"][0]["interactions"][0].pop("kind"),
        "contacts[0].interactions[0].kind",
        "is missing (it is required)",
    ),
    "feedback date": (
        lambda d: d["feedback"][0].pop("date"),
        "feedback[0].date",
        "is missing (it is required)",
    ),
    "check-in date": (
        lambda d: d["goals"][0]["checkins"][0].pop("date"),
        "goals[0].checkins[0].date",
        "is missing (it is required)",
    ),
    "answer rating": (
        lambda d: d["assessments"][0]["raters"][0]["answers"][0].pop("rating"),
        "assessments[0].raters[0].answers[0].rating",
        "is missing (it is required)",
    ),
    "answer statement": (
        lambda d: d["assessments"][0]["answers"][1].pop("statement"),
        "assessments[0].answers[1].statement",
        "is missing (it is required)",
    ),
}


@pytest.mark.parametrize(("mutate", "place", "message"), REQUIRED.values(), ids=REQUIRED)
def test_a_missing_or_empty_required_value_is_refused(
    mutate: Callable[[Document], object], place: str, message: str
) -> None:
    error = refused(mutate)
    assert (error.place, error.message) == (place, message)


def test_a_required_name_is_not_trimmed() -> None:
    changed = document()
    changed["goals"][0]["title"] = " "
    changed["contacts"][0]["name"] = "\x00"
    dataset = dataset_from_document(changed)
    assert (dataset.goals[0].title, dataset.contacts[0].name) == (" ", "\x00")


# Statements and repeats -------------------------------------------------------------------


@pytest.mark.parametrize(
    "statement",
    ["people.0", "people.01", "people", "nobody.1", "People.1", "people.1 ", "people.-1", "٣.1"],
)
def test_a_statement_id_must_be_a_factor_and_a_number_from_one(statement: str) -> None:
    error = refused(lambda d: d["assessments"][0]["answers"][1].update(statement=statement))
    assert error.place == "assessments[0].answers[1].statement"
    assert error.message == (
        f"{json.dumps(statement, ensure_ascii=False)} is not a statement id (<factor>.<n> with"
        " n from 1, factor one of people, teamwork, image, impact, authority, vision,"
        " customer, isolation)"
    )


REPEATS: dict[str, Case] = {
    "statement": (
        lambda d: d["assessments"][0]["answers"].append({"statement": "people.1", "rating": 1}),
        "assessments[0].answers[2].statement",
        '"people.1" appears twice in this list (first at assessments[0].answers[0])',
    ),
    "factor": (
        lambda d: d["feedback"][0]["factors"].append("people"),
        "feedback[0].factors[2]",
        '"people" appears twice in this list (first at feedback[0].factors[0])',
    ),
    "tag": (
        lambda d: d["feedback"][0]["tags"].append("review"),
        "feedback[0].tags[2]",
        '"review" appears twice in this list (first at feedback[0].tags[0])',
    ),
}


@pytest.mark.parametrize(("mutate", "place", "message"), REPEATS.values(), ids=REPEATS)
def test_a_value_listed_twice_is_refused(
    mutate: Callable[[Document], object], place: str, message: str
) -> None:
    error = refused(mutate)
    assert (error.place, error.message) == (place, message)


# References -------------------------------------------------------------------------------

REFERENCES: dict[str, Case] = {
    "feedback contact": (
        lambda d: d["feedback"][0].update(contact="nobody"),
        "feedback[0].contact",
        '"nobody" is not the id of a contact in this file',
    ),
    "feedback goal": (
        lambda d: d["feedback"][0].update(goal="e1"),
        "feedback[0].goal",
        '"e1" is not the id of a goal in this file',
    ),
    "interaction event": (
        lambda d: d["contacts"][0]["interactions"][0].update(event=""),
        "contacts[0].interactions[0].event",
        '"" is not the id of an event in this file',
    ),
    "event goal": (
        lambda d: d["events"][0].update(goal="G1"),
        "events[0].goal",
        '"G1" is not the id of a goal in this file',
    ),
    "renamed goal": (
        lambda d: d["goals"][0].update(id="g2"),
        "feedback[0].goal",
        '"g1" is not the id of a goal in this file',
    ),
    "removed event": (
        lambda d: d.pop("events"),
        "contacts[0].interactions[0].event",
        '"e1" is not the id of an event in this file',
    ),
}


@pytest.mark.parametrize(("mutate", "place", "message"), REFERENCES.values(), ids=REFERENCES)
def test_a_reference_must_name_a_record_of_the_same_document(
    mutate: Callable[[Document], object], place: str, message: str
) -> None:
    error = refused(mutate)
    assert (error.place, error.message) == (place, message)


# Text -------------------------------------------------------------------------------------


def test_a_lone_surrogate_cannot_be_stored() -> None:
    error = refused(lambda d: d["goals"][0].update(why="ok \ud800"))
    assert error.place == "goals[0].why"
    assert error.message == (
        "contains invalid Unicode (a lone surrogate at character 4), which cannot be stored"
    )
    text = dumps(sample_dataset(), EXPORTED_AT).replace('"Dana Reyes"', '"Dana \\udc00"')
    error = refused_text(text)
    assert error.place == "profile.name"
    assert error.message.startswith("contains invalid Unicode")
    error = refused(lambda d: d["goals"][0].update(id="\udfff"))
    assert error.place == "goals[0].id"
    assert error.message.startswith("contains invalid Unicode")


def test_a_huge_value_is_shortened_in_the_message() -> None:
    error = refused(lambda d: d["goals"][0].update(status="x" * 1_000_000))
    assert error.place == "goals[0].status"
    assert error.message.startswith('"' + "x" * 60 + '…" (1000000 characters) is not one of')
    assert len(str(error)) < 300


def test_a_message_quotes_control_characters_and_surrogates_printably() -> None:
    error = refused(lambda d: d["goals"][0].update(deadline="\x00\n\ud800"))
    assert error.message == '"\\u0000\\n\\ud800" is not a date'
    str(error).encode("utf-8")  # printable anywhere


# Fuzzing ----------------------------------------------------------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=20,
)


def all_places(value: object, path: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    """The paths to every value inside a parsed JSON document, the document itself first."""
    places: list[tuple[object, ...]] = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            places += all_places(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            places += all_places(item, (*path, index))
    return places


def accepted_or_refused(value: object) -> None:
    try:
        dataset_from_document(value)
    except InterchangeError as error:
        str(error).encode("utf-8")


@QUICK
@given(json_values)
def test_any_json_value_is_read_or_refused_with_an_interchange_error(value: object) -> None:
    accepted_or_refused(value)
    accepted_or_refused(
        {
            "format": "ontrack",
            "version": 1,
            "exported_at": EXPORTED_AT.isoformat(),
            "goals": value,
            "contacts": [value],
            "profile": value,
        }
    )


@QUICK
@given(datasets(max_records=2), st.data())
def test_a_valid_document_with_one_value_replaced_is_read_or_refused(
    dataset: Dataset, data: st.DataObject
) -> None:
    # Half the time the hand-written sample, whose references the random datasets often lack.
    source = dataset if data.draw(st.booleans()) else sample_dataset()
    changed: Any = dataset_to_document(source, EXPORTED_AT)
    path = data.draw(st.sampled_from(all_places(changed)[1:]))
    replacement = data.draw(json_values | st.sampled_from(["", "x", 0, -1, 101, "2026-02-30"]))
    parent = changed
    for step in path[:-1]:
        parent = parent[step]
    parent[path[-1]] = replacement
    accepted_or_refused(changed)


@QUICK
@given(st.binary() | st.text().map(str.encode))
def test_any_bytes_are_read_or_refused_with_an_interchange_error(data: bytes) -> None:
    with contextlib.suppress(InterchangeError):
        loads(data)
