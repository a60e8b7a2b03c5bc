"""Hypothesis strategies for valid OnTrack data, shared by every round-trip test.

`datasets()` builds whole Datasets whose every record would pass import: any Unicode text
(surrogates excluded, as st.text does), dates across 0001..9999, ids unique within each list
(a goal's steps are a list of their own) and references that point at records of the same
dataset. The record strategies are public too, for tests that need only one kind, and
`sample_dataset()` is a fixed example with one record of every kind.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import TypeVar

from hypothesis import strategies as st

from ontrack.domain.assessment import MAX_RATING, MIN_RATING, Answer, Assessment, Rater, Reflections
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
from ontrack.domain.ids import MAX_ID_LENGTH
from ontrack.domain.journal import Feedback
from ontrack.domain.network import Contact, Event, Interaction

R = TypeVar("R", Assessment, Goal, Step, CheckIn, Feedback, Contact, Interaction, Event)

# Text that random generation rarely hits but real users write.
SPECIAL_TEXTS = (
    "",
    " ",
    "  leading and trailing  ",
    "مرحبا بالعالم",  # Arabic, right to left
    "שלום עולם",  # Hebrew, right to left
    "English then עברית then English",
    "\u202eoverride\u202c",
    "😀 👩‍👩‍👧‍👦 🇳🇱 🚀",  # emoji, ZWJ sequence, flag
    "漢字かなカナ 한국어 中文",
    "e\u0301 a\u0308 n\u0303 \u0915\u094d\u0937",  # combining marks, Devanagari conjunct
    "<b>x</b> & 5 < 6",
    "<script>alert('x')</script>",
    '"quoted" \\ back\\slash',
    "line one\nline two\r\nline three\ttab",
    "\x00 NUL \x01\x1f\x7f control",
    "\u2028\u2029 separators \ufeff BOM",
    "**Markdown** _text_ [link](https://example.com)",
    "\U0010ffff last code point",
)


def texts(*, min_size: int = 0, max_size: int = 40) -> st.SearchStrategy[str]:
    special = [text for text in SPECIAL_TEXTS if min_size <= len(text) <= max_size]
    return st.one_of(st.text(min_size=min_size, max_size=max_size), st.sampled_from(special))


def exactly(length: int) -> st.SearchStrategy[str]:
    """Text of exactly `length` characters, for the limits (repeating keeps generation fast)."""
    return st.text(min_size=1, max_size=8).map(lambda text: (text * length)[:length])


def ids() -> st.SearchStrategy[str]:
    """What OnTrack writes (UUIDs) and what it accepts (any text of 1..100 characters)."""
    return st.one_of(
        st.uuids().map(str),
        texts(min_size=1, max_size=12),
        exactly(MAX_ID_LENGTH),
    )


def dates() -> st.SearchStrategy[date]:
    """Any day 0001-01-01 .. 9999-12-31, with the two extremes drawn more often."""
    return st.one_of(st.dates(), st.sampled_from([date.min, date.max]))


def tag_lists() -> st.SearchStrategy[tuple[str, ...]]:
    return st.lists(texts(max_size=15), max_size=3, unique=True).map(tuple)


def references(targets: Sequence[str]) -> st.SearchStrategy[str | None]:
    """None, or the id of one of `targets`."""
    if not targets:
        return st.none()
    return st.one_of(st.none(), st.sampled_from(targets))


def statement_ids() -> st.SearchStrategy[str]:
    return st.builds(
        lambda factor, number: f"{factor.value}.{number}",
        st.sampled_from(Factor),
        st.one_of(st.integers(1, 8), st.integers(1, 10**6)),
    )


def answer_lists() -> st.SearchStrategy[tuple[Answer, ...]]:
    return st.lists(
        st.builds(Answer, statement=statement_ids(), rating=st.integers(MIN_RATING, MAX_RATING)),
        max_size=6,
        unique_by=lambda answer: answer.statement,
    ).map(tuple)


def profiles() -> st.SearchStrategy[Profile]:
    return st.builds(Profile, name=texts(), current_role=texts(), target_role=texts())


def assessments() -> st.SearchStrategy[Assessment]:
    return st.builds(
        Assessment,
        id=ids(),
        taken_on=dates(),
        status=st.sampled_from(AssessmentStatus),
        current_role=texts(),
        target_role=texts(),
        answers=answer_lists(),
        reflections=st.builds(
            Reflections,
            skills_enjoyed=texts(),
            feedback_received=texts(),
            learning_to_pursue=texts(),
            notes=texts(),
        ),
        raters=st.lists(
            st.builds(
                Rater,
                name=texts(),
                relationship=st.sampled_from(Relationship),
                answers=answer_lists(),
                email=texts(),
                asked_on=st.none() | dates(),
                returned_on=st.none() | dates(),
                comments=st.lists(
                    st.tuples(st.sampled_from([*(f.value for f in Factor), "general"]), texts()),
                    max_size=3,
                    unique_by=lambda pair: pair[0],
                ).map(tuple),
            ),
            max_size=2,
        ).map(_with_rater_ids),
    )


def _with_rater_ids(raters: list[Rater]) -> tuple[Rater, ...]:
    """The first rater typed in by hand (no id), the others asked by questionnaire."""
    return tuple(replace(r, id=f"r{n}" if n else "") for n, r in enumerate(raters))


def _unique_records(
    records: st.SearchStrategy[R], max_size: int
) -> st.SearchStrategy[tuple[R, ...]]:
    """Up to `max_size` records with distinct ids, as ids are unique within their list."""
    return st.lists(records, max_size=max_size, unique_by=lambda record: record.id).map(tuple)


def goals() -> st.SearchStrategy[Goal]:
    steps = st.builds(
        Step,
        id=ids(),
        text=texts(),
        done=st.booleans(),
        due=st.none() | dates(),
        done_on=st.none() | dates(),
    )
    checkins = st.builds(
        CheckIn,
        id=ids(),
        date=dates(),
        note=texts(),
        progress=st.none() | st.integers(0, 100),
    )
    return st.builds(
        Goal,
        id=ids(),
        title=st.one_of(
            texts(min_size=1, max_size=40),
            exactly(MAX_TITLE_LENGTH),
        ),
        why=texts(),
        measure=texts(),
        deadline=st.none() | dates(),
        status=st.sampled_from(GoalStatus),
        progress=st.integers(0, 100),
        factor=st.none() | st.sampled_from(Factor),
        created_on=st.none() | dates(),
        completed_on=st.none() | dates(),
        steps=_unique_records(steps, 3),
        checkins=_unique_records(checkins, 3),
    )


def events(goal_ids: Sequence[str] = ()) -> st.SearchStrategy[Event]:
    return st.builds(
        Event,
        id=ids(),
        name=texts(min_size=1),
        date=dates(),
        location=texts(),
        notes=texts(),
        goal=references(goal_ids),
    )


def contacts(event_ids: Sequence[str] = ()) -> st.SearchStrategy[Contact]:
    interactions = st.builds(
        Interaction,
        id=ids(),
        date=dates(),
        kind=st.sampled_from(InteractionKind),
        event=references(event_ids),
        notes=texts(),
        follow_up_on=st.none() | dates(),
    )
    return st.builds(
        Contact,
        id=ids(),
        name=texts(min_size=1),
        company=texts(),
        role=texts(),
        email=texts(),
        phone=texts(),
        linkedin_url=texts(),
        how_met=texts(),
        notes=texts(),
        met_on=st.none() | dates(),
        tags=tag_lists(),
        reconnect_every_days=st.none() | st.integers(1, 3650),
        interactions=_unique_records(interactions, 3),
    )


def feedback_entries(
    contact_ids: Sequence[str] = (), goal_ids: Sequence[str] = ()
) -> st.SearchStrategy[Feedback]:
    return st.builds(
        Feedback,
        id=ids(),
        date=dates(),
        kind=st.sampled_from(FeedbackKind),
        source_name=texts(),
        relationship=st.sampled_from(Relationship),
        contact=references(contact_ids),
        situation=texts(),
        behavior=texts(),
        impact=texts(),
        text=texts(),
        reflection=texts(),
        action_plan=texts(),
        follow_up_on=st.none() | dates(),
        followed_up_on=st.none() | dates(),
        follow_up_note=texts(),
        factors=st.lists(st.sampled_from(Factor), max_size=3, unique=True).map(tuple),
        goal=references(goal_ids),
        tags=tag_lists(),
    )


@functools.cache
def _record_lists(max_records: int) -> _RecordLists:
    # Built once: hypothesis validates a strategy on first use, which costs more than drawing
    # from it, so the references are filled in after drawing rather than by new strategies.
    return _RecordLists(
        profile=profiles(),
        assessments=_unique_records(assessments(), max_records),
        goals=_unique_records(goals(), max_records),
        feedback=_unique_records(feedback_entries(), max_records),
        contacts=_unique_records(contacts(), max_records),
        events=_unique_records(events(), max_records),
    )


@dataclass(frozen=True)
class _RecordLists:
    profile: st.SearchStrategy[Profile]
    assessments: st.SearchStrategy[tuple[Assessment, ...]]
    goals: st.SearchStrategy[tuple[Goal, ...]]
    feedback: st.SearchStrategy[tuple[Feedback, ...]]
    contacts: st.SearchStrategy[tuple[Contact, ...]]
    events: st.SearchStrategy[tuple[Event, ...]]


@st.composite
def datasets(draw: st.DrawFn, max_records: int = 3) -> Dataset:
    """A whole valid Dataset with up to `max_records` records of each kind (and of children)."""
    lists = _record_lists(max_records)
    goal_list = draw(lists.goals)
    goal_ids = [goal.id for goal in goal_list]
    event_list = tuple(
        replace(event, goal=draw(references(goal_ids))) for event in draw(lists.events)
    )
    event_ids = [event.id for event in event_list]
    contact_list = tuple(
        replace(
            contact,
            interactions=tuple(
                replace(interaction, event=draw(references(event_ids)))
                for interaction in contact.interactions
            ),
        )
        for contact in draw(lists.contacts)
    )
    contact_ids = [contact.id for contact in contact_list]
    feedback_list = tuple(
        replace(entry, contact=draw(references(contact_ids)), goal=draw(references(goal_ids)))
        for entry in draw(lists.feedback)
    )
    return Dataset(
        profile=draw(lists.profile),
        assessments=draw(lists.assessments),
        goals=goal_list,
        feedback=feedback_list,
        contacts=contact_list,
        events=event_list,
    )


def sample_dataset() -> Dataset:
    """A small hand-written Dataset: one of every kind of record, each referring to the others."""
    return Dataset(
        profile=Profile("Dana Reyes", "Senior engineer", "Engineering manager"),
        assessments=(
            Assessment(
                id="a1",
                taken_on=date(2026, 1, 5),
                status=AssessmentStatus.COMPLETE,
                current_role="Senior engineer",
                target_role="Engineering manager",
                answers=(Answer("people.1", 4), Answer("isolation.2", 2)),
                reflections=Reflections("mentoring", "listens well", "delegation", "notes"),
                raters=(Rater("Sam", Relationship.MANAGER, (Answer("people.1", 5),)),),
            ),
        ),
        goals=(
            Goal(
                id="g1",
                title="Lead the platform team",
                why="grow as a manager",
                measure="team of 5",
                deadline=date(2026, 12, 31),
                status=GoalStatus.ON_TRACK,
                progress=50,
                factor=Factor.PEOPLE,
                created_on=date(2026, 1, 6),
                steps=(
                    Step("s1", "Ask for a mentor", True, date(2026, 2, 1), date(2026, 1, 20)),
                    Step("s2", "Run the retro"),
                ),
                checkins=(CheckIn("c1", date(2026, 3, 1), "going fine", 40),),
            ),
        ),
        feedback=(
            Feedback(
                id="f1",
                date=date(2026, 3, 2),
                kind=FeedbackKind.PRAISE,
                source_name="Sam",
                relationship=Relationship.MANAGER,
                contact="p1",
                situation="in the review",
                text="**well done**",
                follow_up_on=date(2026, 4, 1),
                factors=(Factor.PEOPLE, Factor.IMAGE),
                goal="g1",
                tags=("review", "2026"),
            ),
        ),
        contacts=(
            Contact(
                id="p1",
                name="Sam Lee",
                company="Acme",
                met_on=date(2025, 9, 9),
                tags=("mentor",),
                reconnect_every_days=30,
                interactions=(
                    Interaction("i1", date(2026, 5, 5), InteractionKind.CONFERENCE, "e1"),
                ),
            ),
        ),
        events=(Event("e1", "PyCon", date(2026, 5, 5), "Pittsburgh", goal="g1"),),
    )
