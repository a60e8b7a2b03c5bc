"""Calendar items: which records give one, on which day, with which UID and words."""

from __future__ import annotations

from datetime import date

from ontrack.domain.calendar import (
    CalendarItem,
    CalendarKind,
    calendar_items,
    make_uid,
    one_line,
    open_follow_up_interaction,
)
from ontrack.domain.dataset import Dataset
from ontrack.domain.enums import FeedbackKind, GoalStatus
from ontrack.domain.goals import Goal, Step
from ontrack.domain.journal import Feedback
from ontrack.domain.network import Contact, Interaction

TODAY = date(2026, 11, 24)


def _kinds(items: list[CalendarItem]) -> list[tuple[CalendarKind, str]]:
    return [(item.kind, item.uid) for item in items]


def test_open_goals_give_their_deadline_and_open_steps_theirs() -> None:
    goal = Goal(
        "g1",
        "Lead the platform team",
        why="So that I grow",
        deadline=date(2027, 3, 1),
        status=GoalStatus.ON_TRACK,
        steps=(
            Step("s1", "Ask for the budget", due=date(2026, 12, 1)),
            Step("s2", "Done already", done=True, due=date(2026, 11, 1)),
            Step("s3", "No date"),
        ),
    )
    items = calendar_items(Dataset(goals=(goal,)), TODAY)
    assert [(i.kind, i.day, i.record_id) for i in items] == [
        (CalendarKind.STEP_DUE, date(2026, 12, 1), "g1"),
        (CalendarKind.GOAL_DEADLINE, date(2027, 3, 1), "g1"),
    ]
    step, deadline = items
    assert step.summary == "Step due: Ask for the budget (goal Lead the platform team)"
    assert step.uid == "step/g1/s1@ontrack.local"
    assert deadline.summary == "Goal deadline: Lead the platform team"
    assert deadline.uid == "goal/g1@ontrack.local"
    assert "So that I grow" in deadline.description


def test_closed_goals_give_nothing_not_even_their_open_steps() -> None:
    steps = (Step("s1", "Open step", due=date(2026, 12, 1)),)
    goals = tuple(
        Goal(f"g-{status}", "t", deadline=date(2027, 1, 1), status=status, steps=steps)
        for status in (GoalStatus.DONE, GoalStatus.DROPPED)
    )
    assert calendar_items(Dataset(goals=goals), TODAY) == []


def test_feedback_follow_ups_only_while_not_followed_up() -> None:
    feedback = (
        Feedback(
            "f1",
            date(2026, 11, 1),
            source_name="Maya",
            text="\nClear talk\nmore",
            action_plan="Shorter slides",
            follow_up_on=date(2026, 12, 5),
        ),
        Feedback("f2", date(2026, 11, 1), follow_up_on=date(2026, 12, 5), followed_up_on=TODAY),
        Feedback("f3", date(2026, 11, 1)),
        Feedback("f4", date(2026, 11, 2), kind=FeedbackKind.REQUEST, follow_up_on=TODAY),
    )
    items = calendar_items(Dataset(feedback=feedback), TODAY)
    assert [(i.uid, i.day, i.summary) for i in items] == [
        ("feedback/f4@ontrack.local", TODAY, "Follow up on feedback asked"),
        ("feedback/f1@ontrack.local", date(2026, 12, 5), "Follow up on feedback from Maya"),
    ]
    assert items[1].description == "Clear talk\n\nWhat I will do: Shorter slides"


def test_reconnect_counts_from_the_last_interaction_else_from_met_on() -> None:
    contacts = (
        Contact(
            "c1",
            "Ana",
            reconnect_every_days=30,
            met_on=date(2020, 1, 1),
            interactions=(Interaction("i1", date(2026, 11, 1)),),
        ),
        Contact("c2", "Ben", reconnect_every_days=14, met_on=date(2026, 11, 20)),
        Contact("c3", "Cy", reconnect_every_days=14),  # nothing to count from: due now
        Contact("c4", "Di", met_on=date(2026, 1, 1)),  # no cadence: no reminder
    )
    items = calendar_items(Dataset(contacts=contacts), TODAY)
    assert [(i.record_id, i.day, i.summary) for i in items] == [
        ("c3", TODAY, "Reconnect with Cy"),
        ("c1", date(2026, 12, 1), "Reconnect with Ana"),
        ("c2", date(2026, 12, 4), "Reconnect with Ben"),
    ]
    assert all(i.kind is CalendarKind.RECONNECT for i in items)
    assert items[1].uid == "reconnect/c1@ontrack.local"


