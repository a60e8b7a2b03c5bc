"""One truth for "due": every section lists its due items from the same place, with the same
window, as Next 30 days does, in the model and on the printed page."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from ontrack.demo import generate
from ontrack.domain.dataset import Dataset
from ontrack.domain.enums import FeedbackKind, GoalStatus, InteractionKind
from ontrack.domain.goals import Goal, Step
from ontrack.domain.journal import Feedback
from ontrack.domain.network import Contact, Interaction
from ontrack.reports import Period, ReportOptions, Section, build_report
from ontrack.reports.gather import gather
from ontrack.reports.gather_due import AHEAD_DAYS, DUE_LIMIT
from ontrack.reports.model import DueKind, DueList, ReportData

from . import content, flat, pdf_pages

TODAY = date(2026, 11, 24)
YEAR = Period(date(2025, 11, 25), TODAY)


def _report(dataset: Dataset, period: Period) -> ReportData:
    return gather(dataset, content(), ReportOptions(period=period), TODAY)


def section_lists(data: ReportData) -> dict[DueKind, DueList]:
    """The due lists each section holds, by kind, as the sections print them."""
    assert data.goals is not None
    assert data.feedback is not None
    assert data.network is not None
    return {
        DueKind.GOAL: data.goals.deadlines,
        DueKind.STEP: data.goals.steps,
        DueKind.FOLLOW_UP: data.feedback.still_due,
        DueKind.REQUEST: data.feedback.requests,
        DueKind.CONTACT_FOLLOW_UP: data.network.follow_ups,
        DueKind.RECONNECT: data.network.reconnect,
    }


def keys(due: DueList) -> list[str]:
    return [item.key for item in due.items.items]


@pytest.fixture(scope="module")
def small() -> Dataset:
    return generate("small", 1, TODAY)


@pytest.fixture
def large(large_dataset: Dataset) -> Dataset:
    return large_dataset  # generated once per session


@pytest.mark.parametrize(
    "period",
    [YEAR, Period(None, TODAY), Period(date(2025, 1, 1), date(2025, 12, 31))],
    ids=["year", "all time", "a past year"],
)
@pytest.mark.parametrize("size", ["small", "large"])
def test_every_section_lists_what_next_30_days_lists(
    size: str, period: Period, request: pytest.FixtureRequest
) -> None:
    data = _report(request.getfixturevalue(size), period)
    assert data.next_30_days is not None
    next_30 = {group.kind: group for group in data.next_30_days.groups}
    sections = section_lists(data)
    assert set(next_30) == set(sections) == set(DueKind)
    for kind in DueKind:
        assert keys(sections[kind]) == keys(next_30[kind]), kind
        assert sections[kind].items.total == next_30[kind].items.total
        assert sections[kind].stale == next_30[kind].stale
    if size == "large":
        assert any(len(group.items.items) == DUE_LIMIT for group in next_30.values())


def test_the_window_opens_on_the_reports_last_day_not_today(large: Dataset) -> None:
    end = date(2025, 12, 31)
    data = _report(large, Period(date(2025, 1, 1), end))
    assert data.next_30_days is not None
    assert data.next_30_days.until == end + timedelta(days=AHEAD_DAYS)
    listed = [i for g in data.next_30_days.groups for i in g.items.items if i.due is not None]
    assert listed
    oldest = end - timedelta(days=90)
    assert all(oldest <= item.due <= end + timedelta(days=AHEAD_DAYS) for item in listed)  # type: ignore[operator]
    assert all(item.overdue == (item.due < end) for item in listed)  # type: ignore[operator]


def test_upcoming_items_come_first_and_the_oldest_overdue_last(large: Dataset) -> None:
    data = _report(large, Period(None, TODAY))
    assert data.next_30_days is not None
    for group in data.next_30_days.groups:
        items = group.items.items
        flags = [item.overdue for item in items]
        assert flags == sorted(flags), group.title  # never an overdue item before a coming one
        coming = [i.due for i in items if not i.overdue and i.due is not None]
        late = [i.due for i in items if i.overdue]
        assert coming == sorted(coming)
        assert late == sorted(late, reverse=True)  # type: ignore[type-var]


def _mixed() -> Dataset:
    """One item of each kind in the window, and one of each just outside it."""
    soon, later, late = TODAY + timedelta(days=3), TODAY + timedelta(days=45), TODAY - timedelta(5)
    goals = (
        Goal("g1", "Ship the onboarding guide", deadline=soon,
             steps=(Step("s1", "Draft the outline", due=late), Step("s2", "Far step", due=later))),
        Goal("g2", "Far-off goal", deadline=later),
        Goal("g3", "Closed goal", status=GoalStatus.DONE, deadline=soon),
    )  # fmt: skip
    feedback = (
        Feedback("f1", TODAY - timedelta(20), source_name="Priya", follow_up_on=soon,
                 action_plan="Show Priya the revised plan"),
        Feedback("f2", TODAY - timedelta(20), kind=FeedbackKind.REQUEST, source_name="Tomasz",
                 text="How did the demo land?", follow_up_on=late),
        Feedback("f3", TODAY - timedelta(20), source_name="Far", follow_up_on=later,
                 action_plan="Not yet due plan"),
    )  # fmt: skip
    contacts = (
        Contact("c1", "Wanjiru Kamau", interactions=(
            Interaction("i1", TODAY - timedelta(9), InteractionKind.COFFEE,
                        notes="Send the article", follow_up_on=soon),)),
        Contact("c2", "Mateo Rossi", reconnect_every_days=30,
                interactions=(Interaction("i2", TODAY - timedelta(28)),)),
        Contact("c3", "Far Contact", reconnect_every_days=90,
                interactions=(Interaction("i3", TODAY - timedelta(10)),)),
    )  # fmt: skip
    return Dataset(goals=goals, feedback=feedback, contacts=contacts)


def _halves(pdf: bytes) -> tuple[str, str]:
    """The text of the sections before Next 30 days, and of Next 30 days."""
    pages = pdf_pages(pdf)[1:]  # not the cover, which names every section
    text = flat(" ".join(pages))
    start = text.index("Next 30 days Due from")
    return text[:start], text[start:]


@pytest.mark.parametrize("dataset", ["mixed", "small"])
def test_the_printed_report_agrees_with_itself(dataset: str, small: Dataset) -> None:
    data_set = _mixed() if dataset == "mixed" else small
    pdf = build_report(data_set, content(), ReportOptions(period=YEAR), TODAY)
    sections, next_30 = _halves(pdf)
    data = _report(data_set, YEAR)
    assert data.next_30_days is not None
    listed = [item for group in data.next_30_days.groups for item in group.items.items]
    assert len(listed) >= 6
    for item in listed:
        assert item.text in next_30, item
        assert item.text in sections, item
    if dataset == "mixed":
        for text in ("Show Priya the revised plan", "Ask Tomasz again", "Wanjiru Kamau",
                     "Mateo Rossi", "Draft the outline", "Ship the onboarding guide"):  # fmt: skip
            assert text in next_30
            assert text in sections
        for far in ("Far step", "Not yet due plan", "Far Contact", "Far-off goal"):
            assert far not in next_30


def test_a_report_without_next_30_days_lists_the_same_in_its_sections(small: Dataset) -> None:
    whole = _report(small, YEAR)
    options = ReportOptions(period=YEAR, sections=frozenset(Section) - {Section.NEXT_30_DAYS})
    part = gather(small, content(), options, TODAY)
    assert part.next_30_days is None
    for kind, due in section_lists(part).items():
        assert keys(due) == keys(section_lists(whole)[kind])


def test_the_contact_rules_are_the_apps(large: Dataset) -> None:
    """The report's one-pass reading of a contact gives what the app's rules give."""
    from ontrack.domain.calendar import open_follow_up_interaction
    from ontrack.domain.keep_in_touch import last_interaction
    from ontrack.reports.gather_due import _latest

    for contact in large.contacts[:3_000]:
        assert _latest(contact) == (
            last_interaction(contact),
            open_follow_up_interaction(contact),
        ), contact.id
