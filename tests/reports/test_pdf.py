"""The PDF itself, read back with pypdf: headings, the person's name, goal titles exactly
as typed, page numbers, outline, metadata, hostile text, and byte-identical rebuilds."""

from __future__ import annotations

import hashlib
import io
import os
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from ontrack.demo import generate
from ontrack.domain.assessment import Answer, Assessment, Reflections
from ontrack.domain.dataset import Dataset, Profile
from ontrack.domain.enums import AssessmentStatus, Factor, GoalStatus
from ontrack.domain.goals import CheckIn, Goal, Step
from ontrack.domain.journal import Feedback
from ontrack.domain.network import Contact, Interaction
from ontrack.domain.report_options import PageSize
from ontrack.reports import (
    Period,
    ReportOptions,
    Section,
    build_cover,
    build_report,
    write_report,
)

from . import content, flat, pdf_pages, pdf_text

TODAY = date(2026, 11, 24)
HEADINGS = ["At a glance", "Assessment", "Goals", "Feedback", "Network", "Next 30 days"]
MARKUP_TITLE = "<b>Lead & grow</b> 5 < 6"
RTL = "שלום עולם"
ARABIC = "مرحبا بالعالم"
CJK = "漢字かなカナ 한국어 中文"
LONG_NOTE = ("A long note that goes on and on. " * 3_100)[:100_000]


def build(dataset: Dataset, period: Period | None = None, **options: object) -> bytes:
    return build_report(dataset, content(), ReportOptions(period=period, **options), TODAY)  # type: ignore[arg-type]


def outline_titles(pdf: bytes) -> list[str]:
    def walk(items: list[object]) -> list[str]:
        titles: list[str] = []
        for item in items:
            titles += walk(item) if isinstance(item, list) else [item.title]  # type: ignore[attr-defined]
        return titles

    return walk(PdfReader(io.BytesIO(pdf)).outline)


@pytest.fixture(scope="module")
def small_pdf() -> bytes:
    return build(generate("small", 1, TODAY))


def test_every_section_and_the_name_are_there(small_pdf: bytes) -> None:
    text = pdf_text(small_pdf)
    for heading in HEADINGS:
        assert heading in text
    assert "Sam Okafor" in text
    assert "Senior software engineer → Engineering manager" in text
    assert "25 Nov 2025 – 24 Nov 2026" in text


def test_page_numbers_say_page_x_of_y(small_pdf: bytes) -> None:
    pages = pdf_pages(small_pdf)
    total = len(pages)
    assert 6 <= total <= 20
    for number, page in enumerate(pages[1:], start=2):
        assert f"Page {number} of {total}" in page
    assert "Page 1 of" not in pages[0]  # the cover has no footer


def test_outline_and_metadata(small_pdf: bytes) -> None:
    titles = outline_titles(small_pdf)
    assert titles[0] == "Cover"
    for heading in HEADINGS:
        assert heading in titles
    assert "Open goals" in titles
    reader = PdfReader(io.BytesIO(small_pdf))
    meta = reader.metadata
    assert meta is not None
    assert meta.title == "Progress report · Sam Okafor"
    assert meta.author == "Sam Okafor"
    assert meta.creation_date is not None
    assert meta.creation_date.date() == TODAY


def test_bookmarks_open_the_page_of_their_heading(small_pdf: bytes) -> None:
    reader = PdfReader(io.BytesIO(small_pdf))
    pages = pdf_pages(small_pdf)
    for item in reader.outline:
        if isinstance(item, list) or item.title == "Cover":
            continue
        page = reader.get_destination_page_number(item)
        assert item.title in flat(pages[page]), item.title


@pytest.mark.parametrize(
    "options",
    [
        ReportOptions(period=Period.last_12_months(TODAY)),
        ReportOptions(sections=frozenset({Section.GOALS, Section.NETWORK})),
        ReportOptions(period=Period(None, TODAY), page_size=PageSize.LETTER),
    ],
    ids=["whole", "two sections", "letter, all time"],
)
def test_the_cover_alone_is_the_reports_first_page(options: ReportOptions) -> None:
    # The preview shows it before the rest is made (#19): it must be that page exactly.
    dataset = generate("small", 1, TODAY)
    cover = build_cover(dataset.profile, options, TODAY)
    whole = build_report(dataset, content(), options, TODAY)
    assert len(pdf_pages(cover)) == 1
    assert pdf_pages(cover)[0] == pdf_pages(whole)[0]
    alone, first = (PdfReader(io.BytesIO(pdf)).pages[0] for pdf in (cover, whole))
    assert alone.get_contents().get_data() == first.get_contents().get_data()  # type: ignore[union-attr]
    assert alone.mediabox == first.mediabox


