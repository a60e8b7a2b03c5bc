"""Ratings from others, the newer pieces, as a person uses them: asking for consent to be
shown by name (and Ctrl+Z taking an asked rater off again), a rater who agreed shown by
name in the results, and a megabyte comment shown cut, read whole by keyboard."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from ontrack.domain.assessment import NameConsent
from ontrack.domain.dataset import Dataset
from ontrack.domain.enums import AssessmentStatus, Relationship
from ontrack.domain.questionnaire import CONSENT_FIELD, FormAnswers
from ontrack.services.ratings import Returned
from ontrack.ui.assessment.ask_dialog import AskRatingsDialog
from ontrack.ui.assessment.comment_view import SHOWN, CommentDialog
from ontrack.ui.main_window import MainWindow
from tests.gui.test_assessment_wizard import open_tab

MEGABYTE = ('<b>not bold</b> שלום 世界 "quoted" ' * 40_000)[:1_000_000]


def _latest(dataset: Dataset) -> str:
    done = [a for a in dataset.assessments if a.status is AssessmentStatus.COMPLETE]
    return max(done, key=lambda a: a.taken_on).id


def test_ask_for_consent_then_take_the_rater_off_with_ctrl_z(
    window: MainWindow,
    qtbot: QtBot,
    small_dataset: Dataset,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = open_tab(window, qtbot)
    assessment_id = _latest(small_dataset)
    assert page.select_record(assessment_id)
    before = window.services.assessments.get(assessment_id).raters
    dialog = page.ask_ratings()
    assert isinstance(dialog, AskRatingsDialog)
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.name, "Ana Lima")
    dialog.relationship.setCurrentIndex(dialog.relationship.findData("manager"))
    assert not dialog.consent.isEnabled()  # a manager is shown by name anyway
    dialog.relationship.setCurrentIndex(dialog.relationship.findData("peer"))
    dialog.consent.setFocus()
    qtbot.keyClick(dialog.consent, Qt.Key.Key_Space)
    assert dialog.consent.isChecked()
    assert "agree to be shown by name" in dialog.letter.toPlainText()
    out = tmp_path / "ana.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    dialog.write_button.setFocus()
    qtbot.keyClick(dialog.write_button, Qt.Key.Key_Space)
    assert CONSENT_FIELD in (PdfReader(out).get_fields() or {})
    raters = window.services.assessments.get(assessment_id).raters
    assert raters[-1].consent is NameConsent.ASKED
    # Ana's form is written: her relationship and consent stay as it says until the next name.
    assert not dialog.consent.isEnabled()
    assert not dialog.relationship.isEnabled()
    dialog.name.selectAll()
    qtbot.keyClicks(dialog.name, "Bo Chen")
    assert dialog.consent.isEnabled()
    assert dialog.consent.isChecked()  # the same small group, most likely
    dialog.close()
    qtbot.waitUntil(lambda: "Ana Lima (peer): asked" in _labels(page))
    assert window.undo_stack.undoText() == "Ask Ana Lima for ratings"
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.services.assessments.get(assessment_id).raters == before
    qtbot.waitUntil(lambda: "Ana Lima" not in _labels(page))


def test_a_named_rater_and_a_megabyte_comment_in_the_results(
    window: MainWindow, qtbot: QtBot, small_dataset: Dataset
) -> None:
    page = open_tab(window, qtbot)
    assessment_id = _latest(small_dataset)
    ratings = window.services.ratings
    ana = ratings.ask(assessment_id, "Ana Lima", Relationship.CLIENT, ask_consent=True)
    answers = FormAnswers((), (), (), (("general", MEGABYTE),), consented=True)
    form = Returned("ana.pdf", "", assessment_id, ana.id, ana.name, ana.relationship, answers, True)
    started = time.perf_counter()
    ratings.add([form])
    assert page.select_record(assessment_id)
    qtbot.waitUntil(lambda: "shown by name with their consent" in _labels(page))
    assert time.perf_counter() - started < 10  # laid out whole, it held the window far longer
    assert "Ana Lima (client, shown by name with their consent)" in _labels(page)
    assert "agreed to be shown by name" in _labels(page)
    [shown] = [w for w in page.results.findChildren(QLabel) if w.text().startswith("“<b>")]
    assert len(shown.text()) < SHOWN + 40
    assert shown.textFormat() is Qt.TextFormat.PlainText
    [read] = [b for b in page.results.findChildren(QPushButton) if b.text().startswith("Read all")]
    assert "1,000,000 characters" in read.text()
    assert read.focusPolicy() & Qt.FocusPolicy.TabFocus  # reached by Tab
    read.setFocus()
    qtbot.keyClick(read, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: page.results.findChild(CommentDialog) is not None)
    whole = page.results.findChild(CommentDialog)
    assert whole is not None
    assert whole.text.toPlainText() == MEGABYTE
    assert whole.text.isReadOnly()
    qtbot.waitExposed(whole)
    whole.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is whole)
    qtbot.keyClick(whole, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not whole.isVisible())


def _labels(page: object) -> str:
    labels = page.results.findChildren(QLabel)  # type: ignore[attr-defined]
    return "\n".join(w.text() for w in labels if w.isVisibleTo(page.results))  # type: ignore[attr-defined]
