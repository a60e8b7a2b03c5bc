"""The limits a record must keep to be stored: the same ones the interchange format checks
on import, so that nothing OnTrack writes could be refused when it is read back.

How long text may be, in characters (the one place that says so; INTERCHANGE.md and the
window's editors use these):

- id: 100 (every `id`; `ids.MAX_ID_LENGTH`)
- goal title: 200 (`goals.MAX_TITLE_LENGTH`)
- tag: 100 (feedback and contact tags)
- one line: 500 (names, roles, company, email, phone, LinkedIn address, how met, place,
  a feedback giver's or a rater's name)
- long text: 100,000 (why, measure, steps, check-in notes, feedback text and its parts,
  reflections, notes)
- a rater's comment: 4,000,000 (`MAX_COMMENT_LENGTH`)

A hundred thousand characters is some forty printed pages: room for any note a person
writes by hand, small enough that showing or searching it never holds the window up.
A rater's comment is somebody else's words, sent back in a form or an e-mail: it is kept
exactly as it came, even a megabyte of it, because refusing it would lose the rater's
answers with it; the window and the report show its beginning and say how long it is.
Four million characters is a cap against a runaway file, not a length anyone writes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .goals import MAX_TITLE_LENGTH
from .ids import MAX_ID_LENGTH

if TYPE_CHECKING:  # named only: the window's first paint checks goals, not these (#19)
    from .assessment import Assessment
    from .goals import Goal
    from .journal import Feedback
    from .network import Contact, Event
    from .profile import Profile

MAX_TAG_LENGTH = 100
MAX_LINE_LENGTH = 500
MAX_TEXT_LENGTH = 100_000
MAX_COMMENT_LENGTH = 4_000_000

__all__ = [
    "MAX_COMMENT_LENGTH",
    "MAX_ID_LENGTH",
    "MAX_LINE_LENGTH",
    "MAX_TAG_LENGTH",
    "MAX_TEXT_LENGTH",
    "MAX_TITLE_LENGTH",
    "InvalidRecordError",
    "check_assessment",
    "check_contact",
    "check_event",
    "check_feedback",
    "check_goal",
    "check_profile",
    "too_long",
]


def too_long(length: int, cap: int) -> str:
    """The words for a text over its cap: "250,000 characters; at most 100,000"."""
    return f"{length:,} characters; at most {cap:,}"


class InvalidRecordError(ValueError):
    """A record breaks a limit; `str(error)` says which, in words."""


def _percent(value: int | None, what: str) -> None:
    if value is not None and not 0 <= value <= 100:
        raise InvalidRecordError(f"{what} must be between 0 and 100 %, not {value}.")


def check_goal(goal: Goal) -> None:
    if not goal.title:  # as INTERCHANGE.md: required and non-empty (the UI asks for more)
        raise InvalidRecordError("A goal needs a title.")
    if len(goal.title) > MAX_TITLE_LENGTH:
        raise InvalidRecordError(
            f"A goal's title can be at most {MAX_TITLE_LENGTH} characters "
            f"(this one has {len(goal.title):,})."
        )
    _percent(goal.progress, "Progress")
    _texts(goal, ("why", "measure"), "A goal")
    for step in goal.steps:
        _fits(step.text, MAX_TEXT_LENGTH, "A step")
    for checkin in goal.checkins:
        _percent(checkin.progress, "A check-in's progress")
        _fits(checkin.note, MAX_TEXT_LENGTH, "A check-in's note")


def _fits(value: str, cap: int, what: str) -> None:
    if len(value) > cap:
        raise InvalidRecordError(
            f"{what} can be at most {cap:,} characters (this one has {len(value):,})."
        )


def _lines(record: object, names: tuple[str, ...], what: str) -> None:
    for name in names:
        _fits(getattr(record, name), MAX_LINE_LENGTH, f"{what}'s {name.replace('_', ' ')}")


def _texts(record: object, names: tuple[str, ...], what: str) -> None:
    for name in names:
        _fits(getattr(record, name), MAX_TEXT_LENGTH, f"{what}'s {name.replace('_', ' ')}")


def _tags(tags: tuple[str, ...]) -> None:
    for tag in tags:
        _fits(tag, MAX_TAG_LENGTH, "A tag")


def check_feedback(feedback: Feedback) -> None:
    _lines(feedback, ("source_name",), "A feedback entry")
    _texts(
        feedback,
        ("situation", "behavior", "impact", "text", "reflection", "action_plan", "follow_up_note"),
        "A feedback entry",
    )
    _tags(feedback.tags)


def check_contact(contact: Contact) -> None:
    fields = ("name", "company", "role", "email", "phone", "linkedin_url", "how_met")
    _lines(contact, fields, "A contact")
    _texts(contact, ("notes",), "A contact")
    _tags(contact.tags)
    for interaction in contact.interactions:
        _texts(interaction, ("notes",), "An interaction")


def check_event(event: Event) -> None:
    _lines(event, ("name", "location"), "An event")
    _texts(event, ("notes",), "An event")


def check_profile(profile: Profile) -> None:
    _lines(profile, ("name", "current_role", "target_role"), "The profile")


def check_assessment(assessment: Assessment) -> None:
    _lines(assessment, ("current_role", "target_role"), "An assessment")
    _texts(
        assessment.reflections,
        ("skills_enjoyed", "feedback_received", "learning_to_pursue", "notes"),
        "A reflection",
    )
    for rater in assessment.raters:
        _fits(rater.name, MAX_LINE_LENGTH, "A rater's name")
        _fits(rater.email, MAX_LINE_LENGTH, "A rater's e-mail address")
        _fits(rater.id, MAX_ID_LENGTH, "A rater's id")
        for _, comment in rater.comments:
            _fits(comment, MAX_COMMENT_LENGTH, f"A comment of {rater.name}'s")
