"""The demo generator: deterministic, valid per the interchange rules, and the right size."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

import pytest

from ontrack.demo import SIZES, generate
from ontrack.domain.assessment import Answer
from ontrack.domain.dataset import Dataset
from ontrack.domain.enums import AssessmentStatus, Factor, FeedbackKind, GoalStatus, Relationship
from ontrack.domain.goals import MAX_TITLE_LENGTH, Goal
from ontrack.domain.ids import MAX_ID_LENGTH

TODAY = date(2026, 11, 24)
STATEMENT = re.compile(r"^([a-z]+)\.([1-5])$")
FACTORS = {factor.value for factor in Factor}


@pytest.fixture(scope="module")
def large() -> tuple[Dataset, float]:
    """The one large generation of the session, with how long it took."""
    started = time.perf_counter()
    dataset = generate("large", 2026, TODAY)
    return dataset, time.perf_counter() - started


@pytest.fixture(scope="module")
def small() -> Dataset:
    return generate("small", 1, TODAY)


def problems(data: Dataset, today: date) -> list[str]:
    """Everything that would make `data` an invalid interchange document, or break our rules."""
    found: list[str] = []

    def check(ok: bool, what: str) -> None:
        if not ok:
            found.append(what)

    def unique(ids: Iterable[str], where: str) -> None:
        seen = list(ids)
        check(len(seen) == len(set(seen)), f"{where}: duplicate ids")
        check(all(0 < len(i) <= MAX_ID_LENGTH for i in seen), f"{where}: bad id")

    def past(day: date | None, where: str) -> None:
        check(day is None or day <= today, f"{where}: {day} is after today")

    def ordered(days: Sequence[Any], where: str) -> None:
        check(list(days) == sorted(days), f"{where}: not in chronological order")

    def answers(given: Sequence[Answer], where: str) -> None:
        unique((a.statement for a in given), f"{where}.answers")
        for answer in given:
            match = STATEMENT.match(answer.statement)
            factor = match[1] if match else ""
            check(factor in FACTORS, f"{where}: {answer.statement}")
            check(1 <= answer.rating <= 5, f"{where}: rating {answer.rating}")

    unique((a.id for a in data.assessments), "assessments")
    for i, a in enumerate(data.assessments):
        past(a.taken_on, f"assessments[{i}]")
        answers(a.answers, f"assessments[{i}]")
        complete = a.status is AssessmentStatus.COMPLETE
        check(len(a.answers) == 40 if complete else 0 < len(a.answers) < 40, f"assessment {i}")
        for rater in a.raters:
            answers(rater.answers, f"assessments[{i}].raters")
    ordered([a.taken_on for a in data.assessments], "assessments")

    goal_ids = {g.id for g in data.goals}
    unique((g.id for g in data.goals), "goals")
    for i, g in enumerate(data.goals):
        where = f"goals[{i}]"
        check(len(g.title.strip()) > 0 and len(g.title) <= MAX_TITLE_LENGTH, f"{where}.title")
        check(0 <= g.progress <= 100, f"{where}.progress")
        check(g.created_on is not None, f"{where}.created_on")
        created = g.created_on or date.min
        past(g.created_on, where)
        past(g.completed_on, where)
        check((g.completed_on is not None) == (g.status is GoalStatus.DONE), f"{where}.completed")
        check(g.completed_on is None or g.completed_on >= created, f"{where}.completed_on")
        unique((s.id for s in g.steps), f"{where}.steps")
        unique((c.id for c in g.checkins), f"{where}.checkins")
        for step in g.steps:
            check(step.done == (step.done_on is not None), f"{where}: step done_on")
            past(step.done_on, f"{where}.steps")
            check(step.done_on is None or step.done_on >= created, f"{where}: step before goal")
        if g.steps:
            expected = round(100 * g.steps_done / len(g.steps))
            check(g.progress == expected, f"{where}: progress {g.progress} != {expected}")
        if g.status is GoalStatus.DONE:
            check(g.progress == 100, f"{where}: done but {g.progress}%")
        for checkin in g.checkins:
            day = checkin.date
            past(day, f"{where}.checkins")
            check(day >= created, f"{where}: check-in before the goal")
            figure = checkin.progress
            check(figure is None or 0 <= figure <= 100, f"{where}: check-in progress")
            if g.steps:  # the figure is what the steps said on that day
                done = sum(1 for s in g.steps if s.done_on and s.done_on <= day)
                check(figure == round(100 * done / len(g.steps)), f"{where}: check-in figure")
        ordered([checkin.date for checkin in g.checkins], f"{where}.checkins")
    ordered([g.created_on or date.min for g in data.goals], "goals")

    contact_ids = {c.id for c in data.contacts}
    event_ids = {e.id for e in data.events}
    unique((f.id for f in data.feedback), "feedback")
    for i, f in enumerate(data.feedback):
        past(f.date, f"feedback[{i}]")
        past(f.followed_up_on, f"feedback[{i}]")
        check(f.contact is None or f.contact in contact_ids, f"feedback[{i}].contact")
        check(f.goal is None or f.goal in goal_ids, f"feedback[{i}].goal")
        check(f.followed_up_on is None or f.follow_up_on is not None, f"feedback[{i}] follow-up")
        check(bool(f.source_name) and bool(f.factors), f"feedback[{i}] source and factors")
    ordered([f.date for f in data.feedback], "feedback")

    unique((c.id for c in data.contacts), "contacts")
    for i, c in enumerate(data.contacts):
        check(bool(c.name.strip()), f"contacts[{i}].name")
        past(c.met_on, f"contacts[{i}].met_on")
        check(
            not c.linkedin_url or c.linkedin_url.startswith("https://www.linkedin.com/in/"), "url"
        )
        check(c.reconnect_every_days in (None, 14, 30, 90, 182), f"contacts[{i}] cadence")
        unique((t.id for t in c.interactions), f"contacts[{i}].interactions")
        for t in c.interactions:
            past(t.date, f"contacts[{i}].interactions")
            check(t.event is None or t.event in event_ids, f"contacts[{i}]: event {t.event}")
        ordered([t.date for t in c.interactions], f"contacts[{i}].interactions")
    ordered([(c.met_on or date.min, c.name) for c in data.contacts], "contacts")

    unique((e.id for e in data.events), "events")
    for i, e in enumerate(data.events):
        past(e.date, f"events[{i}]")
        check(e.goal is None or e.goal in goal_ids, f"events[{i}].goal")
    ordered([e.date for e in data.events], "events")
    return found


# --- determinism ---------------------------------------------------------------------------


def test_same_arguments_give_an_equal_dataset(small: Dataset) -> None:
    assert generate("small", 1, TODAY) == small


def test_the_data_does_not_depend_on_string_hashing() -> None:
    code = (
        "import datetime, hashlib, ontrack.demo as d; "
        "print(hashlib.sha256(repr(d.generate('small', 3, datetime.date(2026, 11, 24)))"
        ".encode()).hexdigest())"
    )
    digests = {
        subprocess.run(
            [sys.executable, "-c", code],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2")
    }
    assert len(digests) == 1


def test_another_seed_or_day_gives_another_dataset(small: Dataset) -> None:
    other = generate("small", 2, TODAY)
    assert other != small
    assert {g.id for g in other.goals}.isdisjoint(g.id for g in small.goals)
    assert generate("small", 1, TODAY + timedelta(days=1)) != small


def test_unknown_size_is_refused() -> None:
    assert SIZES == ("small", "large")
    with pytest.raises(ValueError, match="huge"):
        generate("huge", 1, TODAY)  # type: ignore[arg-type]


# --- validity ------------------------------------------------------------------------------


@pytest.mark.parametrize("seed", [0, 1, 7, 42, 2**40])
@pytest.mark.parametrize("today", [TODAY, date(2028, 2, 29), date(2031, 1, 1)])
def test_small_is_valid_for_any_seed_and_day(seed: int, today: date) -> None:
    assert problems(generate("small", seed, today), today) == []


def test_the_checks_catch_broken_data(small: Dataset) -> None:
    goal = next(g for g in small.goals if g.steps)
    broken_goal = replace(goal, progress=(goal.progress + 1) % 101)
    dangling = replace(small.feedback[0], contact="nobody", date=TODAY + timedelta(days=1))
    broken = replace(
        small,
        goals=tuple(broken_goal if g is goal else g for g in small.goals),
        feedback=(dangling, *small.feedback[1:]),
        events=tuple(reversed(small.events)),
    )
    found = problems(broken, TODAY)
    assert any("progress" in p for p in found)
    assert any("feedback[0].contact" in p for p in found)
    assert any("after today" in p for p in found)
    assert any(p.startswith("events: not in chronological") for p in found)


def test_large_is_valid(large: tuple[Dataset, float]) -> None:
    assert problems(large[0], TODAY) == []


# --- sizes ---------------------------------------------------------------------------------


def test_large_has_the_exact_counts(large: tuple[Dataset, float]) -> None:
    data = large[0]
    assert len(data.assessments) == 40
    assert len(data.goals) == 2_000
    assert sum(len(g.steps) for g in data.goals) == 20_000
    assert sum(len(g.checkins) for g in data.goals) == 10_000
    assert len(data.feedback) == 10_000
    assert len(data.contacts) == 5_000
    assert sum(len(c.interactions) for c in data.contacts) == 50_000
    assert len(data.events) == 500


def test_large_spans_ten_years(large: tuple[Dataset, float]) -> None:
    data, _ = large
    first = min(a.taken_on for a in data.assessments)
    assert TODAY - timedelta(days=3660) <= first <= TODAY - timedelta(days=3500)
    assert min(f.date for f in data.feedback) < TODAY - timedelta(days=3500)
    assert {g.status for g in data.goals} == set(GoalStatus)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_small_counts_are_in_range(seed: int) -> None:
    data = generate("small", seed, TODAY)
    assert [a.status for a in data.assessments] == [
        AssessmentStatus.COMPLETE,
        AssessmentStatus.COMPLETE,
        AssessmentStatus.DRAFT,
    ]
    gap = (data.assessments[1].taken_on - data.assessments[0].taken_on).days
    assert 100 <= gap <= 140  # about four months
    assert 10 <= len(data.goals) <= 14
    assert all(0 <= len(g.steps) <= 6 for g in data.goals)
    assert 35 <= len(data.feedback) <= 45
    assert 55 <= len(data.contacts) <= 65
    assert all(2 <= len(c.interactions) <= 5 for c in data.contacts)
    assert len(data.events) == 8
    dates = [f.date for f in data.feedback] + [g.created_on or TODAY for g in data.goals]
    assert min(dates) >= TODAY - timedelta(days=370)


# --- the small demo looks like a real person's year ----------------------------------------


def _goal(data: Dataset, title: str) -> Goal:
    return next(g for g in data.goals if g.title == title)


def test_small_has_the_goals_from_the_issue(small: Dataset) -> None:
    certification = _goal(small, "Obtain a Certification")
    assert certification.status is GoalStatus.ON_TRACK
    assert [s.text for s in certification.steps[:2]] == ["Enroll in course", "Study materials"]
    network = _goal(small, "Expand Network")
    assert network.status is GoalStatus.IN_PROGRESS
    assert network.next_step is not None
    assert network.next_step.text == "Attend 3 industry conferences"
    assert any(e.goal == network.id for e in small.events)


def test_small_goals_are_mixed(small: Dataset) -> None:
    statuses = [g.status for g in small.goals]
    assert set(statuses) == set(GoalStatus)
    assert statuses.count(GoalStatus.DROPPED) == 1
    overdue = [
        g for g in small.goals if g.deadline and g.deadline < TODAY and not g.status.is_closed
    ]
    assert len(overdue) >= 2
    assert any(not g.steps for g in small.goals)
    assert any(g.checkins for g in small.goals)
    assert any(s.due for g in small.goals for s in g.steps)


def test_small_journal_has_follow_ups_due_and_done(small: Dataset) -> None:
    kinds = {f.kind for f in small.feedback}
    assert kinds == set(FeedbackKind)
    assert any(
        f.follow_up_on and f.follow_up_on < TODAY and not f.followed_up_on for f in small.feedback
    )
    assert any(f.followed_up_on and f.follow_up_note for f in small.feedback)
    assert sum(1 for f in small.feedback if f.contact) >= 20
    assert any(f.goal for f in small.feedback)
    assert {"1:1", "review", "presentation"} <= {t for f in small.feedback for t in f.tags}
    assert all(
        f.situation and f.behavior and f.impact for f in small.feedback if f.kind != "request"
    )


def test_small_assessment_has_a_manager_and_a_peer_rating(small: Dataset) -> None:
    rated = [a for a in small.assessments if a.raters]
    assert len(rated) == 1
    assert rated[0].status is AssessmentStatus.COMPLETE
    assert [r.relationship for r in rated[0].raters] == [Relationship.MANAGER, Relationship.PEER]
    names = {c.name for c in small.contacts}
    assert {r.name for r in rated[0].raters} <= names


def test_small_network_is_varied(small: Dataset) -> None:
    names = [c.name for c in small.contacts]
    assert len(names) == len(set(names))
    assert {"Zoë Müller", "José Álvarez", "Nguyễn Văn An", "李娜"} <= set(names)
    assert sum(1 for n in names if not n.isascii()) <= 8
    assert sum(1 for c in small.contacts if c.email) >= 0.7 * len(names)
    tags = {t for c in small.contacts for t in c.tags}
    assert {"mentor", "recruiter", "former colleague"} <= tags
    cadences = {c.reconnect_every_days for c in small.contacts}
    assert cadences == {None, 14, 30, 90, 182}
    assert any(c.met_on for c in small.contacts)
    assert any(c.met_on is None for c in small.contacts)
    talks = [t for c in small.contacts for t in c.interactions]
    assert sum(1 for t in talks if t.kind == "informational_interview") >= 3
    assert any(t.event for t in talks)
    assert any(t.follow_up_on for t in talks)
    assert all(c.email.isascii() and c.linkedin_url.isascii() for c in small.contacts)


def test_demo_does_not_import_qt() -> None:
    code = "import sys, ontrack.demo; sys.exit('PySide6' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
