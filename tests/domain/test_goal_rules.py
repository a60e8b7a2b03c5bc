"""Goal rules with an injected day: progress from steps, suggested status, SMART gaps."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from ontrack.domain import goal_rules
from ontrack.domain.enums import Factor, GoalStatus
from ontrack.domain.goals import CheckIn, Goal, Step

TODAY = date(2026, 11, 24)
# A year-long goal, half of its time gone on TODAY.
YEAR = Goal("g", "Obtain a cloud certification", created_on=date(2026, 5, 26),
            deadline=date(2027, 5, 25))  # fmt: skip


def steps(done: int, total: int) -> tuple[Step, ...]:
    return tuple(Step(f"s{i}", f"step {i}", done=i < done) for i in range(total))


def test_progress_comes_from_steps_when_there_are_any() -> None:
    assert goal_rules.progress_from_steps(()) is None
    assert goal_rules.progress_from_steps(steps(1, 3)) == 33
    assert goal_rules.progress_from_steps(steps(2, 3)) == 67
    assert goal_rules.progress_from_steps(steps(5, 5)) == 100


def test_settle_derives_progress_from_steps_but_keeps_hand_progress_without_steps() -> None:
    with_steps = replace(YEAR, progress=90, steps=steps(1, 4))
    assert goal_rules.settle(with_steps, TODAY, False).progress == 25
    assert goal_rules.settle(replace(YEAR, progress=40), TODAY, False).progress == 40


def test_suggested_status_follows_progress_time_and_deadline() -> None:
    suggest = goal_rules.suggest_status
    assert suggest(YEAR, date(2026, 6, 1)) is GoalStatus.NOT_STARTED
    assert suggest(YEAR, TODAY) is GoalStatus.AT_RISK  # half the time gone, nothing done
    assert suggest(replace(YEAR, progress=50), TODAY) is GoalStatus.ON_TRACK
    assert suggest(replace(YEAR, progress=35), TODAY) is GoalStatus.IN_PROGRESS
    # clearly behind pace: half the time gone, 10 % done
    assert suggest(replace(YEAR, progress=10), TODAY) is GoalStatus.AT_RISK
    assert suggest(replace(YEAR, progress=100), TODAY) is GoalStatus.DONE
    overdue = replace(YEAR, progress=95, deadline=date(2026, 11, 23))
    assert suggest(overdue, TODAY) is GoalStatus.AT_RISK
    # early on a slow start is not "at risk"
    assert suggest(YEAR, date(2026, 6, 20)) is GoalStatus.NOT_STARTED
    # a check-in counts as a start even at 0 %
    started = replace(YEAR, checkins=(CheckIn("c", TODAY, "Booked the course"),))
    assert suggest(started, date(2026, 6, 20)) is GoalStatus.ON_TRACK
    # no dates: no pace, just started or not
    assert suggest(Goal("x", "Read a book", progress=20), TODAY) is GoalStatus.IN_PROGRESS


def test_a_status_chosen_by_hand_stays_until_cleared() -> None:
    chosen = replace(YEAR, status=GoalStatus.ON_TRACK, progress=10)
    assert goal_rules.settle(chosen, TODAY, True).status is GoalStatus.ON_TRACK
    assert goal_rules.settle(chosen, TODAY, False).status is GoalStatus.AT_RISK


def test_done_records_the_day_and_reopening_clears_it() -> None:
    done = goal_rules.settle(replace(YEAR, steps=steps(3, 3)), TODAY, False)
    assert (done.status, done.completed_on) == (GoalStatus.DONE, TODAY)
    later = goal_rules.settle(done, date(2026, 12, 1), False)
    assert later.completed_on == TODAY
    reopened = goal_rules.settle(replace(done, steps=steps(2, 3)), TODAY, False)
    assert reopened.completed_on is None


def test_ticking_records_the_day_and_the_last_tick_completes() -> None:
    goal = replace(YEAR, steps=steps(1, 2))
    ticked = goal_rules.tick(goal, "s1", True, TODAY)
    assert ticked.steps[1].done_on == TODAY
    assert goal_rules.completes(goal, ticked)
    assert not goal_rules.completes(ticked, goal_rules.tick(ticked, "s0", True, TODAY))
    unticked = goal_rules.tick(ticked, "s1", False, TODAY)
    assert unticked.steps[1] == Step("s1", "step 1")
    three = replace(YEAR, steps=steps(0, 3))
    assert not goal_rules.completes(three, goal_rules.tick(three, "s0", True, TODAY))


def test_attention_says_why_in_words() -> None:
    overdue = replace(YEAR, deadline=date(2026, 11, 21))
    assert goal_rules.attention(overdue, TODAY) == "Overdue by 3 days"
    assert goal_rules.attention(replace(YEAR, deadline=date(2026, 11, 23)), TODAY) == (
        "Overdue by 1 day"
    )
    behind = replace(YEAR, progress=10)
    assert goal_rules.attention(behind, TODAY) == "Behind pace: 10 % done, 50 % of the time gone"
    assert goal_rules.attention(replace(YEAR, progress=50), TODAY) is None
    assert goal_rules.attention(replace(overdue, status=GoalStatus.DONE), TODAY) is None


def test_smart_gaps_name_what_is_missing() -> None:
    gaps = goal_rules.smart_gaps(Goal("g", "Network"))
    assert "No deadline yet." in gaps
    assert "How will you know it is done?" in gaps
    assert "Why does it matter to you?" in gaps
    complete = replace(
        YEAR, why="To lead cloud work", measure="Pass the exam", factor=Factor.VISION,
        steps=steps(0, 1),
    )  # fmt: skip
    assert goal_rules.smart_gaps(complete) == ()
