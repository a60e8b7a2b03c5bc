"""The weekly review's read on a temporary data file: quiet goals, follow-ups due and the
contacts to reach out to, in the review's order, with totals and limits."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from ontrack.domain.clock import FixedClock
from ontrack.domain.dataset import Dataset
from ontrack.domain.enums import FeedbackKind, GoalStatus, InteractionKind
from ontrack.domain.goals import CheckIn, Goal
from ontrack.domain.journal import Feedback
from ontrack.domain.network import Contact, Interaction
from ontrack.domain.weekly_review import MAX_GOALS, FollowUpKind
from ontrack.services.context import ServiceContext
from ontrack.services.notifier import ChangeNotifier
from ontrack.services.weekly_review import WeeklyReviewService
from ontrack.storage.connection import DataFile
from ontrack.storage.database import open_data_file
from ontrack.storage.dataset_write import merge_dataset

TODAY = date(2026, 11, 24)


def ago(days: int) -> date:
    return TODAY - timedelta(days=days)


@pytest.fixture
def data(data_path: Path) -> Iterator[DataFile]:
    with open_data_file(data_path) as data:
        yield data


@pytest.fixture
def service(data: DataFile, clock: FixedClock) -> WeeklyReviewService:
    return WeeklyReviewService(ServiceContext(data, clock, ChangeNotifier()))


GOALS = (
    Goal("recent", "Checked in yesterday", status=GoalStatus.IN_PROGRESS, created_on=ago(90),
         checkins=(CheckIn("c1", ago(1), "fine"),)),
    Goal("quiet", "Quiet since September", status=GoalStatus.IN_PROGRESS, created_on=ago(200),
         checkins=(CheckIn("c2", ago(90), "older"), CheckIn("c3", ago(60), "first"),
                   CheckIn("c4", ago(60), "latest of the day"))),
    Goal("never", "Never checked in", created_on=ago(30)),
    Goal("new", "Set this week", created_on=ago(3)),
    Goal("done", "Done long ago", status=GoalStatus.DONE, progress=100, created_on=ago(300)),
    Goal("dropped", "Dropped", status=GoalStatus.DROPPED, created_on=ago(300)),
)  # fmt: skip
FEEDBACK = (
    Feedback("due", ago(40), source_name="Mina", text="\nShare drafts early\nmore",
             action_plan="Show a draft on Fridays", follow_up_on=ago(2)),
    Feedback("later", ago(40), source_name="Omar", follow_up_on=TODAY + timedelta(days=3)),
    Feedback("settled", ago(40), source_name="Pia", follow_up_on=ago(20),
             followed_up_on=ago(10)),
    Feedback("request", ago(10), kind=FeedbackKind.REQUEST, source_name="Quinn",
             follow_up_on=ago(1)),
)  # fmt: skip
CONTACTS = (
    # Both due since the same day: the tie goes by name.
    Contact("bo", "Bo", company="Acme", reconnect_every_days=30,
            interactions=(Interaction("i1", ago(40), InteractionKind.CALL),)),
    Contact("ana", "Ana", company="Acme", reconnect_every_days=30,
            interactions=(Interaction("i2", ago(40), InteractionKind.COFFEE),)),
    Contact("most", "Zed", reconnect_every_days=14,
            interactions=(Interaction("i3", ago(100), InteractionKind.EMAIL,
                                      notes="Send the slides", follow_up_on=ago(5)),)),
    Contact("fine", "Fine", reconnect_every_days=90,
            interactions=(Interaction("i4", ago(10), InteractionKind.CALL,
                                      follow_up_on=ago(20)),
                          Interaction("i5", ago(5), InteractionKind.CALL))),  # settled
    Contact("none", "No cadence"),
)  # fmt: skip


def test_the_review_holds_what_is_due_in_its_order(
    data: DataFile, service: WeeklyReviewService
) -> None:
    merge_dataset(data, Dataset(goals=GOALS, feedback=FEEDBACK, contacts=CONTACTS))
    review = service.review()
    assert review.today == TODAY
    # Quietest first: the September check-in, then the goal set 30 days ago.
    assert [g.id for g in review.goals] == ["quiet", "never"]
    assert review.goals_total == 2
    quiet = review.goals[0]
    assert quiet.last_check_in == ago(60)
    assert quiet.last_note == "latest of the day"
    assert review.goals[1].last_check_in is None

    # Zed's conversation is due since 5 days ago, Mina's feedback since 2 days ago.
    assert [(f.kind, f.record_id) for f in review.follow_ups] == [
        (FollowUpKind.CONVERSATION, "most"),
        (FollowUpKind.FEEDBACK, "due"),
    ]
    assert review.follow_ups_total == 2
    conversation, feedback = review.follow_ups
    assert conversation.about == "Send the slides"
    assert feedback.who == "Mina"
    assert feedback.about == "Share drafts early"
    assert feedback.plan == "Show a draft on Fridays"

    # Most overdue first (Zed: due 86 days ago), then Ana before Bo on the same day.
    assert [c.id for c in review.contacts] == ["most", "ana", "bo"]
    assert review.contacts_total == 3
    assert review.contacts[1].next_reconnect == ago(10)
    assert review.contacts[1].company == "Acme"
    assert review.headline() == (
        "2 goals without a check-in for a week · 2 follow-ups due · a contact to reach out to"
    )


def test_an_empty_file_has_nothing_to_review(service: WeeklyReviewService) -> None:
    review = service.review()
    assert review.is_empty
    assert (review.goals_total, review.follow_ups_total, review.contacts_total) == (0, 0, 0)


def test_the_review_walks_through_at_most_a_few_goals(
    data: DataFile, service: WeeklyReviewService
) -> None:
    goals = tuple(Goal(f"g{n:02}", f"Goal {n}", created_on=ago(100 - n)) for n in range(25))
    merge_dataset(data, Dataset(goals=goals))
    review = service.review()
    assert review.goals_total == 25
    assert [g.id for g in review.goals] == [f"g{n:02}" for n in range(MAX_GOALS)]
    assert "the 10 quietest goals" in review.limits_note()