def test_a_logged_interaction_moves_the_reconnect_but_keeps_its_uid() -> None:
    before = Contact("c1", "Ana", reconnect_every_days=30, met_on=date(2026, 1, 1))
    after = Contact("c1", "Ana", reconnect_every_days=30, interactions=(Interaction("i", TODAY),))
    (first,) = calendar_items(Dataset(contacts=(before,)), TODAY)
    (second,) = calendar_items(Dataset(contacts=(after,)), TODAY)
    assert first.uid == second.uid
    assert (first.day, second.day) == (date(2026, 1, 31), date(2026, 12, 24))


def test_the_follow_up_owed_is_on_the_latest_day_earliest_first_whatever_today() -> None:
    contact = Contact(
        "c1",
        "Ana",
        interactions=(
            Interaction("old", date(2026, 10, 1), follow_up_on=date(2026, 10, 5)),
            Interaction("a", date(2026, 11, 1), follow_up_on=date(2027, 2, 1), notes="Call"),
            Interaction("b", date(2026, 11, 1), follow_up_on=date(2027, 1, 1), notes="Mail"),
            Interaction("c", date(2026, 11, 1)),
        ),
    )
    owed = open_follow_up_interaction(contact)
    assert owed is not None
    assert owed.id == "b"
    (item,) = calendar_items(Dataset(contacts=(contact,)), TODAY)
    assert (item.kind, item.uid, item.day) == (
        CalendarKind.INTERACTION_FOLLOW_UP,
        "interaction/c1/b@ontrack.local",
        date(2027, 1, 1),
    )
    assert item.summary == "Follow up with Ana"
    assert "Mail" in item.description


def test_a_later_interaction_settles_the_follow_up() -> None:
    contact = Contact(
        "c1",
        "Ana",
        interactions=(
            Interaction("a", date(2026, 10, 1), follow_up_on=date(2026, 10, 5)),
            Interaction("b", date(2026, 11, 1)),
        ),
    )
    assert open_follow_up_interaction(contact) is None
    assert calendar_items(Dataset(contacts=(contact,)), TODAY) == []


def test_uids_are_made_of_ids_only_and_ids_cannot_collide() -> None:
    # '/' and '@' inside ids are encoded: goal "a/b" + step "c" is not goal "a" + step "b/c".
    assert make_uid(CalendarKind.STEP_DUE, "a/b", "c") != make_uid(
        CalendarKind.STEP_DUE, "a", "b/c"
    )
    assert make_uid(CalendarKind.GOAL_DEADLINE, "x@y z") == "goal/x%40y%20z@ontrack.local"
    assert make_uid(CalendarKind.GOAL_DEADLINE, "g") != make_uid(CalendarKind.RECONNECT, "g")


def test_the_same_data_gives_the_same_items_in_the_same_order() -> None:
    goals = tuple(Goal(f"g{n}", f"Goal {n}", deadline=date(2027, 1, 1 + n % 3)) for n in range(10))
    first = calendar_items(Dataset(goals=goals), TODAY)
    second = calendar_items(Dataset(goals=tuple(reversed(goals))), TODAY)
    assert first == second
    assert [i.day for i in first] == sorted(i.day for i in first)


def test_summaries_are_one_short_line_and_descriptions_keep_everything() -> None:
    long_title = "Become known " * 40
    goal = Goal("g", "\n\n" + long_title + "\nsecond line", deadline=TODAY)
    (item,) = calendar_items(Dataset(goals=(goal,)), TODAY)
    assert "\n" not in item.summary
    assert len(item.summary) <= len("Goal deadline: ") + 120
    assert item.summary.endswith("…")
    assert "second line" in item.description
    assert one_line("  \n a \n b") == "a"
    assert one_line("") == ""