def test_two_builds_are_byte_identical() -> None:
    dataset = generate("small", 2, TODAY)
    first = build(dataset)
    assert build(dataset) == first
    # And in another process, with another hash seed (set order, font registration).
    script = (
        "import hashlib, sys; from datetime import date; from ontrack.demo import generate; "
        "from tests.reports.test_pdf import build; "
        "sys.stdout.write(hashlib.sha256(build(generate('small', 2, date(2026, 11, 24))))"
        ".hexdigest())"
    )
    env = dict(os.environ, PYTHONHASHSEED="12345")
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, env=env,
        cwd=Path(__file__).resolve().parents[2],
    )  # fmt: skip
    assert result.stdout == hashlib.sha256(first).hexdigest()


def hostile() -> Dataset:
    long_goal = Goal("g2", "A goal with a very long note", status=GoalStatus.AT_RISK,
                     checkins=(CheckIn("c1", date(2026, 10, 1), LONG_NOTE, 40),),
                     steps=(Step("s1", LONG_NOTE, due=date(2026, 12, 1)),))  # fmt: skip
    answers = tuple(Answer(s.id, 2) for s in content().statements)
    return Dataset(
        profile=Profile(f"Zoë {CJK}", f"Ingénieure {RTL}", "Führungskraft\x00 & <Leiterin>"),
        assessments=(
            Assessment(
                "a",
                date(2026, 6, 1),
                AssessmentStatus.COMPLETE,
                answers=answers,
                reflections=Reflections(notes=LONG_NOTE, skills_enjoyed=ARABIC),
            ),
        ),
        goals=(
            Goal("g1", MARKUP_TITLE, deadline=date(2026, 12, 20), factor=Factor.PEOPLE),
            long_goal,
            Goal("g3", RTL, status=GoalStatus.ON_TRACK),
            Goal("g4", CJK, status=GoalStatus.IN_PROGRESS),
            Goal("g5", "tab\tand\x01control\x7fchars", status=GoalStatus.IN_PROGRESS),
        ),
        feedback=(
            Feedback(
                "f1",
                date(2026, 9, 1),
                source_name="<i>Kim</i>",
                text=LONG_NOTE,
                action_plan="]]> <!-- &amp; -->",
                factors=(Factor.IMAGE,),
            ),
        ),
        contacts=(
            Contact(
                "c",
                f"{CJK} {RTL}",
                notes=LONG_NOTE,
                reconnect_every_days=7,
                interactions=(Interaction("i", date(2026, 11, 1), notes=LONG_NOTE),),
            ),
        ),
    )


@pytest.fixture(scope="module")
def hostile_pdf() -> bytes:
    return build(hostile())


def test_goal_titles_print_exactly_as_typed(hostile_pdf: bytes) -> None:
    text = pdf_text(hostile_pdf)
    assert MARKUP_TITLE in text
    assert "<i>Kim</i>" in text
    assert "]]> <!-- &amp; -->" in text
    assert "Führungskraft\ufffd & <Leiterin>" in text
    assert "tab and\ufffdcontrol\ufffdchars" in text


def test_right_to_left_and_cjk_text_reads_back(hostile_pdf: bytes) -> None:
    text = pdf_text(hostile_pdf)
    for words in (RTL, ARABIC, CJK, f"Zoë {CJK}"):
        assert words in text
    fonts = {
        str(font["/BaseFont"])
        for page in PdfReader(io.BytesIO(hostile_pdf)).pages
        for font in page["/Resources"]["/Font"].values()  # type: ignore[index, union-attr]
    }
    assert any("DroidSansFallback" in name for name in fonts), fonts
    assert any("DejaVuSans" in name for name in fonts), fonts


def test_a_report_without_cjk_does_not_embed_the_fallback(small_pdf: bytes) -> None:
    assert b"DroidSansFallback" not in small_pdf


def test_100_kb_notes_are_cut_so_the_report_stays_short(hostile_pdf: bytes) -> None:
    assert len(pdf_pages(hostile_pdf)) <= 12
    text = pdf_text(hostile_pdf)
    assert "… (continued in OnTrack)" in text
    assert "more characters" not in text


EMPTY_MESSAGES = [
    "No assessment has been completed yet",
    "No assessment has been completed by the end of this period.",
    "No goals yet, and none completed in this period.",
    "No feedback was received in this period, and nothing is waiting",
    "No contacts or interactions in this period, and nobody is due",
    "Nothing is due between 24 Nov 2026 and 24 Dec 2026, and nothing is overdue.",
]


