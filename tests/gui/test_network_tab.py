"""The Network tab as a person uses it: add contacts, log interactions (the reconnect date
moves), filter, track events and the people met there, import with a preview, export,
and undo every change. Every model of the tab passes the model tester."""

from __future__ import annotations

import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from ontrack.domain.enums import InteractionKind
from ontrack.domain.keep_in_touch import next_reconnect_of
from ontrack.interchange.vcard import read_vcards
from ontrack.ui.main_window import MainWindow
from ontrack.ui.network.dialogs import ImportPreviewDialog, LinkPeopleDialog
from ontrack.ui.network.models import (
    EventsListModel,
    ImportPreviewTableModel,
    PeopleMetListModel,
    PreviewLine,
)
from ontrack.ui.network.page import NetworkPage
from ontrack.ui.network.timeline import INTERVIEW_PROMPTS
from tests.gui.conftest import when_modal

DATA = Path(__file__).resolve().parents[1] / "data"
CTRL = Qt.KeyboardModifier.ControlModifier


def _page(window: MainWindow) -> NetworkPage:
    window.show_tab("networkTab")
    page = window.tab_page("networkTab")
    assert isinstance(page, NetworkPage)
    page.load()
    return page


def _focus(qtbot: QtBot, widget: QWidget) -> None:
    widget.window().activateWindow()
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)


def _undo(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)


