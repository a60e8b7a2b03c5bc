"""Reading interchange documents: a parsed JSON value, fully validated, into a Dataset.

All or nothing: `dataset_from_document` either returns the whole Dataset or raises
InterchangeError naming the first problem's place (`goals[0].steps[1].due`).

What may be missing. A key may be left out, or be null, when it has a natural empty value:
- keys whose type allows null (dates such as `deadline`, references, `factor`, check-in
  `progress`, `reconnect_every_days`) -> null;
- text -> ""; lists -> []; `done` -> false; goal `progress` -> 0;
- feedback and rater `relationship` -> "other";
- `profile` and `reflections` -> all their text empty.
Everything else is required: every `id`, goal `title`, contact and event `name`, the
`status` and `kind` choices, the dates that cannot be null (`taken_on`, check-in `date`,
feedback `date`, interaction `date`, event `date`), answer `statement` and `rating`, and at
the top `format` and `version`. `exported_at` may be missing, but if present it must be an
ISO 8601 timestamp with an offset.
Unknown keys are ignored everywhere; text is kept exactly as written, up to the caps of
`domain.validation` (one line 500 characters, long text 100,000, a rater's comment
4,000,000, a tag 100, a goal title 200); longer text is refused, naming its place and length.

Beyond the per-value checks, ids are unique within each list (a goal's steps are a list of
their own), references name a record of the same document, and a statement, factor or tag
appears at most once in its list.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Protocol, TypeVar

from ontrack.domain.assessment import (
    GENERAL_COMMENT,
    MAX_RATING,
    MIN_RATING,
    Answer,
    Assessment,
    Rater,
    Reflections,
)
from ontrack.domain.dataset import Dataset, Profile
from ontrack.domain.enums import (
    AssessmentStatus,
    Factor,
    FeedbackKind,
    GoalStatus,
    InteractionKind,
    Relationship,
)
from ontrack.domain.goals import MAX_TITLE_LENGTH, CheckIn, Goal, Step
from ontrack.domain.journal import Feedback
from ontrack.domain.network import MAX_RECONNECT_DAYS, Contact, Event, Interaction
from ontrack.domain.validation import MAX_COMMENT_LENGTH

from .errors import InterchangeError, describe, quote
from .json_fields import (
    Fields,
    item_place,
    no_repeats,
    record_id,
    statement_id,
    text,
    whole_number,
)
from .json_write import FORMAT_NAME, FORMAT_VERSION


class _Record(Protocol):
    @property
    def id(self) -> str: ...


R = TypeVar("R", bound=_Record)


def dataset_from_document(document: object) -> Dataset:
    """The Dataset a parsed JSON document describes; raises InterchangeError if it is not valid."""
    if not isinstance(document, dict):
        raise InterchangeError(
            "", f"this is not an OnTrack file: it is {describe(document)}, not a JSON object"
        )
    top = Fields(document, "")
    _check_format(top)
    dataset = Dataset(
        profile=_profile(top.object("profile")),
        assessments=_records(top, "assessments", _assessment),
        goals=_records(top, "goals", _goal),
        feedback=_records(top, "feedback", _feedback),
        contacts=_records(top, "contacts", _contact),
        events=_records(top, "events", _event),
    )
    _check_references(dataset)
    return dataset


def _check_format(top: Fields) -> None:
    # Checked before anything else: a file of another kind, or of a newer version, gets a
    # message about that rather than about some key it happens to lack.
    name = top.optional("format")
    if name != FORMAT_NAME:
        found = "it has no format" if name is None else f"its format is {describe(name)}"
        raise InterchangeError("format", f'this is not an OnTrack file ({found}, not "ontrack")')
    version = top.required("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise InterchangeError("version", f"expected a whole number, got {describe(version)}")
    if version < 1:
        raise InterchangeError("version", f"{describe(version)} is not a format version")
    if version > FORMAT_VERSION:
        raise InterchangeError(
            "version",
            f"this file was written by a newer version of OnTrack (format version"
            f" {describe(version)}); this version reads up to {FORMAT_VERSION}",
        )
    # When the file was written is metadata, not data: a hand-written file may leave it out.
    stamp = top.optional("exported_at")
    if stamp is None:
        return
    exported_at = text(stamp, "exported_at")
    try:
        moment = datetime.fromisoformat(exported_at)
    except ValueError:
        raise InterchangeError("exported_at", f"{quote(exported_at)} is not a timestamp") from None
    if moment.utcoffset() is None:
        raise InterchangeError(
            "exported_at", f"{quote(exported_at)} has no UTC offset (like +00:00)"
        )


def _records(fields: Fields, key: str, read: Callable[[object, str], R]) -> tuple[R, ...]:
    """The records of one list, each id unique within the list."""
    records = tuple(read(value, place) for value, place in fields.items(key))
    place = fields.at(key)
    first_index: dict[str, int] = {}
    for index, record in enumerate(records):
        first = first_index.setdefault(record.id, index)
        if first != index:
            raise InterchangeError(
                item_place(place, index) + ".id",
                f"{quote(record.id)} is already the id of {item_place(place, first)}",
            )
    return records


def _profile(fields: Fields | None) -> Profile:
    if fields is None:
        return Profile()
    return Profile(
        name=fields.line("name"),
        current_role=fields.line("current_role"),
        target_role=fields.line("target_role"),
    )


def _answers(fields: Fields, key: str) -> tuple[Answer, ...]:
    answers = []
    for value, place in fields.items(key):
        answer = Fields(value, place)
        answers.append(
            Answer(
                statement=statement_id(answer.required("statement"), answer.at("statement")),
                rating=whole_number(
                    answer.required("rating"), answer.at("rating"), MIN_RATING, MAX_RATING
                ),
            )
        )
    no_repeats([answer.statement for answer in answers], fields.at(key), what=".statement")
    return tuple(answers)


def _reflections(fields: Fields | None) -> Reflections:
    if fields is None:
        return Reflections()
    return Reflections(
        skills_enjoyed=fields.text("skills_enjoyed"),
        feedback_received=fields.text("feedback_received"),
        learning_to_pursue=fields.text("learning_to_pursue"),
        notes=fields.text("notes"),
    )


def _rater(value: object, place: str) -> Rater:
    fields = Fields(value, place)
    uid = fields.optional("id")
    return Rater(
        name=fields.line("name"),
        relationship=fields.choice_or("relationship", Relationship, Relationship.OTHER),
        answers=_answers(fields, "answers"),
        id="" if uid is None else record_id(uid, fields.at("id")),
        email=fields.line("email"),
        asked_on=fields.optional_date("asked_on"),
        returned_on=fields.optional_date("returned_on"),
        comments=_comments(fields.object("comments")),
    )


_COMMENT = MAX_COMMENT_LENGTH  # somebody else's words, kept whole (domain.validation)
_COMMENT_TOPICS = frozenset((*(f.value for f in Factor), GENERAL_COMMENT))


def _comments(fields: Fields | None) -> tuple[tuple[str, str], ...]:
    """A rater's own words: factor id or "general" → text, in the file's order."""
    if fields is None:
        return ()
    found = []
    for topic in fields.names():
        if topic not in _COMMENT_TOPICS:
            raise InterchangeError(fields.at(topic), 'is neither a factor id nor "general"')
        words = fields.optional(topic)
        found.append((topic, "" if words is None else text(words, fields.at(topic), _COMMENT)))
    return tuple(found)


def _raters(fields: Fields) -> tuple[Rater, ...]:
    raters = tuple(_rater(item, item_at) for item, item_at in fields.items("raters"))
    first_seen: dict[str, int] = {}
    for index, rater in enumerate(raters):
        first = first_seen.setdefault(rater.id, index) if rater.id else index
        if first != index:
            place = item_place(fields.at("raters"), index)
            raise InterchangeError(
                f"{place}.id", f"{quote(rater.id)} is already the id of rater {first}"
            )
    return raters


def _assessment(value: object, place: str) -> Assessment:
    fields = Fields(value, place)
    return Assessment(
        id=fields.id(),
        taken_on=fields.date("taken_on"),
        status=fields.choice("status", AssessmentStatus),
        current_role=fields.line("current_role"),
        target_role=fields.line("target_role"),
        answers=_answers(fields, "answers"),
        reflections=_reflections(fields.object("reflections")),
        raters=_raters(fields),
    )


def _step(value: object, place: str) -> Step:
    fields = Fields(value, place)
    return Step(
        id=fields.id(),
        text=fields.text("text"),
        done=fields.flag("done"),
        due=fields.optional_date("due"),
        done_on=fields.optional_date("done_on"),
    )


def _checkin(value: object, place: str) -> CheckIn:
    fields = Fields(value, place)
    return CheckIn(
        id=fields.id(),
        date=fields.date("date"),
        note=fields.text("note"),
        progress=fields.optional_number("progress", 0, 100),
    )


def _goal(value: object, place: str) -> Goal:
    fields = Fields(value, place)
    return Goal(
        id=fields.id(),
        title=fields.name("title", MAX_TITLE_LENGTH),
        why=fields.text("why"),
        measure=fields.text("measure"),
        deadline=fields.optional_date("deadline"),
        status=fields.choice("status", GoalStatus),
        progress=fields.number("progress", 0, 100, default=0),
        factor=fields.optional_choice("factor", Factor),
        created_on=fields.optional_date("created_on"),
        completed_on=fields.optional_date("completed_on"),
        steps=_records(fields, "steps", _step),
        checkins=_records(fields, "checkins", _checkin),
    )


def _feedback(value: object, place: str) -> Feedback:
    fields = Fields(value, place)
    return Feedback(
        id=fields.id(),
        date=fields.date("date"),
        kind=fields.choice("kind", FeedbackKind),
        source_name=fields.line("source_name"),
        relationship=fields.choice_or("relationship", Relationship, Relationship.OTHER),
        contact=fields.reference("contact"),
        situation=fields.text("situation"),
        behavior=fields.text("behavior"),
        impact=fields.text("impact"),
        text=fields.text("text"),
        reflection=fields.text("reflection"),
        action_plan=fields.text("action_plan"),
        follow_up_on=fields.optional_date("follow_up_on"),
        followed_up_on=fields.optional_date("followed_up_on"),
        follow_up_note=fields.text("follow_up_note"),
        factors=fields.choices("factors", Factor),
        goal=fields.reference("goal"),
        tags=fields.texts("tags"),
    )


def _interaction(value: object, place: str) -> Interaction:
    fields = Fields(value, place)
    return Interaction(
        id=fields.id(),
        date=fields.date("date"),
        kind=fields.choice("kind", InteractionKind),
        event=fields.reference("event"),
        notes=fields.text("notes"),
        follow_up_on=fields.optional_date("follow_up_on"),
    )


def _contact(value: object, place: str) -> Contact:
    fields = Fields(value, place)
    return Contact(
        id=fields.id(),
        name=fields.name("name"),
        company=fields.line("company"),
        role=fields.line("role"),
        email=fields.line("email"),
        phone=fields.line("phone"),
        linkedin_url=fields.line("linkedin_url"),
        how_met=fields.line("how_met"),
        notes=fields.text("notes"),
        met_on=fields.optional_date("met_on"),
        tags=fields.texts("tags"),
        reconnect_every_days=fields.optional_number("reconnect_every_days", 1, MAX_RECONNECT_DAYS),
        interactions=_records(fields, "interactions", _interaction),
    )


def _event(value: object, place: str) -> Event:
    fields = Fields(value, place)
    return Event(
        id=fields.id(),
        name=fields.name("name"),
        date=fields.date("date"),
        location=fields.line("location"),
        notes=fields.text("notes"),
        goal=fields.reference("goal"),
    )


def _check_references(dataset: Dataset) -> None:
    goals = {goal.id for goal in dataset.goals}
    contacts = {contact.id for contact in dataset.contacts}
    events = {event.id for event in dataset.events}
    for index, feedback in enumerate(dataset.feedback):
        _refers(feedback.contact, contacts, f"feedback[{index}].contact", "a contact")
        _refers(feedback.goal, goals, f"feedback[{index}].goal", "a goal")
    for index, contact in enumerate(dataset.contacts):
        for number, interaction in enumerate(contact.interactions):
            place = f"contacts[{index}].interactions[{number}].event"
            _refers(interaction.event, events, place, "an event")
    for index, event in enumerate(dataset.events):
        _refers(event.goal, goals, f"events[{index}].goal", "a goal")


def _refers(reference: str | None, ids: set[str], place: str, kind: str) -> None:
    if reference is not None and reference not in ids:
        raise InterchangeError(place, f"{quote(reference)} is not the id of {kind} in this file")
