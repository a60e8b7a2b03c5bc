"""Small domain rules: cadence, summaries, labels, the clock."""

from __future__ import annotations

from datetime import UTC, date, datetime

from ontrack.domain.cadence import next_reconnect
from ontrack.domain.clock import FixedClock
from ontrack.domain.enums import Factor, GoalStatus, InteractionKind
from ontrack.domain.goals import Goal, Step
from ontrack.domain.journal import Feedback


def test_next_reconnect_is_last_interaction_plus_cadence() -> None:
    assert next_reconnect(date(2026, 1, 1), date(2020, 1, 1), 30) == date(2026, 1, 31)


def test_without_interactions_the_clock_starts_when_met() -> None:
    assert next_reconnect(None, date(2026, 3, 1), 14) == date(2026, 3, 15)


def test_without_any_date_it_is_due_now_and_without_cadence_never() -> None:
    assert next_reconnect(None, None, 14) == date.min
    assert next_reconnect(date(2026, 1, 1), None, None) is None


def test_next_reconnect_at_the_end_of_time_does_not_overflow() -> None:
    assert next_reconnect(date(9999, 12, 30), None, 90) == date.max


def test_goal_step_helpers() -> None:
    goal = Goal("g", "t", steps=(Step("1", "a", True), Step("2", "b"), Step("3", "c")))
    assert goal.steps_done == 1
    assert goal.next_step == Step("2", "b")


def test_feedback_first_line_skips_blank_lines() -> None:
    entry = Feedback("f", date(2026, 1, 1), text="\n\n  Great demo  \nsecond")
    assert entry.first_line == "Great demo"
    assert Feedback("f", date(2026, 1, 1), situation="In the retro").first_line == "In the retro"


def test_labels_read_well() -> None:
    assert GoalStatus.AT_RISK.label == "At risk"
    assert InteractionKind.INFORMATIONAL_INTERVIEW.label == "Informational interview"
    assert [f.value for f in Factor][:2] == ["people", "teamwork"]


def test_fixed_clock() -> None:
    clock = FixedClock(datetime(2026, 11, 24, 23, 30))
    assert clock.today() == date(2026, 11, 24)
    assert clock.now().tzinfo is UTC