def test_models_pass_the_model_tester(window: MainWindow, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    page = _page(window)
    qtmodeltester.check(page.model)
    page.search.setText("a")
    qtmodeltester.check(page.model)
    qtmodeltester.check(page.pane.timeline.model)
    page.show_events()
    qtmodeltester.check(page.events.model)
    page.events.list.setCurrentIndex(page.events.model.index(0))
    qtmodeltester.check(page.events.people)
    preview = ImportPreviewTableModel()
    preview.set_rows([PreviewLine("Add", "Ana", "Acme", "new contact")])
    qtmodeltester.check(preview)
    qtmodeltester.check(EventsListModel())
    qtmodeltester.check(PeopleMetListModel())


def test_add_a_contact_by_keyboard_edit_it_and_undo(qtbot: QtBot, window: MainWindow) -> None:
    page = _page(window)
    before = page.model.total()
    _focus(qtbot, page.search)
    qtbot.keyClick(page.search, Qt.Key.Key_N, CTRL)
    assert page.model.total() == before + 1
    name = page.pane.name
    assert name.hasFocus()
    qtbot.keyClicks(name, "Amira Haddad")
    qtbot.keyClick(name, Qt.Key.Key_Tab)
    page.pane.company.setText("مؤسسة <b>Globex</b> 😀")  # QTest cannot type an emoji
    qtbot.keyClick(page.pane.company, Qt.Key.Key_Return)
    contact = page.pane.contact
    assert contact is not None
    assert contact.name == "Amira Haddad"
    assert page.network.contact(contact.id).company == "مؤسسة <b>Globex</b> 😀"
    assert page.pane.title.textFormat() == Qt.TextFormat.PlainText
    # An invalid date is explained and loses nothing else.
    page.pane.met_on.setFocus()
    qtbot.keyClicks(page.pane.met_on, "31/12/2024")
    qtbot.keyClick(page.pane.met_on, Qt.Key.Key_Return)
    assert "not a date" in page.pane.message.text()
    assert page.network.contact(contact.id).met_on is None
    # Dates read and are typed as everywhere else in OnTrack ("14 Mar 2024").
    page.pane.met_on.selectAll()
    qtbot.keyClicks(page.pane.met_on, "14 march 2024")
    qtbot.keyClick(page.pane.met_on, Qt.Key.Key_Return)
    assert page.network.contact(contact.id).met_on == date(2024, 3, 14)
    assert page.pane.met_on.text() == "14 Mar 2024"
    _undo(qtbot, window)
    _undo(qtbot, window)
    assert page.network.contact(contact.id).company == ""
    _undo(qtbot, window)
    _undo(qtbot, window)
    assert page.model.total() == before


def test_logging_an_interaction_moves_the_reconnect_date(qtbot: QtBot, window: MainWindow) -> None:
    page = _page(window)
    page.new_contact()
    contact = page.pane.contact
    assert contact is not None
    page.pane.cadence.set_value(30)
    page.pane.cadence.changed.emit()
    assert next_reconnect_of(page.network.contact(contact.id)) == date.min  # due now
    assert "due now" in page.pane.keep_in_touch.text()
    timeline = page.pane.timeline
    _focus(qtbot, page.table)
    qtbot.keyClick(page.table, Qt.Key.Key_L, CTRL)
    assert timeline.kind.hasFocus()
    timeline.kind.setCurrentIndex(timeline.kind.findData(InteractionKind.CALL.value))
    timeline.notes.setFocus()
    qtbot.keyClicks(timeline.notes, "Talked about the platform team")
    qtbot.keyClick(timeline.notes, Qt.Key.Key_Return, CTRL)
    today = date(2026, 11, 24)
    saved = page.network.contact(contact.id)
    assert [(x.kind, x.notes) for x in saved.interactions] == [
        (InteractionKind.CALL, "Talked about the platform team")
    ]
    assert next_reconnect_of(saved) == today + timedelta(days=30)
    assert timeline.model.rowCount() == 1
    assert "next on" in page.pane.keep_in_touch.text()
    _undo(qtbot, window)
    assert page.network.contact(contact.id).interactions == ()
    assert timeline.model.rowCount() == 0


def test_informational_interview_prompts_and_bad_follow_up(
    qtbot: QtBot, window: MainWindow
) -> None:
    page = _page(window)
    timeline = page.pane.timeline
    timeline.kind.setCurrentIndex(
        timeline.kind.findData(InteractionKind.INFORMATIONAL_INTERVIEW.value)
    )
    assert timeline.notes.toPlainText() == INTERVIEW_PROMPTS
    timeline.kind.setCurrentIndex(timeline.kind.findData(InteractionKind.EMAIL.value))
    assert timeline.notes.toPlainText() == ""
    contact = page.pane.contact
    assert contact is not None
    timeline.follow_up.setText("2020-01-01")
    timeline.log()
    assert "before the interaction" in timeline.message.text()
    assert page.network.contact(contact.id).interactions == contact.interactions


def test_search_tag_and_due_filters(qtbot: QtBot, window: MainWindow) -> None:
    page = _page(window)
    total = page.model.total()
    first = page.model.record(0)
    qtbot.keyClick(window, Qt.Key.Key_F, CTRL)
    assert page.search.hasFocus()
    qtbot.keyClicks(page.search, first.name.split()[0])
    assert 1 <= page.model.total() < total
    assert all(
        first.name.split()[0].casefold() in str(page.model.record(r)).casefold()
        for r in range(page.model.rowCount())
    )
    page.search.clear()
    counts = page.network.keep_in_touch_counts()
    page.due.click()
    assert page.model.total() == counts.reconnects_due
    qtbot.waitUntil(lambda: f"({counts.reconnects_due})" in page.due.text())
    page.follow_ups.click()
    assert not page.due.isChecked()
    assert page.model.total() == counts.follow_ups_due
    page.follow_ups.click()
    tag = page.tag.itemData(1)
    page.tag.setCurrentIndex(1)
    page.tag.activated.emit(1)
    assert 0 < page.model.total() < total
    assert all(tag in page.model.record(r).tags for r in range(page.model.rowCount()))
    page.search.setText("no such person anywhere")
    assert page.empty_label.isVisible()
    assert "No contact matches" in page.empty_label.text()


def test_the_pane_follows_a_search_once_typing_pauses(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = _page(window)
    shown = page.pane.contact.id
    names = (page.model.record(r).name for r in reversed(range(page.model.rowCount())))
    word = next(n.split()[0] for n in names if n.isascii())  # keyClicks types ASCII only
    read: list[str] = []
    contact = page.network.contact
    monkeypatch.setattr(page.network, "contact", lambda i: read.append(i) or contact(i))
    qtbot.keyClicks(page.search, word)  # the list follows every key …
    first = page.model.record(0)
    assert word.casefold() in str(first).casefold()
    assert first.id != shown
    assert read == []  # … the pane waits for the pause
    assert page.pane.contact.id == shown
    qtbot.waitUntil(lambda: page.pane.contact.id == first.id)
    assert read == [first.id]
    if page.model.rowCount() > 1:
        page.table.selectRow(1)  # a row the person chooses shows at once
        assert page.pane.contact.id == page.model.record(1).id


def test_mail_and_linkedin_open_outside(window: MainWindow) -> None:
    page = _page(window)
    opened: list[QUrl] = []
    page.pane._open_url = opened.append
    page.new_contact()
    page.pane.email.setText("ana@example.com")
    page.pane.linkedin.setText("www.linkedin.com/in/ana")
    page.pane.linkedin.editingFinished.emit()
    page.pane.write_button.click()
    page.pane.open_button.click()
    assert [u.toString() for u in opened] == [
        "mailto:ana@example.com",
        "https://www.linkedin.com/in/ana",
    ]


def test_create_an_event_link_people_and_undo(qtbot: QtBot, window: MainWindow) -> None:
    page = _page(window)
    events = page.show_events()  # the events list loads when first shown
    before = events.model.rowCount()
    assert before > 0
    _focus(qtbot, page.search)
    qtbot.keyClick(page.search, Qt.Key.Key_N, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert events.model.rowCount() == before + 1
    assert events.name.hasFocus()
    qtbot.keyClicks(events.name, "DevOpsDays Lisbon")
    qtbot.keyClick(events.name, Qt.Key.Key_Return)
    event = events.current_event
    assert event is not None
    assert page.network.event(event.id).name == "DevOpsDays Lisbon"
    goal_index = 1
    events.goal.setCurrentIndex(goal_index)
    events.goal.activated.emit(goal_index)
    assert page.network.event(event.id).goal == events.goal.itemData(goal_index)
    assert "serve" in events.goal_progress.text()

    def choose(dialog: QWidget) -> None:
        assert isinstance(dialog, LinkPeopleDialog)
        dialog.view.selectRow(0)
        dialog.view.selectionModel().select(
            dialog.model.index(1, 0),
            dialog.view.selectionModel().SelectionFlag.Select
            | dialog.view.selectionModel().SelectionFlag.Rows,
        )
        dialog.accept()

    when_modal(qtbot, choose)
    qtbot.mouseClick(events.link_button, Qt.MouseButton.LeftButton)
    assert events.people.rowCount() == 2
    person = events.people.record(0)
    assert any(x.event == event.id for x in page.network.contact(person.contact_id).interactions)
    _undo(qtbot, window)
    assert events.people.rowCount() == 0
    # The people met open their contact; the event can be found by id.
    assert page.select_record(event.id)
    assert page.sections.currentWidget() is page.events_host


def test_select_record_shows_a_contact_beyond_the_first_page(window: MainWindow) -> None:
    page = _page(window)
    last = page.network.all_contacts()[-1]
    page.search.setText("zzz-no-match")
    assert page.select_record(last.id)
    assert page.pane.contact is not None
    assert page.pane.contact.id == last.id
    assert page.search.text() == ""
    assert not page.select_record("no-such-id")


def test_import_preview_then_import_then_reimport_and_undo(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    page = _page(window)
    before = page.model.total()
    source = tmp_path / "Connections.csv"
    shutil.copy(DATA / "linkedin" / "Connections.csv", source)
    seen: list[str] = []

    def accept(dialog: QWidget) -> None:
        assert isinstance(dialog, ImportPreviewDialog)
        rows = [dialog.model.record(r).action for r in range(dialog.model.rowCount())]
        seen.append(",".join(rows))
        problems.append(dialog.problems.toPlainText())
        dialog.findChild(QWidget, "importConfirm").click()

    problems: list[str] = []

    when_modal(qtbot, accept)
    assert page.import_contacts(str(source))
    assert seen[-1] == "Add,Add,Add,Add,Add,Add"
    assert problems[-1] == (
        "Left out: line 9: no name (LinkedIn leaves it empty for closed accounts)\n"
        "Warning: line 10: “30 Feb 2020” is not a date; “met on” left empty"
    )
    assert page.model.total() == before + 6
    assert "6 new" in page.status.text()
    when_modal(qtbot, accept)
    assert page.import_contacts(str(source))
    assert seen[-1] == "Merge,Merge,Merge,Merge,Merge,Merge"
    assert page.model.total() == before + 6
    _undo(qtbot, window)
    _undo(qtbot, window)
    assert page.model.total() == before


def test_import_cancelled_or_refused_writes_nothing(qtbot: QtBot, window: MainWindow) -> None:
    page = _page(window)
    before = page.model.total()
    when_modal(qtbot, lambda dialog: dialog.reject())
    assert not page.import_contacts(str(DATA / "vcard" / "google_contacts.vcf"))
    messages: list[str] = []

    def close(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        messages.append(box.text())
        box.accept()

    when_modal(qtbot, close)
    assert not page.import_contacts(str(DATA / "vcard" / "not_a_vcard.vcf"))
    assert "not a contacts file" in messages[0]
    assert page.model.total() == before


def test_export_vcard_and_csv(window: MainWindow, tmp_path: Path) -> None:
    page = _page(window)
    assert page.export_contacts("vcf", str(tmp_path / "all.vcf"))
    cards = read_vcards((tmp_path / "all.vcf").read_bytes())
    assert len(cards.contacts) == page.model.total()
    assert page.export_contacts("csv", str(tmp_path / "all.csv"))
    lines = (tmp_path / "all.csv").read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("Name,Company,Role")
    assert "Exported" in page.status.text()


def test_delete_a_contact_with_the_delete_key_and_undo(qtbot: QtBot, window: MainWindow) -> None:
    page = _page(window)
    before = page.model.total()
    _focus(qtbot, page.table)
    page.table.selectRow(0)
    doomed = page.model.record(0)
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert page.model.total() == before - 1
    assert "Undo" in page.status.text()
    _undo(qtbot, window)
    assert page.model.total() == before
    assert page.network.contact(doomed.id).name == doomed.name


def test_notes_are_plain_text_and_saved_on_leaving(qtbot: QtBot, window: MainWindow) -> None:
    page = _page(window)
    contact = page.pane.contact
    assert contact is not None
    notes = page.pane.notes
    assert isinstance(notes, QPlainTextEdit)
    notes.setFocus()
    notes.setPlainText("<script>alert(1)</script> שלום")
    page.search.setFocus()
    qtbot.waitUntil(lambda: page.network.contact(contact.id).notes.startswith("<script>"))
    assert isinstance(page.search, QLineEdit)


pytestmark = pytest.mark.usefixtures("qapp")
