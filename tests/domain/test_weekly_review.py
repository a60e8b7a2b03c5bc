"""The weekly review's rules: which goals are quiet, how the review's counts and results read."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from ontrack.domain.enums import GoalStatus
from ontrack.domain.weekly_review import (
    QUIET_DAYS,
    FollowUp,
    FollowUpKind,
    QuietGoal,
    ReachOut,
    Tally,
    WeeklyReview,
    needs_check_in,
    quiet_since,
    since_text,
)

TODAY = date(2026, 11, 24)
WEEK_AGO = TODAY - timedelta(days=QUIET_DAYS)
S = GoalStatus


@pytest.mark.parametrize(
    ("status", "created_on", "last", "expected"),
    [
        (S.IN_PROGRESS, date(2026, 1, 1), WEEK_AGO, True),  # exactly a week: due again
        (S.IN_PROGRESS, date(2026, 1, 1), WEEK_AGO + timedelta(days=1), False),  # six days
        (S.IN_PROGRESS, date(2026, 1, 1), date(2026, 3, 1), True),
        (S.AT_RISK, date(2026, 1, 1), TODAY, False),  # checked in today
        (S.NOT_STARTED, WEEK_AGO, None, True),  # set a week ago, never checked in
        (S.NOT_STARTED, WEEK_AGO + timedelta(days=1), None, False),  # set this week
        (S.NOT_STARTED, None, None, True),  # start unknown: it has been around
        (S.ON_TRACK, TODAY, None, False),
        (S.DONE, date(2026, 1, 1), None, False),  # closed goals never come up
        (S.DROPPED, date(2026, 1, 1), date(2026, 2, 1), False),
    ],
)
def test_needs_check_in(
    status: GoalStatus, created_on: date | None, last: date | None, expected: bool
) -> None:
    assert needs_check_in(status, created_on, last, TODAY) is expected


def test_the_latest_check_in_counts_before_the_start_date() -> None:
    # An old goal checked in yesterday is not quiet, however long ago it was set.
    assert not needs_check_in(S.IN_PROGRESS, date(2020, 1, 1), TODAY - timedelta(1), TODAY)
    assert quiet_since(date(2020, 1, 1), date(2026, 5, 1)) == date(2026, 5, 1)
    assert quiet_since(date(2020, 1, 1), None) == date(2020, 1, 1)
    assert quiet_since(None, None) == date.min  # unknown: quietest of all


def goal(n: int) -> QuietGoal:
    return QuietGoal(f"g{n}", f"Goal {n}", None, S.IN_PROGRESS, 0, None, 0, 0, None)


def test_headline_counts_each_kind_and_says_nothing_when_empty() -> None:
    follow_up = FollowUp(FollowUpKind.FEEDBACK, "f", "Ana", TODAY)
    contact = ReachOut("c", "Ana", "", "", None, date.min)
    review = WeeklyReview(
        TODAY, (goal(1), goal(2), goal(3)), 3, (follow_up,) * 2, 2, (contact,), 40
    )
    assert review.headline() == (
        "3 goals without a check-in for a week · 2 follow-ups due · a contact to reach out to"
    )
    assert not review.is_empty
    assert review.limits_note() == ""
    single = WeeklyReview(TODAY, (goal(1),), 1)
    assert single.headline() == "1 goal without a check-in for a week"
    empty = WeeklyReview(TODAY)
    assert empty.is_empty
    assert empty.headline() == ""


def test_limits_note_names_what_waits_for_another_week() -> None:
    review = WeeklyReview(TODAY, (goal(1), goal(2)), 2_500, (), 0)
    assert review.headline().startswith("2,500 goals")
    assert (
        review.limits_note()
        == "To keep it to five minutes, this review takes the 2 quietest goals."
    )


def test_tally_summary() -> None:
    assert (
        Tally(2, 1, ("Ana",)).summary()
        == "2 check-ins saved, 1 follow-up done, reached out to Ana."
    )
    assert Tally(0, 0, ("Ana", "Bo", "Cy")).summary() == "Reached out to Ana, Bo and Cy."
    assert Tally(1).summary() == "1 check-in saved."
    assert Tally().summary().startswith("Nothing recorded")


@pytest.mark.parametrize(
    ("days", "text"),
    [(0, "today"), (1, "yesterday"), (9, "9 days ago"), (20, "2 weeks ago"),
     (100, "3 months ago"), (400, "over a year ago"), (800, "over 2 years ago"),
     (-3, "in the future")],
)  # fmt: skip
def test_since_text(days: int, text: str) -> None:
    assert since_text(TODAY - timedelta(days=days), TODAY) == text


def test_since_text_without_a_date() -> None:
    assert since_text(None, TODAY) == "never"
    assert since_text(date.min, TODAY) == "never"
