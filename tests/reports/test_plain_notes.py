"""Notes are text in the report: no Markdown markers from OnTrack's own prompts or sample
data in any report's text, and existing notes that hold such markers print without them."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from ontrack.demo import generate
from ontrack.domain.dataset import Dataset
from ontrack.domain.enums import InteractionKind
from ontrack.domain.journal import Feedback
from ontrack.domain.network import Contact, Interaction
from ontrack.reports import Period, ReportOptions, build_report

from . import content, pdf_text

TODAY = date(2026, 11, 24)


@pytest.mark.parametrize(
    ("size", "period"),
    [("small", None), ("large", Period(date(2025, 11, 25), TODAY)), ("large", Period(None, TODAY))],
    ids=["small", "large year", "large all time"],
)
def test_no_markdown_markers_in_any_report(
    size: str, period: Period | None, request: pytest.FixtureRequest
) -> None:
    # The large demo is the session's, generated once.
    large = size == "large"
    dataset = request.getfixturevalue("large_dataset") if large else generate(size, 1, TODAY)
    pdf = build_report(dataset, content(), ReportOptions(period=period), TODAY)
    text = pdf_text(pdf)
    assert "**" not in text
    assert "__" not in text
    assert "Informational interviews" in text


def test_existing_notes_with_markers_print_without_them() -> None:
    interview = Interaction(
        "i1",
        TODAY - timedelta(days=3),
        InteractionKind.INFORMATIONAL_INTERVIEW,
        notes="**What surprised you most?** How slow the feedback loops are.",
        follow_up_on=TODAY + timedelta(days=2),
    )
    feedback = Feedback(
        "f1",
        TODAY - timedelta(days=4),
        text="**Great** demo, clear story.",
        action_plan="**Next:** keep the demo short",
        follow_up_on=TODAY + timedelta(days=5),
    )
    dataset = Dataset(contacts=(Contact("c1", "Ada", interactions=(interview,)),),
                      feedback=(feedback,))  # fmt: skip
    text = pdf_text(build_report(dataset, content(), ReportOptions(), TODAY))
    assert "What surprised you most? How slow the feedback loops are." in text
    assert "Great demo, clear story." in text
    assert "Next: keep the demo short" in text
    assert "**" not in text
