"""The assessment as a person takes it: the whole wizard by keyboard alone, an interrupted
draft resumed (after closing the wizard, and after closing the app), and its rules."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QWidget,
    QWizard,
)
from pytestqt.qtbot import QtBot

from ontrack.domain.enums import AssessmentStatus
from ontrack.ui.assessment.page import AssessmentPage
from ontrack.ui.assessment.rating_scale import RatingScale
from ontrack.ui.assessment.wizard import REFLECTION, SUMMARY, AssessmentWizard
from ontrack.ui.main_window import MainWindow
from tests.gui.conftest import when_modal


def open_tab(window: MainWindow, qtbot: QtBot) -> AssessmentPage:
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    page = window.tab_page("assessmentTab")
    assert isinstance(page, AssessmentPage)
    assert page.model.loaded
    return page


def active_wizard(page: AssessmentPage, qtbot: QtBot) -> AssessmentWizard:
    wizard = page.wizard
    assert wizard is not None
    qtbot.waitExposed(wizard)
    wizard.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is wizard)
    return wizard


def focused(qtbot: QtBot) -> QWidget:
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def next_page(wizard: AssessmentWizard, qtbot: QtBot) -> None:
    """Return presses the default button (Next); in a multi-line answer Tab leaves first."""
    before = wizard.currentId()
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    for _ in range(10):
        if not isinstance(focused(qtbot), QPlainTextEdit):
            break
        qtbot.keyClick(focused(qtbot), Qt.Key.Key_Tab)
    while isinstance(focused(qtbot), QPushButton) and focused(qtbot) is not next_button:
        qtbot.keyClick(focused(qtbot), Qt.Key.Key_Tab)
    qtbot.keyClick(focused(qtbot), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: wizard.currentId() != before)


def rate_page_by_keyboard(wizard: AssessmentWizard, qtbot: QtBot, digit: str) -> None:
    """Rate every statement on the current factor page: a digit, then Tab."""
    scales = wizard.currentPage().findChildren(RatingScale)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is scales[0])
    for scale in scales:
        assert QApplication.focusWidget() is scale
        qtbot.keyClicks(scale, digit)
        qtbot.keyClick(scale, Qt.Key.Key_Tab)
    assert all(s.rating == int(digit) for s in scales)


def test_a_whole_assessment_by_keyboard(window: MainWindow, qtbot: QtBot) -> None:
    page = open_tab(window, qtbot)
    before = page.model.total()
    assert page.service.latest_draft() is not None  # the demo has one: OnTrack asks first
    choices: list[str] = []

    def start_another(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        choices.extend(b.text() for b in box.buttons())
        next(b for b in box.buttons() if b.text() == "Start a &new one").click()

    when_modal(qtbot, start_another)
    page.new_button.setFocus()
    qtbot.keyClick(page.new_button, Qt.Key.Key_Space)
    assert sorted(choices) == ["&Continue it", "Cancel", "Start a &new one"]
    wizard = active_wizard(page, qtbot)
    start = wizard.start_page
    assert start.current_role.text() == window.services.profile.get().current_role
    for _ in range(3):  # name, current role, target role, then the move being made
        qtbot.keyClick(focused(qtbot), Qt.Key.Key_Tab)
    assert focused(qtbot) is start.transition
    qtbot.keyClick(start.transition, Qt.Key.Key_Down)
    assert start.transition.currentData() == "ic_to_manager"
    assert "Matters most:" in start.guidance.text()
    next_page(wizard, qtbot)
    assert wizard.currentPage().title().startswith("Factor 1 of 8")
    for number in range(1, 9):
        assert wizard.currentPage().title().startswith(f"Factor {number} of 8")
        rate_page_by_keyboard(wizard, qtbot, "4")
        # The arrow keys change a rating too (on the statement that has the focus).
        scale = wizard.currentPage().findChildren(RatingScale)[0]
        scale.setFocus()
        qtbot.keyClick(scale, Qt.Key.Key_Left)
        qtbot.keyClick(scale, Qt.Key.Key_Right)
        assert scale.rating == 4
        next_page(wizard, qtbot)
    assert wizard.currentId() == REFLECTION
    editor = focused(qtbot)
    qtbot.keyClicks(editor, "Mentoring new people <b>and</b>")
    next_page(wizard, qtbot)
    assert wizard.currentId() == SUMMARY
    assert wizard.currentPage().isComplete()
    assert "✓  Teamwork: all 5 rated — " in wizard.currentPage().text.text()
    assessment_id = wizard.assessment.id
    qtbot.keyClick(focused(qtbot), Qt.Key.Key_Return)  # Finish is the default button now
    qtbot.waitUntil(lambda: page.wizard is None)

    saved = page.service.get(assessment_id)
    assert saved.status is AssessmentStatus.COMPLETE
    assert len(saved.answers) == 40
    assert saved.reflections.skills_enjoyed == "Mentoring new people <b>and</b>"
    assert page.model.total() == before + 1
    assert page.current_id() == assessment_id
    assert page.results.assessment == saved
    card = page.results.findChild(QFrame, "transitionCard")
    assert card is not None
    assert "individual contributor to manager" in card.findChild(QLabel).text()
    # Finishing is undoable: it makes the assessment a draft again.
    window.undo_stack.undo()
    assert page.service.get(assessment_id).status is AssessmentStatus.DRAFT


def test_it_cannot_finish_with_unrated_statements(window: MainWindow, qtbot: QtBot) -> None:
    page = open_tab(window, qtbot)
    page.start_new()
    wizard = active_wizard(page, qtbot)
    next_page(wizard, qtbot)
    rate_page_by_keyboard(wizard, qtbot, "2")
    while wizard.currentId() != SUMMARY:
        next_page(wizard, qtbot)
    summary = wizard.currentPage()
    assert not summary.isComplete()
    assert not wizard.button(wizard.WizardButton.FinishButton).isEnabled()
    assert "35 statements are not rated yet" in summary.subTitle()
    assert "Teamwork: statement 1, 2, 3, 4, 5 not rated yet" in summary.text.text()
    wizard.reject()


def test_an_interrupted_draft_resumes_where_it_stopped(
    open_window: Callable[[Path], MainWindow], demo_file: Path, qtbot: QtBot
) -> None:
    window = open_window(demo_file)
    page = open_tab(window, qtbot)
    page.start_new()
    wizard = active_wizard(page, qtbot)
    next_page(wizard, qtbot)
    rate_page_by_keyboard(wizard, qtbot, "5")
    next_page(wizard, qtbot)
    scales = wizard.currentPage().findChildren(RatingScale)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is scales[0])
    qtbot.keyClick(scales[0], Qt.Key.Key_1)
    draft_id = wizard.assessment.id
    qtbot.keyClick(focused(qtbot), Qt.Key.Key_Escape)  # Close: everything is kept
    qtbot.waitUntil(lambda: page.wizard is None)

    assert page.draft_banner.isVisible()
    assert "6 of 40 statements rated" in page.draft_text.text()
    assert page.service.latest_draft().id == draft_id

    # Close the whole app, open it again: it offers the draft, and goes back to page 2.
    window.close()
    window = open_window(demo_file)
    page = open_tab(window, qtbot)
    assert page.draft_banner.isVisible()
    page.draft_banner.findChild(QWidget, "resumeDraft").click()
    wizard = active_wizard(page, qtbot)
    assert wizard.assessment.id == draft_id
    assert wizard.currentPage().title().startswith("Factor 2 of 8")
    scales = wizard.currentPage().findChildren(RatingScale)
    assert [s.rating for s in scales] == [1, None, None, None, None]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is scales[1])  # first unrated
    wizard.back()
    assert all(s.rating == 5 for s in wizard.currentPage().findChildren(RatingScale))
    wizard.reject()


def test_without_a_remembered_page_it_resumes_at_the_first_unrated_factor(
    window: MainWindow, qtbot: QtBot
) -> None:
    page = open_tab(window, qtbot)
    draft = page.service.start("Engineer", "Lead")
    for statement in page.service.content.statements[:12]:  # people, teamwork, 2 of image
        page.service.rate(draft.id, statement.id, 3)
    page.resume(draft.id)
    wizard = active_wizard(page, qtbot)
    assert wizard.currentPage().title().startswith("Factor 3 of 8")
    wizard.reject()


def test_closing_before_the_first_answer_leaves_no_empty_draft(
    window: MainWindow, qtbot: QtBot
) -> None:
    page = open_tab(window, qtbot)
    before = page.model.total()
    page.start_new()
    wizard = active_wizard(page, qtbot)
    next_page(wizard, qtbot)
    assert page.service.find(wizard.assessment.id) is not None  # the draft exists at once
    qtbot.keyClick(focused(qtbot), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: page.wizard is None)
    assert page.model.total() == before


def test_a_reflection_typed_just_before_the_app_closes_is_kept(
    open_window: Callable[[Path], MainWindow], demo_file: Path, qtbot: QtBot
) -> None:
    window = open_window(demo_file)
    page = open_tab(window, qtbot)
    page.start_new()
    wizard = active_wizard(page, qtbot)
    next_page(wizard, qtbot)
    draft_id = wizard.assessment.id
    while wizard.currentId() != REFLECTION:
        next_page(wizard, qtbot)
    qtbot.keyClicks(focused(qtbot), "Teaching")
    window.close()  # at once: the delayed save has not run yet
    page = open_tab(open_window(demo_file), qtbot)
    assert page.service.get(draft_id).reflections.skills_enjoyed == "Teaching"


def test_new_assessment_with_a_draft_open_goes_on_with_it(window: MainWindow, qtbot: QtBot) -> None:
    page = open_tab(window, qtbot)
    draft = page.service.latest_draft()
    assert draft is not None
    before = page.model.total()
    when_modal(qtbot, lambda box: qtbot.keyClick(box, Qt.Key.Key_Return))  # the default
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    wizard = active_wizard(page, qtbot)
    assert wizard.assessment.id == draft.id
    wizard.reject()
    qtbot.waitUntil(lambda: page.wizard is None)
    assert page.model.total() == before  # no second draft


def test_new_assessment_with_a_draft_can_be_cancelled(window: MainWindow, qtbot: QtBot) -> None:
    page = open_tab(window, qtbot)
    when_modal(qtbot, lambda box: qtbot.keyClick(box, Qt.Key.Key_Escape))
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    assert page.wizard is None
