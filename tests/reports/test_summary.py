"""The one-page summary: one A4 or Letter page, as laid out (never shrunk to fit), with the
small demo, the large demo and hostile text; and what it says."""

from __future__ import annotations

import io
from datetime import date, timedelta

import pytest
from pypdf import PdfReader

from ontrack.demo import generate
from ontrack.domain.assessment import Answer, Assessment
from ontrack.domain.dataset import Dataset, Profile
from ontrack.domain.enums import AssessmentStatus, GoalStatus, InteractionKind
from ontrack.domain.goals import Goal, Step
from ontrack.domain.journal import Feedback
from ontrack.domain.network import Contact, Interaction
from ontrack.reports import PageSize, Period, ReportOptions, build_report
from ontrack.reports.gather_summary import gather_summary, most_pressing
from ontrack.reports.summary import build_summary

from . import content, pdf_pages, pdf_text

TODAY = date(2026, 11, 24)
WORD = "Unbreakable" * 40
CJK = "漢字かなカナ한국어中文" * 40
LONG = ("A very long sentence that goes on, " * 200).strip()


def hostile() -> Dataset:
    """Everything as long and as awkward as a person can type it."""
    soon = TODAY + timedelta(days=2)
    answers = tuple(Answer(s.id, 4) for s in content().statements)
    goals = tuple(
        Goal(f"g{n}", f"{WORD} {CJK} {n}", status=GoalStatus.AT_RISK, deadline=soon,
             progress=n * 3, steps=(Step(f"s{n}", LONG, due=soon),))
        for n in range(40)
    )  # fmt: skip
    feedback = tuple(
        Feedback(f"f{n}", TODAY - timedelta(days=n), source_name=WORD, text=LONG,
                 action_plan=CJK, follow_up_on=soon)
        for n in range(40)
    )  # fmt: skip
    contacts = tuple(
        Contact(f"c{n}", f"{CJK} {WORD}", company=LONG, role=LONG, reconnect_every_days=7,
                interactions=(Interaction(f"i{n}", TODAY - timedelta(days=3),
                                          InteractionKind.COFFEE, notes=LONG, follow_up_on=soon),))
        for n in range(40)
    )  # fmt: skip
    return Dataset(
        profile=Profile(f"{WORD} {CJK}", "<b>Lead & grow</b>", f"{WORD} {LONG}"),
        assessments=(Assessment("a", TODAY - timedelta(days=9), AssessmentStatus.COMPLETE,
                                current_role=LONG, target_role=LONG, answers=answers),),
        goals=goals,
        feedback=feedback,
        contacts=contacts,
    )  # fmt: skip


DATA = {
    "small": lambda: generate("small", 1, TODAY),
    "hostile": hostile,
    "empty": Dataset,
}  # and "large": the session's large demo (`large_dataset`), generated once


@pytest.mark.parametrize("page_size", list(PageSize))
@pytest.mark.parametrize("data", ["small", "large", "hostile", "empty"])
def test_the_summary_is_one_page_as_laid_out(
    data: str, page_size: PageSize, request: pytest.FixtureRequest
) -> None:
    dataset = request.getfixturevalue("large_dataset") if data == "large" else DATA[data]()
    for period in (None, Period(None, TODAY)):
        options = ReportOptions(period=period, summary=True, page_size=page_size)
        pdf, shrunk = build_summary(dataset, content(), options, TODAY)
        pages = PdfReader(io.BytesIO(pdf)).pages
        assert len(pages) == 1
        box = pages[0].mediabox
        assert (round(float(box.width)), round(float(box.height))) == {
            PageSize.A4: (595, 842),
            PageSize.LETTER: (612, 792),
        }[page_size]
        assert shrunk == pytest.approx(1.0), "the content did not fit as laid out"


def test_the_summary_says_who_where_and_what_next() -> None:
    dataset = generate("small", 1, TODAY)
    pdf = build_report(dataset, content(), ReportOptions(summary=True), TODAY)
    text = pdf_text(pdf)
    for words in ("PROGRESS SUMMARY", "Sam Okafor", "Senior software engineer → Engineering "
                  "manager", "TOP STRENGTH", "TOP OPPORTUNITY", "Goals", "This period in numbers",
                  "feedback received", "people met", "Next 30 days, to 24 Dec 2026"):  # fmt: skip
        assert words in text
    data = gather_summary(dataset, content(), ReportOptions(summary=True), TODAY)
    assert len(data.top_due) == 5
    for item in data.top_due:
        assert item.text in text
    for goal in data.goals.items:
        assert goal.title[:30] in text
    assert "**" not in text


def test_long_text_is_cut_to_a_line_with_an_ellipsis() -> None:
    text = pdf_pages(build_report(hostile(), content(), ReportOptions(summary=True), TODAY))[0]
    assert "…" in text
    assert WORD not in text  # never printed whole: it is wider than the page
    assert "&lt;b&gt;" not in text
    assert "<b>Lead & grow</b> →" in text


def test_the_five_most_pressing_take_each_kind_in_turn() -> None:
    data = gather_summary(hostile(), content(), ReportOptions(summary=True), TODAY)
    kinds = [item.kind for item in data.top_due]
    assert len(set(kinds)) == 5  # one of each of five kinds before a second of any
    again = most_pressing(data.due, 9)
    assert len(again) == 9
    assert [item.kind for item in again[:5]] == kinds
