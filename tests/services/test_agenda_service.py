"""The Overview's agenda on a temporary data file: which records need attention, which do
not, this month's numbers, the assessment nudge and the first-run check."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from ontrack.domain.agenda import SHOWN_PER_KIND, AttentionKind
from ontrack.domain.clock import FixedClock
from ontrack.domain.dates import add_months as months_later
from ontrack.domain.enums import AssessmentStatus, GoalStatus
from ontrack.domain.goals import Goal
from ontrack.domain.profile import Profile
from ontrack.services.assessments import AssessmentService
from ontrack.services.goals import GoalService
from ontrack.services.registry import Services
from ontrack.storage.database import open_data_file
from tests.agenda_data import TODAY, agenda_dataset, days

K = AttentionKind


@pytest.fixture
def services(data_path: Path, clock: FixedClock) -> Iterator[Services]:
    with open_data_file(data_path) as data:
        yield Services.create(data, clock)


@pytest.fixture
def filled(services: Services) -> Services:
    services.transfer.import_dataset(agenda_dataset())
    return services


def ids(services: Services, kind: AttentionKind) -> list[str]:
    agenda = services.agenda.attention()
    return [
        item.record_id + ("/" + item.title if kind is K.STEP_DUE else "")
        for group in agenda.groups
        if group.kind is kind
        for item in group.items
    ]


def test_each_kind_lists_exactly_what_needs_attention(filled: Services) -> None:
    assert ids(filled, K.GOAL_OVERDUE) == ["g-overdue"]
    # Due within the week (soonest first), then past their date (latest first); never
    # done, never next month.
    assert ids(filled, K.STEP_DUE) == ["g-steps/Step due Friday", "g-steps/Step past due"]
    assert ids(filled, K.FOLLOW_UP_DUE) == ["f-due"]
    assert ids(filled, K.REQUEST_OPEN) == ["f-request"]
    assert ids(filled, K.RECONNECT_DUE) == ["c-due"]
    # A later interaction settles an earlier follow-up.
    assert ids(filled, K.INTERACTION_FOLLOW_UP) == ["c-follow"]
    assert ids(filled, K.EVENT_SOON) == ["e-soon"]


def test_an_item_carries_its_date_and_context(filled: Services) -> None:
    agenda = filled.agenda.attention()
    step = next(g for g in agenda.groups if g.kind is K.STEP_DUE).items[0]
    assert (step.on, step.context) == (days(3), "Goal with steps")
    contact = next(g for g in agenda.groups if g.kind is K.RECONNECT_DUE).items[0]
    assert (contact.on, contact.context) == (days(-15), "Acme")
    event = next(g for g in agenda.groups if g.kind is K.EVENT_SOON).items[0]
    assert (event.on, event.context) == (days(12), "Lisbon")


def test_an_overdue_goal_is_listed_once_even_when_at_risk(filled: Services) -> None:
    service = GoalService(filled.context)
    service.set_status("g-overdue", GoalStatus.AT_RISK)
    service.set_status("g-steps", GoalStatus.AT_RISK)
    assert ids(filled, K.GOAL_OVERDUE) == ["g-overdue"]
    assert ids(filled, K.GOAL_AT_RISK) == ["g-steps"]


def test_time_alone_moves_a_goal_into_view(services: Services) -> None:
    # Stored as on track; by today its deadline has passed. The agenda settles it first.
    services.transfer.import_dataset(
        replace(agenda_dataset(), goals=(Goal("g", "Ship it", deadline=days(-1)),))
    )
    assert "g" in ids(services, K.GOAL_OVERDUE)


def test_counts_go_beyond_the_items_listed(services: Services) -> None:
    many = tuple(Goal(f"g{n:02}", f"Goal {n}", deadline=days(-n - 1)) for n in range(12))
    services.transfer.import_dataset(replace(agenda_dataset(), goals=many))
    agenda = services.agenda.attention()
    group = next(g for g in agenda.groups if g.kind is K.GOAL_OVERDUE)
    assert group.total == 12
    assert len(group.items) == SHOWN_PER_KIND
    assert [i.title for i in group.items] == [f"Goal {n}" for n in range(5)]  # latest first
    assert agenda.count(K.GOAL_OVERDUE) == 12
    assert agenda.headline().startswith("12 goals overdue")


def test_the_headline_names_what_is_due_not_what_is_coming(filled: Services) -> None:
    headline = filled.agenda.attention().headline()
    assert headline == (
        "1 goal overdue · 2 action steps due · 1 feedback follow-up due · "
        "1 person to reconnect with · 1 conversation to follow up"
    )
    assert filled.agenda.attention().total == 8


def test_nothing_due_is_an_empty_agenda(services: Services) -> None:
    services.profile.update(Profile("Sam", "", ""))
    agenda = services.agenda.attention()
    assert agenda.groups == ()
    assert agenda.headline() == ""
    assert agenda.total == 0


def test_this_month_counts_steps_feedback_and_people(filled: Services) -> None:
    month = filled.agenda.month()
    assert month.first_day == date(2026, 11, 1)
    assert (month.steps_done, month.feedback_recorded, month.people_met) == (1, 1, 3)


def test_a_file_is_empty_until_something_is_recorded(services: Services) -> None:
    assert services.agenda.is_empty()
    services.profile.update(Profile("Sam", "Engineer", ""))
    assert services.agenda.is_empty()  # a name alone is not a start
    services.transfer.import_dataset(
        replace(
            agenda_dataset(), goals=(), feedback=(), contacts=(), events=agenda_dataset().events
        )
    )
    assert not services.agenda.is_empty()


def test_the_assessment_nudge(services: Services, clock: FixedClock) -> None:
    snapshot = services.agenda.assessment_snapshot()
    assert snapshot.assessment is None
    assert "Take the assessment" in snapshot.nudge

    assessments = AssessmentService(services.context)
    draft = assessments.start("Engineer", "Manager")
    assert "in progress" in services.agenda.assessment_snapshot().nudge
    for statement in assessments.content.statements:
        assessments.rate(draft.id, statement.id, 4)
    assessments.set_status(draft.id, AssessmentStatus.COMPLETE)
    snapshot = services.agenda.assessment_snapshot()
    assert snapshot.assessment is not None
    assert snapshot.nudge == ""
    assert snapshot.strength is not None or snapshot.opportunity is not None

    later = Services.create(services.context.data, FixedClock.on(months_later(TODAY, 3)))
    assert later.agenda.assessment_snapshot().nudge == ""  # exactly three months: not yet
    much_later = Services.create(
        services.context.data, FixedClock.on(months_later(TODAY, 3).replace(day=25))
    )
    assert "more than three months" in much_later.agenda.assessment_snapshot().nudge


def test_months_later_clips_to_the_month_end() -> None:
    assert months_later(date(2026, 11, 30), 3) == date(2027, 2, 28)
    assert months_later(date(2027, 11, 30), 3) == date(2028, 2, 29)
    assert months_later(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert months_later(date(9999, 11, 1), 3) == date.max
