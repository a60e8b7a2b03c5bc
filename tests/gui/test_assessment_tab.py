"""The Assessment tab: results and their guidance, others' ratings and blind spots,
making a goal of an opportunity, the history (compare, delete with undo) and its models."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from ontrack.domain.content import Keyed
from ontrack.domain.dataset import Dataset
from ontrack.domain.enums import AssessmentStatus, Factor, Relationship
from ontrack.domain.rater_groups import comparable_scores
from ontrack.domain.scoring import assessment_scores, blind_spots
from ontrack.ui.assessment.compare import CompareDialog
from ontrack.ui.assessment.history_model import AssessmentHistoryTableModel
from ontrack.ui.assessment.rating_scale import RatingScale
from ontrack.ui.assessment.score_model import FactorScoresTableModel
from ontrack.ui.main_window import MainWindow
from ontrack.ui.paged_model import format_date
from ontrack.ui.roles import RECORD_ROLE, SORT_ROLE
from tests.gui.test_assessment_wizard import active_wizard, focused, next_page, open_tab


def _newest_complete(window: MainWindow, dataset: Dataset) -> str:
    complete = [a for a in dataset.assessments if a.status is AssessmentStatus.COMPLETE]
    return max(complete, key=lambda a: a.taken_on).id


def test_a_rater_is_added_and_blind_spots_are_called_out(
    window: MainWindow, qtbot: QtBot, small_dataset: Dataset
) -> None:
    page = open_tab(window, qtbot)
    assessment_id = _newest_complete(window, small_dataset)
    assert page.results.assessment.id == assessment_id  # the tab opens on the latest results
    assert page.draft_banner.isVisible()  # and offers the demo's draft
    assert page.select_record(assessment_id)
    raters_before = len(page.service.get(assessment_id).raters)
    page.rater_button.setFocus()
    qtbot.keyClick(page.rater_button, Qt.Key.Key_Space)
    wizard = active_wizard(page, qtbot)
    assert wizard.rater_mode
    name = focused(qtbot)
    assert name is wizard.start_page.name
    taken = page.service.get(assessment_id).taken_on
    assert f"for your assessment of {format_date(taken)}" in wizard.start_page.subTitle()
    qtbot.keyClick(name, Qt.Key.Key_Return)  # no name yet: it says so and stays
    assert wizard.currentId() == 0
    assert "name" in wizard.start_page.message.text()
    qtbot.keyClicks(name, "Ana Lima")
    qtbot.keyClick(name, Qt.Key.Key_Tab)
    combo = focused(qtbot)
    assert combo is wizard.start_page.relationship
    # A manager: shown as the manager's (a second peer would be withheld below three).
    assert combo.currentData() == Relationship.MANAGER
    next_page(wizard, qtbot)
    content = page.service.content
    for _ in content.factors:
        scales = wizard.currentPage().findChildren(RatingScale)
        qtbot.waitUntil(lambda scales=scales: QApplication.focusWidget() is scales[0])
        for scale, statement in zip(scales, wizard.currentPage().factor.statements, strict=True):
            # The worst answer everywhere: others see every factor at 0.
            qtbot.keyClick(
                scale, Qt.Key.Key_1 if statement.keyed is Keyed.STRENGTH else Qt.Key.Key_5
            )
            qtbot.keyClick(scale, Qt.Key.Key_Tab)
        next_page(wizard, qtbot)
    assert wizard.currentPage().isComplete()  # rater mode has no reflection page
    qtbot.keyClick(focused(qtbot), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.wizard is None)

    saved = page.service.get(assessment_id)
    assert len(saved.raters) == raters_before + 1
    assert saved.raters[-1].name == "Ana Lima"
    assert saved.status is AssessmentStatus.COMPLETE  # rater entry never changes that
    own = assessment_scores(content, saved)
    spots = blind_spots(own, comparable_scores(content, saved.raters))
    assert spots, "a rater who sees every factor at 0 makes blind spots"
    shown = page.results.findChild(QLabel, "blindSpots").text()
    assert shown.endswith(", ".join(f.label for f in spots))
    assert page.results.overlay.findData("others") >= 0
    headers = [page.results.scores.headerData(c, Qt.Orientation.Horizontal)
               for c in range(page.results.scores.columnCount())]  # fmt: skip
    assert "Others" in headers
    assert "Perception" in headers
    # Adding Ana's ratings was one step: Ctrl+Z takes her off again, redo puts her back.
    assert window.undo_stack.undoText() == "Add Ana Lima's ratings"
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(page.service.get(assessment_id).raters) == raters_before
    window.undo_stack.redo()
    assert page.service.get(assessment_id).raters == saved.raters


def test_make_this_a_goal_creates_an_editable_goal_and_undo_removes_it(
    window: MainWindow, qtbot: QtBot, small_dataset: Dataset
) -> None:
    page = open_tab(window, qtbot)
    assert page.select_record(_newest_complete(window, small_dataset))
    assert page.results.goal_buttons, "the demo's assessment has opportunities"
    factor, button = next(iter(page.results.goal_buttons.items()))
    goals_before = len(window.services.transfer.export_dataset().goals)
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)
    assert window.tabs.currentWidget().objectName() == "goalsTab"
    assert len(window.services.transfer.export_dataset().goals) == goals_before + 1
    template = page.service.content.factor(factor).goal_templates[0]
    goal_id = window.undo_stack.command(window.undo_stack.index() - 1).goal.id
    goal = page._goals.get(goal_id)
    assert (goal.title, goal.factor, len(goal.steps)) == (
        template.title,
        factor,
        len(template.steps),
    )
    assert goal.deadline is not None
    assert goal.deadline > date(2026, 11, 24)
    window.undo_stack.undo()
    assert len(window.services.transfer.export_dataset().goals) == goals_before


def test_delete_with_undo_and_compare(
    window: MainWindow, qtbot: QtBot, small_dataset: Dataset
) -> None:
    page = open_tab(window, qtbot)
    total = page.model.total()
    target = _newest_complete(window, small_dataset)
    assert page.select_record(target)
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Delete)
    assert page.model.total() == total - 1
    assert page.service.find(target) is None
    window.undo_stack.undo()
    assert page.model.total() == total
    assert page.service.find(target) is not None

    dialog = CompareDialog(page.service, target, parent=page)
    qtbot.addWidget(dialog)
    assert dialog.after.currentData() == target
    assert dialog.before.currentData() != target
    assert dialog.model.rowCount() == 8
    assert dialog.model.headerData(4, Qt.Orientation.Horizontal) == "Change"
    assert dialog.summary.text().startswith("Better:")
    assert dialog.chart.has_overlay
    dialog.before.setCurrentIndex(dialog.after.currentIndex())
    assert "different" in dialog.summary.text()
    dialog.deleteLater()


def test_history_model(qtmodeltester, window: MainWindow, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    page = open_tab(window, qtbot)
    model = AssessmentHistoryTableModel(window.services.listings, page.service)
    model.reload()
    qtmodeltester.check(model)
    overall = [model.index(r, 2).data(SORT_ROLE) for r in range(model.rowCount())]
    model.sort(2, Qt.SortOrder.DescendingOrder)
    assert [model.index(r, 2).data(SORT_ROLE) for r in range(model.rowCount())] == sorted(
        overall, reverse=True
    )
    statuses = [model.index(r, 3).data() for r in range(model.rowCount())]
    total = len(page.service.content.statements)
    drafts = [r for r, text in enumerate(statuses) if text.startswith("Draft: ")]
    assert drafts
    for row in drafts:  # how far it got, and no overall score from part of the answers
        assert statuses[row].endswith(f" of {total} answered")
        assert model.index(row, 2).data() == "—"


def test_factor_scores_model(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = FactorScoresTableModel()
    own = dict.fromkeys(Factor, 90.0) | {Factor.VISION: None}
    others = dict.fromkeys(Factor, 50.0)
    model.set_scores(own, others=others, earlier=dict.fromkeys(Factor, 70.0))
    qtmodeltester.check(model)
    assert model.index(0, 5).data() == "Blind spot"  # +40: more than a third of the scale
    assert model.index(0, 7).data() == "+20"
    assert model.index(5, 1).data() == "—"
    assert model.index(5, 0).data(RECORD_ROLE) == Factor.VISION
    model.set_scores(dict.fromkeys(Factor, 16.0), others=others)
    assert model.index(0, 5).data() == "Hidden strength"
    model.set_scores(dict.fromkeys(Factor, 17.0), others=others)
    assert model.index(0, 5).data() != "Hidden strength"  # 33 points: not more than a third
    qtmodeltester.check(model)


def test_a_rater_left_half_way_is_continued_and_can_be_removed_with_undo(
    window: MainWindow, qtbot: QtBot, small_dataset: Dataset
) -> None:
    page = open_tab(window, qtbot)
    assessment_id = _newest_complete(window, small_dataset)
    assert page.select_record(assessment_id)
    before = page.service.get(assessment_id).raters
    page.add_rater()
    wizard = active_wizard(page, qtbot)
    qtbot.keyClicks(focused(qtbot), "Kai")
    next_page(wizard, qtbot)
    scale = wizard.currentPage().findChildren(RatingScale)[0]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is scale)
    qtbot.keyClick(scale, Qt.Key.Key_3)
    qtbot.keyClick(focused(qtbot), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: page.wizard is None)

    index = len(before)
    button = page.results.findChild(QPushButton, f"continueRater{index}")
    assert button is not None
    button.click()
    wizard = active_wizard(page, qtbot)
    assert (wizard.rater_mode, wizard.rater) == (True, index)
    assert wizard.currentPage().title().startswith("Factor 1 of 8")
    assert wizard.currentPage().findChildren(RatingScale)[0].rating == 3
    assert not wizard.start_page.name.isEnabled()  # the rater is who they were
    wizard.reject()
    qtbot.waitUntil(lambda: page.wizard is None)

    page.results.findChild(QPushButton, f"removeRater{index}").click()
    assert page.service.get(assessment_id).raters == before
    window.undo_stack.undo()
    assert page.service.get(assessment_id).raters[index].name == "Kai"