def test_an_empty_data_file_says_so_in_every_section() -> None:
    pdf = build(Dataset(), Period(None, TODAY))
    text = pdf_text(pdf)
    for heading in HEADINGS:
        assert heading in text
    for message in EMPTY_MESSAGES:
        assert message in text
    assert len(pdf_pages(pdf)) <= 3


def test_sections_can_be_left_out() -> None:
    pdf = build(generate("small", 1, TODAY), sections=frozenset({Section.GOALS}))
    titles = outline_titles(pdf)
    assert "Goals" in titles
    assert "Network" not in titles
    assert "Assessment" not in titles


def test_the_large_data_all_time_is_a_document_not_a_dump(large_dataset: Dataset) -> None:
    pdf = build(large_dataset, Period(None, TODAY))
    pages = pdf_pages(pdf)
    assert len(pages) <= 30
    text = flat(" ".join(pages))
    assert large_dataset.profile.name in text
    assert re.search(r"… and [\d,]+ more open goals", text)
    assert "50,000 interactions in the period" in text


def test_write_report_is_atomic(tmp_path: Path) -> None:
    target = tmp_path / "report.pdf"
    write_report(target, Dataset(), content(), ReportOptions(), TODAY)
    assert target.read_bytes().startswith(b"%PDF-")
    with pytest.raises(FileNotFoundError):
        write_report(tmp_path / "missing" / "r.pdf", Dataset(), content(), ReportOptions(), TODAY)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["home", "report.pdf"]


def test_others_follow_the_anonymity_rules_and_comments_stay_text() -> None:
    from ontrack.domain.assessment import Rater
    from ontrack.domain.enums import Relationship

    everything = tuple(Answer(s.id, 5) for s in content().statements)
    low = tuple(Answer(s.id, 1) for s in content().statements)
    hostile = f"{MARKUP_TITLE} {RTL} {CJK}"
    peers = tuple(
        Rater(f"Peer{n}", Relationship.PEER, low, id=f"p{n}", comments=(("general", hostile),))
        for n in range(3)
    )
    reports = tuple(
        Rater(f"Rep{n}", Relationship.DIRECT_REPORT, low, comments=(("people", "SECRET"),))
        for n in range(2)
    )
    taken = Assessment(
        "a", TODAY, AssessmentStatus.COMPLETE, answers=everything, raters=peers + reports
    )
    raw = pdf_text(build(Dataset(assessments=(taken,)), Period(None, TODAY)))
    for words in (MARKUP_TITLE, RTL, CJK):  # kept literally, as text
        assert words in raw
    text = flat(raw)
    assert "Peers (3)" in text
    assert "Direct reports (2): 2 of at least 3 needed" in text
    assert "SECRET" not in text
    assert "Peer0" not in text
    assert "mean of 3 raters" in text


def test_a_rater_who_agreed_is_named_and_a_megabyte_comment_prints_its_beginning() -> None:
    """A report a person can print: the beginning of a 1 MB comment as text (markup
    literal), how long it is and that the whole of it is in OnTrack; the one peer of two
    who agreed shown by name, saying so; the other withheld."""
    import time

    from ontrack.domain.assessment import NameConsent, Rater
    from ontrack.domain.enums import Relationship

    everything = tuple(Answer(s.id, 5) for s in content().statements)
    low = tuple(Answer(s.id, 1) for s in content().statements)
    megabyte = (f"{MARKUP_TITLE} {RTL} {CJK} " * 40_000)[:1_000_000]
    ana = Rater(
        "Ana Lima", Relationship.PEER, low, id="p0", comments=(("general", megabyte),),
        consent=NameConsent.GIVEN,
    )  # fmt: skip
    bo = Rater("Bo", Relationship.PEER, low, id="p1", comments=(("people", "SECRET"),))
    taken = Assessment("a", TODAY, AssessmentStatus.COMPLETE, answers=everything, raters=(ana, bo))
    started = time.process_time()
    pdf = build(Dataset(assessments=(taken,)), Period(None, TODAY))
    assert time.process_time() - started < 30  # a megabyte laid out whole took minutes
    raw = pdf_text(pdf)
    assert MARKUP_TITLE in raw  # as text, not markup
    assert RTL in raw
    text = flat(raw)
    assert "Ana Lima (peer, shown by name with their consent)" in text
    assert "1,000,000 characters in all, the whole comment is in OnTrack" in text
    assert "Peers, the others (1): 2 of at least 3 needed" in text
    assert "SECRET" not in text
    assert "mean of 1 rater" in text
