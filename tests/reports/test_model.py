"""The report model, without a PDF: what counts as in the period, how lists are grouped,
sorted and capped, and what each section holds for small, large and empty data."""

from __future__ import annotations

from datetime import date, timedelta

from ontrack.demo import generate
from ontrack.domain.assessment import Answer, Assessment, Rater, Reflections
from ontrack.domain.dataset import Dataset, Profile
from ontrack.domain.enums import (
    AssessmentStatus,
    Factor,
    FeedbackKind,
    GoalStatus,
    InteractionKind,
    Relationship,
)
from ontrack.domain.goals import CheckIn, Goal, Step
from ontrack.domain.journal import Feedback
from ontrack.domain.network import Contact, Event, Interaction
from ontrack.domain.report_options import ReportOptions, Section
from ontrack.domain.report_period import Period
from ontrack.reports.gather import gather
from ontrack.reports.gather_due import STALE_DAYS
from ontrack.reports.gather_network import bins
from ontrack.reports.model import cap, cap_map

from . import content

TODAY = date(2026, 11, 24)
YEAR = Period(date(2025, 11, 25), TODAY)


def days_ago(n: int) -> date:
    return TODAY - timedelta(days=n)


def report(dataset: Dataset, period: Period | None = YEAR, **options: object):  # type: ignore[no-untyped-def]
    return gather(dataset, content(), ReportOptions(period=period, **options), TODAY)  # type: ignore[arg-type]


def test_caps_keep_the_first_items_and_count_the_rest() -> None:
    capped = cap(list(range(10)), 3)
    assert (capped.items, capped.total, capped.more) == ((0, 1, 2), 10, 7)
    assert not cap([], 3)
    mapped = cap_map(list(range(5)), 2, str)
    assert (mapped.items, mapped.more) == (("0", "1"), 3)


def test_goals_in_and_out_of_the_period() -> None:
    goals = (
        Goal("done-in", "Done lately", status=GoalStatus.DONE, completed_on=days_ago(10)),
        Goal("done-old", "Done long ago", status=GoalStatus.DONE, completed_on=days_ago(800)),
        Goal("risk", "At risk", status=GoalStatus.AT_RISK, deadline=days_ago(-20)),
        Goal("late", "Overdue", status=GoalStatus.IN_PROGRESS, deadline=days_ago(5)),
        Goal("ok", "On track", status=GoalStatus.ON_TRACK, deadline=days_ago(-90)),
        Goal("later", "Made after the period", created_on=days_ago(-1)),
        Goal("dropped", "Dropped", status=GoalStatus.DROPPED),
    )
    data = report(Dataset(goals=goals))
    assert data.glance is not None
    assert data.goals is not None
    assert (data.glance.goals_done, data.glance.goals_on_track, data.glance.goals_at_risk) == (
        1, 1, 1,
    )  # fmt: skip
    assert [g.title for g in data.goals.open_goals.items] == ["At risk", "Overdue", "On track"]
    assert [g.title for g in data.goals.completed.items] == ["Done lately"]
    assert [g.title for g in data.goals.at_risk.items] == ["At risk"]
    assert [d.text for d in data.goals.deadlines.items.items] == ["At risk", "Overdue"]
    assert data.goals.open_goals.items[1].overdue
    assert data.goals.open_goals.items[1].status == "Overdue"  # the word the window uses
    everything = report(Dataset(goals=goals), Period(None, TODAY))
    assert everything.goals is not None
    assert everything.goals.completed.total == 2


def test_steps_text_and_progress() -> None:
    goal = Goal(
        "g", "Steps", progress=140,
        steps=(Step("1", "first", done=True), Step("2", "second\nline"), Step("3", "third")),
    )  # fmt: skip
    data = report(Dataset(goals=(goal,)))
    assert data.goals is not None
    row = data.goals.open_goals.items[0]
    assert row.steps == "1 of 3 done\nNext: second line"
    assert row.progress == 100


def test_checkins_newest_first_and_capped() -> None:
    checkins = tuple(CheckIn(str(n), days_ago(n), f"note {n}", n) for n in range(0, 400, 10))
    data = report(Dataset(goals=(Goal("g", "G", checkins=checkins),)))
    assert data.goals is not None
    shown = data.goals.checkins
    assert [c.note for c in shown.items[:2]] == ["note 0", "note 10"]
    assert shown.total == 37  # 0..360 days ago are in the year
    assert shown.more == 37 - len(shown.items)


def _feedback(n: int, **fields: object) -> Feedback:
    return Feedback(id=f"f{n}", date=fields.pop("date", days_ago(n)), **fields)  # type: ignore[arg-type]


