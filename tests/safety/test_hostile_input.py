"""Hostile values through every area's service, the search boxes, the interchange round trip
and the report: each value is stored and given back exactly, or refused with a clear error.
None crashes, none is silently changed.

Text that looks like HTML, Qt rich text or ReportLab markup; the longest text allowed; NUL and other
control characters; right-to-left, combining marks, emoji and CJK; the ends of the calendar.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from ontrack.domain.assessment import Reflections
from ontrack.domain.clock import FixedClock
from ontrack.domain.dataset import Dataset
from ontrack.domain.goals import CheckIn, Goal, Step
from ontrack.domain.journal import Feedback
from ontrack.domain.journal_query import JournalQuery
from ontrack.domain.network import Contact, Event, Interaction
from ontrack.domain.network_query import ContactFilter
from ontrack.domain.profile import Profile
from ontrack.domain.validation import MAX_LINE_LENGTH, MAX_TEXT_LENGTH, InvalidRecordError
from ontrack.interchange.json_codec import dumps, loads
from ontrack.services.assessments import AssessmentService
from ontrack.services.goals import GoalService
from ontrack.services.journal import JournalService
from ontrack.services.network import NetworkService
from ontrack.services.registry import Services
from ontrack.storage.database import open_data_file
from ontrack.storage.repositories._paging import Page

HOSTILE = {
    "html": "<b>Lead & grow</b> 5 < 6 <script>alert(1)</script>",
    "qt rich text": "<qt><font color=red>red</font><img src='x'></qt>",
    "reportlab markup": "<para><font name=Courier>x</font></para> &amp; <br/>",
    # Long text at its cap (domain.validation.MAX_TEXT_LENGTH); one-line fields cut it.
    "longest allowed": ("career " * 15_000)[:MAX_TEXT_LENGTH],
    "nul and controls": "a\x00b\x01c\x1bd\x7fe\u200bf",
    "right to left": "שלום עולם مرحبا بالعالم",
    "combining marks": "e\u0301 a\u0308 Z\u0336\u0336\u0336",
    "emoji": "👩🏽‍💻 🚀 🇳🇱",
    "cjk": "漢字かなカナ 한국어 中文",
    "whitespace only": " \t \n ",
}
DAYS = {"first day": date(1, 1, 1), "last day": date(9999, 12, 31)}


@pytest.fixture
def services(tmp_path: Path, clock: FixedClock) -> Iterator[Services]:
    with open_data_file(tmp_path / "hostile.sqlite") as data:
        yield Services.create(data, clock)


@pytest.mark.parametrize("name", list(HOSTILE))
def test_every_area_stores_hostile_text_exactly(services: Services, name: str) -> None:
    text = HOSTILE[name]
    line = text[:MAX_LINE_LENGTH]  # one-line fields hold at most this (domain.validation)
    context = services.context
    services.profile.update(Profile(line, line, line))
    assert services.profile.get() == Profile(line, line, line)

    goals = GoalService(context)
    goal = goals.create(
        Goal("", text[:200] or "x", why=text, measure=text,
             steps=(Step("s", text),), checkins=(CheckIn("c", date(2026, 1, 1), text, 50),))
    )  # fmt: skip
    stored = goals.get(goal.id)
    assert (stored.title, stored.why, stored.steps[0].text) == (text[:200] or "x", text, text)
    assert stored.checkins[0].note == text

    journal = JournalService(context)
    entry = journal.create(
        Feedback("", date(2026, 11, 1), source_name=line, situation=text, behavior=text,
                 impact=text, text=text, reflection=text, action_plan=text,
                 follow_up_note=text, tags=(text[:50],))
    )  # fmt: skip
    back = journal.get(entry.id)
    assert (back.source_name, back.text, back.action_plan, back.tags) == (
        line, text, text, (text[:50],),
    )  # fmt: skip

    network = NetworkService(context)
    contact = network.create_contact(
        Contact("", line.strip() or "x", company=line, role=line, email=line, notes=text,
                how_met=line, tags=(text[:50],))
    )  # fmt: skip
    network.add_interaction(contact.id, Interaction("i", date(2026, 11, 2), notes=text))
    kept = network.contact(contact.id)
    assert (kept.company, kept.notes, kept.interactions[0].notes) == (line, text, text)

    assessments = AssessmentService(context)
    started = assessments.start(line, line)
    # Roles are one-line fields: trimmed, otherwise kept exactly.
    assert assessments.get(started.id).current_role == line.strip()
    assessments.set_reflections(started.id, Reflections(text, text, text, text))
    assert assessments.get(started.id).reflections == Reflections(text, text, text, text)


def test_text_over_its_cap_is_refused_in_words_by_every_area(services: Services) -> None:
    context = services.context
    long_text, long_line = "x" * (MAX_TEXT_LENGTH + 1), "x" * (MAX_LINE_LENGTH + 1)
    attempts = {
        "The profile's name": lambda: services.profile.update(Profile(long_line)),
        "A goal's why": lambda: GoalService(context).create(Goal("", "t", why=long_text)),
        "A feedback entry's text": lambda: JournalService(context).create(
            Feedback("", date(2026, 11, 1), text=long_text)
        ),
        "A contact's company": lambda: NetworkService(context).create_contact(
            Contact("", "n", company=long_line)
        ),
        "An event's notes": lambda: NetworkService(context).create_event(
            Event("", "n", date(2026, 11, 1), notes=long_text)
        ),
        "An assessment's current role": lambda: AssessmentService(context).start(long_line, ""),
    }
    for what, attempt in attempts.items():
        with pytest.raises(InvalidRecordError, match=f"^{what} can be at most"):
            attempt()
    assert services.transfer.export_dataset().is_empty


@pytest.mark.parametrize("name", list(HOSTILE))
def test_search_boxes_take_hostile_text_without_error(services: Services, name: str) -> None:
    text = HOSTILE[name][:2000]  # what a search box would hold
    journal = JournalService(services.context)
    journal.create(Feedback("", date(2026, 11, 1), text=HOSTILE[name]))
    query = JournalQuery(text=text)
    assert journal.count(query) >= 0
    journal.page(query, 0, 50)
    network = NetworkService(services.context)
    assert network.find_count(ContactFilter(text=text)) >= 0
    network.find(ContactFilter(text=text), Page("name"))


@pytest.mark.parametrize("name", list(DAYS))
def test_the_ends_of_the_calendar_are_kept(services: Services, name: str) -> None:
    day = DAYS[name]
    goals = GoalService(services.context)
    goal = goals.create(Goal("", "Edge", deadline=day, steps=(Step("s", "x", due=day),)))
    assert goals.get(goal.id).deadline == day
    network = NetworkService(services.context)
    contact = network.create_contact(Contact("", "Edge", met_on=day, reconnect_every_days=36500))
    network.add_interaction(contact.id, Interaction("i", day))
    assert network.contact(contact.id).interactions[0].date == day
    network.find(ContactFilter(), Page("next_reconnect"))  # date arithmetic at the edges
    services.agenda.attention()  # the Overview's reads at the edges


def test_everything_hostile_survives_export_import_and_the_report(services: Services) -> None:
    from ontrack.domain.content import load_content
    from ontrack.domain.report_period import Period
    from ontrack.files.resources import resource_path
    from ontrack.reports import ReportOptions, build_report

    values = [v for k, v in HOSTILE.items() if k != "longest allowed"] + ["x" * 100_000]
    dataset = Dataset(
        profile=Profile(values[0], values[1], values[2]),
        goals=tuple(Goal(f"g{n}", v[:200].strip() or "x", why=v) for n, v in enumerate(values)),
        feedback=tuple(
            Feedback(f"f{n}", date(2026, 10, 1), text=v, reflection=v, action_plan=v)
            for n, v in enumerate(values)
        ),
        contacts=tuple(
            Contact(f"c{n}", v[:MAX_LINE_LENGTH].strip() or "x", notes=v)
            for n, v in enumerate(values)
        ),
        events=(Event("e", values[0], date(2026, 5, 1), values[1]),),
    )
    services.transfer.import_dataset(dataset)
    exported = services.transfer.export_dataset()
    assert loads(dumps(exported, datetime(2026, 11, 24, tzinfo=UTC))) == exported
    assert [g.why for g in exported.goals] == values
    options = ReportOptions(period=Period(date(2025, 11, 25), date(2026, 11, 24)))
    pdf = build_report(
        exported, load_content(resource_path("content")), options, date(2026, 11, 24)
    )
    assert pdf.startswith(b"%PDF")


def test_out_of_range_numbers_are_refused_clearly(services: Services) -> None:
    goals = GoalService(services.context)
    with pytest.raises((ValueError, Exception)) as refused:
        goals.create(
            Goal("", "Too far", progress=101, checkins=(CheckIn("c", date(2026, 1, 1), "", 500),))
        )
    assert str(refused.value)
