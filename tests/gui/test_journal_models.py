"""The Journal list model (qtmodeltester, lazy pages, roles) and what the list and editor
show of awkward text: markup shown literally, the longest entry allowed, right-to-left and
CJK text."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QSettings, Qt
from PySide6.QtGui import QImage, QPainter, QUndoStack
from PySide6.QtWidgets import QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from ontrack.domain.clock import FixedClock
from ontrack.domain.dataset import Dataset
from ontrack.domain.enums import FeedbackKind
from ontrack.domain.journal import Feedback
from ontrack.domain.journal_query import JournalQuery
from ontrack.domain.validation import MAX_TEXT_LENGTH
from ontrack.services.journal import JournalService
from ontrack.services.registry import Services
from ontrack.storage.database import open_data_file
from ontrack.storage.dataset_write import merge_dataset
from ontrack.ui.journal.fields import render_markdown
from ontrack.ui.journal.list_delegate import JournalEntryDelegate
from ontrack.ui.journal.list_model import JournalListModel
from ontrack.ui.roles import ATTENTION_ROLE, RECORD_ROLE, SORT_ROLE
from ontrack.ui.tabs import journal as journal_tab
from ontrack.ui.tabs.base import TabContext

TODAY = date(2026, 11, 24)
# The longest text allowed, as people write it: many lines of words.
LONGEST = (("Feedback written out at length, line after line of it. " * 3 + "\n") * 700)[
    :MAX_TEXT_LENGTH
]
MARKUP = "<b>bold?</b> <img src=x> &amp; <a href='x'>link</a>"


@pytest.fixture
def services(qapp: object, data_path: Path, clock: FixedClock) -> Iterator[Services]:
    with open_data_file(data_path) as data:
        entries = tuple(
            Feedback(
                id=f"f{n:03}",
                date=TODAY - timedelta(days=n),
                kind=(FeedbackKind.PRAISE, FeedbackKind.CONSTRUCTIVE, FeedbackKind.REQUEST)[n % 3],
                source_name=f"Person {n}",
                text=f"Entry number {n}\nsecond line",
                follow_up_on=TODAY - timedelta(days=1) if n % 5 == 1 else None,
            )
            for n in range(450)
        )
        merge_dataset(data, Dataset(feedback=entries))
        yield Services.create(data, clock)


def test_the_list_model_passes_the_model_tester(qtmodeltester, services: Services) -> None:  # type: ignore[no-untyped-def]
    model = JournalListModel(JournalService(services.context))
    model.reload()
    qtmodeltester.check(model, force_py=True)
    model.set_query(JournalQuery(text="number 1"))
    qtmodeltester.check(model, force_py=True)


def test_newest_first_read_a_page_at_a_time(services: Services) -> None:
    model = JournalListModel(JournalService(services.context))
    model.reload()
    assert model.total() == 450
    assert model.rowCount() == JournalListModel.PAGE_SIZE < 450
    assert model.canFetchMore()
    days = [model.index(r, 0).data(SORT_ROLE) for r in range(model.rowCount())]
    assert days == sorted(days, reverse=True)
    assert model.row_of("f420") == 420
    assert model.rowCount() == 450
    first = model.index(0, 0)
    assert first.data(RECORD_ROLE).id == "f000"
    assert "Entry number 0" in first.data()
    due = model.index(1, 0)  # f001: follow-up was due yesterday
    assert due.data(ATTENTION_ROLE) == "Follow-up due"
    assert due.data(Qt.ItemDataRole.DecorationRole) is not None
    assert "Follow-up due" in due.data(Qt.ItemDataRole.AccessibleTextRole)
    request = model.index(2, 0)
    assert request.data(ATTENTION_ROLE) == "Waiting for an answer"
    assert model.index(0, 0).data(ATTENTION_ROLE) is None


def _paint(model: JournalListModel, terms: tuple[str, ...] = ()) -> None:
    delegate = JournalEntryDelegate()
    delegate.terms = terms
    image = QImage(500, 80, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    for row in range(model.rowCount()):
        option = QStyleOptionViewItem()
        option.rect = image.rect()
        delegate.paint(painter, option, model.index(row, 0))
    painter.end()


def test_markup_rtl_cjk_and_huge_text_are_shown_as_text(services: Services) -> None:
    journal = JournalService(services.context)
    texts = (MARKUP, "مراجعة ممتازة للكود", "代码审查做得很好", "x" * MAX_TEXT_LENGTH)
    for n, text in enumerate(texts):
        journal.create(Feedback(id=f"odd{n}", date=TODAY + timedelta(days=1), text=text))
    model = JournalListModel(journal)
    model.set_query(JournalQuery(since=TODAY + timedelta(days=1)))
    lines = {model.index(r, 0).data(RECORD_ROLE).first_line for r in range(model.rowCount())}
    assert MARKUP in lines  # exactly as typed, never interpreted
    assert "مراجعة ممتازة للكود" in lines
    assert "代码审查做得很好" in lines
    assert max(len(line) for line in lines) <= 400  # the longest entry never travels whole
    _paint(model, ("bold", "代码"))  # painting plain text with highlights does not fail
    model.set_query(JournalQuery(text="代码"))
    assert model.total() == 1


def test_markdown_preview_renders_formatting_but_not_html() -> None:
    from PySide6.QtGui import QTextDocument

    document = QTextDocument()
    render_markdown(document, f"**Great** work\n\n{MARKUP}")
    assert "<b>bold?</b>" in document.toPlainText()
    assert "Great work" in document.toPlainText()
    assert "<img" not in document.toHtml().replace("&lt;img", "")


@pytest.fixture
def page(qtbot: QtBot, services: Services, clock: FixedClock, tmp_path: Path):  # type: ignore[no-untyped-def]
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    stack = QUndoStack()
    context = TabContext(services, stack, clock, settings, lambda t, r: None)
    page = journal_tab.build(context)
    services.notifier.data_changed.connect(page.on_data_changed)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    with qtbot.waitExposed(page):
        page.show()
    page.load()
    yield page
    services.notifier.data_changed.disconnect(page.on_data_changed)
    stack.clear()


@pytest.mark.parametrize(
    "text",
    [
        MARKUP,
        "مراجعة ممتازة للكود\nسطر ثان",
        "代码审查做得很好。下次继续",
        LONGEST,
        "z" * MAX_TEXT_LENGTH,  # unbroken (wraps anywhere: fast enough to open)
    ],
    ids=["markup", "rtl", "cjk", "longest", "longest-unbroken"],
)
def test_the_editor_keeps_any_text_whole(qtbot: QtBot, page, text: str) -> None:  # type: ignore[no-untyped-def]
    editor = page.editor
    current = editor.current
    source = editor.text_edit.source
    source.setFocus()
    source.selectAll()
    pasted = QMimeData()
    pasted.setText(text)
    source.insertFromMimeData(pasted)  # what Ctrl+V does with the clipboard's text
    editor.flush()
    stored = page.service.get(current.id)
    assert stored.text == text
    assert stored == replace(current, text=text)
    page.view.setFocus()
    page.select_record("f001")
    page.select_record(current.id)
    assert editor.text_edit.value() == text
    assert editor.who_edit.text() == current.source_name


def test_a_search_reads_its_first_page_and_count_in_one_query(services: Services) -> None:
    """The list's ids and how many match come from one statement, then the page's rows;
    an entry further down is found by its position, not by reading every match."""
    model = JournalListModel(JournalService(services.context))
    model.reload()
    connection = services.context.data.connection
    seen: list[str] = []
    connection.set_trace_callback(seen.append)
    try:
        model.set_query(JournalQuery(text="entry"))
    finally:
        connection.set_trace_callback(None)
    reads = [s for s in seen if s.lstrip().upper().startswith("SELECT") and "_config" not in s]
    assert len(reads) == 2
    assert (model.total(), model.rowCount()) == (450, JournalListModel.PAGE_SIZE)
    assert model.row_of("f300") == 300
    assert model.rowCount() == 350  # the pages up to it, no further
    assert model.row_of("nothing") is None


def test_excerpts_are_found_for_the_rows_shown(services: Services) -> None:
    """When searching, the words around each match are read a screenful at a time, as
    rows are painted, and are the same as when read with the whole page."""
    journal = JournalService(services.context)
    model = JournalListModel(journal)
    query = JournalQuery(text="number")
    model.set_query(query)
    connection = services.context.data.connection
    seen: list[str] = []
    connection.set_trace_callback(seen.append)
    try:
        first = [model.index(r, 0).data(RECORD_ROLE) for r in range(model.EXCERPT_BATCH)]
        reads_for_a_screen = len(seen)
        following = model.index(model.EXCERPT_BATCH, 0).data(RECORD_ROLE)
    finally:
        connection.set_trace_callback(None)
    assert reads_for_a_screen == 1
    assert len(seen) == 2
    assert [e.excerpt for e in first] == [f"Entry number {n} second line" for n in range(12)]
    assert following.excerpt == "Entry number 12 second line"
    assert model.index(0, 0).data() == model.index(0, 0).data(Qt.ItemDataRole.DisplayRole)
    model.set_query(JournalQuery())
    assert model.index(0, 0).data(RECORD_ROLE).excerpt == ""