def test_feedback_is_grouped_by_its_first_factor() -> None:
    feedback = (
        _feedback(1, kind=FeedbackKind.PRAISE, factors=(Factor.IMAGE, Factor.PEOPLE), text="a"),
        _feedback(2, factors=(Factor.PEOPLE,), action_plan="do it"),
        _feedback(3, factors=(Factor.PEOPLE,)),
        _feedback(4, text="no factor"),
        _feedback(5, kind=FeedbackKind.REQUEST, factors=(Factor.PEOPLE,)),
        _feedback(900, factors=(Factor.PEOPLE,)),
    )
    data = report(Dataset(feedback=feedback))
    assert data.feedback is not None
    assert data.glance is not None
    assert data.feedback.received == data.glance.feedback_received == 4
    groups = {g.label: g for g in data.feedback.groups}
    people = groups[content().factor(Factor.PEOPLE).name]
    assert (people.praise, people.constructive, people.with_plan) == (0, 2, 1)
    assert groups[content().factor(Factor.IMAGE).name].praise == 1
    assert list(groups)[-1] == "Not linked to a factor"
    assert sum(g.items.total for g in data.feedback.groups) == 4
    assert data.feedback.requests_waiting == 1


def test_follow_ups_done_and_still_due() -> None:
    feedback = (
        _feedback(1, follow_up_on=days_ago(-10)),
        _feedback(2, follow_up_on=days_ago(3)),
        _feedback(3, follow_up_on=days_ago(30), followed_up_on=days_ago(20), follow_up_note="x"),
        _feedback(4, follow_up_on=days_ago(800), followed_up_on=days_ago(700)),
    )
    data = report(Dataset(feedback=feedback))
    assert data.feedback is not None
    assert data.glance is not None
    assert data.glance.feedback_followed_up == 1
    assert [f.note for f in data.feedback.followed_up.items] == ["x"]
    due = data.feedback.still_due.items.items
    assert [f.due for f in due] == [days_ago(-10), days_ago(3)]
    assert [f.overdue for f in due] == [False, True]


def test_network_counts_people_met_and_reconnected() -> None:
    old = Contact(
        "old",
        "Old friend",
        met_on=days_ago(900),
        reconnect_every_days=30,
        interactions=(Interaction("i1", days_ago(40), InteractionKind.COFFEE),),
    )
    new = Contact(
        "new",
        "New face",
        company="Acme",
        role="CTO",
        interactions=(
            Interaction(
                "i2",
                days_ago(10),
                InteractionKind.INFORMATIONAL_INTERVIEW,
                event="e1",
                notes="asked about hiring",
            ),
        ),
    )
    quiet = Contact(
        "quiet",
        "Quiet one",
        met_on=days_ago(2000),
        reconnect_every_days=10,
        interactions=(Interaction("i3", days_ago(1000)),),
    )
    events = (Event("e1", "Meetup", days_ago(10), "Leeds"), Event("e2", "Future", days_ago(-5)))
    data = report(Dataset(contacts=(old, new, quiet), events=events))
    assert data.glance is not None
    assert data.network is not None
    assert (data.glance.people_met, data.glance.people_reconnected) == (1, 1)
    assert data.glance.events_attended == 1  # the meetup; the future event is not yet
    network = data.network
    assert network.interactions == 2
    assert [c.name for c in network.new_contacts.items] == ["New face"]
    assert network.new_contacts.items[0].detail == "CTO, Acme"
    assert [(e.name, e.people) for e in network.events.items] == [("Meetup", 1)]
    assert [c.note for c in network.interviews.items] == ["asked about hiring"]
    # Old friend fell due 10 days ago; Quiet one 990 days ago, too long to list.
    assert [r.text for r in network.reconnect.items.items] == ["Old friend"]
    assert network.reconnect.items.items[0].overdue
    assert network.reconnect.stale == 1
    assert network.bin_unit == "month"
    assert sum(b.count for b in network.bins) == 2


def test_bins_widen_with_the_period() -> None:
    assert bins([], date(2026, 1, 5), date(2026, 12, 1))[0] == "month"
    unit, counted = bins(
        [date(2020, 2, 1), date(2020, 3, 31)], date(2020, 1, 1), date(2024, 12, 31)
    )
    assert unit == "quarter"
    assert len(counted) == 20
    assert (counted[0].label, counted[0].count) == ("Q1 20", 2)
    unit, counted = bins([date(2016, 5, 1)], date(2016, 1, 1), date(2026, 11, 24))
    assert unit == "year"
    assert [b.label for b in counted][:2] == ["2016", "2017"]
    assert len(counted) == 11


def test_next_30_days_lists_what_is_due_and_counts_the_stale() -> None:
    steps = (
        Step("s1", "soon", due=days_ago(-5)),
        Step("s2", "lately overdue", due=days_ago(10)),
        Step("s3", "ancient", due=days_ago(STALE_DAYS + 1)),
        Step("s4", "far away", due=days_ago(-31)),
        Step("s5", "done", done=True, due=days_ago(-1)),
    )
    goals = (
        Goal("g", "Goal", steps=steps, deadline=days_ago(-20)),
        Goal("closed", "Closed", status=GoalStatus.DONE, steps=(Step("x", "x", due=TODAY),)),
    )
    data = report(Dataset(goals=goals))
    assert data.next_30_days is not None
    groups = {g.title: g for g in data.next_30_days.groups}
    steps_group = groups["Action steps"]
    # What is coming first; the overdue after it.
    assert [t.text for t in steps_group.items.items] == ["soon", "lately overdue"]
    assert [t.overdue for t in steps_group.items.items] == [False, True]
    assert steps_group.stale == 1
    assert [t.text for t in groups["Goal deadlines"].items.items] == ["Goal"]


def _answers(rating: int) -> tuple[Answer, ...]:
    return tuple(Answer(s.id, rating) for s in content().statements)


def test_assessment_uses_the_latest_complete_one_and_compares_with_the_one_before() -> None:
    first = Assessment("a1", days_ago(300), AssessmentStatus.COMPLETE, answers=_answers(3))
    second = Assessment(
        "a2", days_ago(100), AssessmentStatus.COMPLETE, current_role="Engineer",
        target_role="Lead", answers=_answers(3)[:20] + _answers(5)[20:],
        reflections=Reflections(notes="x" * 100_000),
        raters=(Rater("Kim", Relationship.MANAGER, answers=_answers(1)),),
    )  # fmt: skip
    draft = Assessment("a3", days_ago(5), AssessmentStatus.DRAFT, answers=_answers(1))
    data = report(Dataset(assessments=(second, draft, first)))
    part = data.assessment
    assert part is not None
    assert data.glance is not None
    assert (part.taken_on, part.previous_on) == (days_ago(100), days_ago(300))
    assert part.transition == "Engineer → Lead"
    assert len(part.rows) == 8
    assert all(r.previous == 50 for r in part.rows)
    assert part.raters == 1
    assert len(part.perception) == 8
    assert data.assessment_drafts == 1
    assert data.glance.assessed_on == days_ago(100)
    (notes,) = part.reflections
    assert len(notes.answer) < 2_000
    assert notes.answer.endswith("… (continued in OnTrack)")
    # Before the first one was completed there is nothing to show.
    earlier = report(Dataset(assessments=(first,)), Period(None, days_ago(400)))
    assert earlier.assessment is None


def test_an_empty_dataset_gives_empty_parts_not_errors() -> None:
    data = report(Dataset(), Period(None, TODAY))
    assert data.sections == tuple(Section)
    assert data.assessment is None
    assert data.goals is not None
    assert not data.goals.open_goals
    assert data.feedback is not None
    assert data.feedback.received == 0
    assert data.network is not None
    assert data.network.interactions == 0
    assert data.next_30_days is not None
    assert data.next_30_days.total == 0
    assert data.cover.name == ""


def test_only_the_sections_asked_for_are_gathered() -> None:
    data = report(Dataset(profile=Profile("Dana")), sections=frozenset({Section.GOALS}))
    assert data.sections == (Section.GOALS,)
    assert data.glance is None
    assert data.network is None
    assert data.goals is not None


def test_large_data_stays_a_readable_summary(large_dataset: Dataset) -> None:
    for period in (YEAR, Period(None, TODAY)):
        data = report(large_dataset, period)
        assert data.goals is not None
        assert data.feedback is not None
        assert data.network is not None
        assert data.next_30_days is not None
        assert len(data.goals.open_goals.items) <= 25 < data.goals.open_goals.total
        assert all(len(g.items.items) <= 3 for g in data.feedback.groups)
        assert len(data.network.bins) <= 24
        assert all(len(g.items.items) <= 12 for g in data.next_30_days.groups)
    everything = report(large_dataset, Period(None, TODAY))
    assert everything.network is not None
    assert everything.network.interactions == 50_000
    assert everything.network.bin_unit == "year"


def test_small_demo_data_fills_every_section() -> None:
    data = report(generate("small", 1, TODAY))
    assert data.cover.name
    assert data.assessment is not None
    assert data.goals is not None
    assert data.goals.open_goals
    assert data.goals.checkins
    assert data.feedback is not None
    assert data.feedback.received
    assert data.network is not None
    assert data.network.interactions
    assert data.next_30_days is not None
    assert data.next_30_days.total
