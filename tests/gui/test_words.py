"""Words that agree: the assessment is described the same way wherever it is offered and
matches its content; a goal past its deadline says "Overdue" in the table, its details and
the Overview; a request reads as one; a draft shows how far it got, not a score."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from ontrack.domain.content import load_content
from ontrack.domain.dataset import Dataset
from ontrack.domain.enums import FeedbackKind, GoalStatus
from ontrack.domain.goals import Goal
from ontrack.files.resources import resource_path
from ontrack.storage.database import open_data_file
from ontrack.storage.dataset_write import merge_dataset
from ontrack.ui.goals.table_model import STATUS
from ontrack.ui.main_window import MainWindow
from ontrack.ui.words import (
    ASSESSMENT_PARTS,
    ASSESSMENT_QUESTIONS,
    ASSESSMENT_STATEMENTS,
    ASSESSMENT_TIME,
)
from tests.conftest import TODAY


def _texts(widget: QWidget) -> str:
    return "\n".join(label.text() for label in widget.findChildren(QLabel))


def test_the_assessment_is_described_as_its_content_is() -> None:
    content = load_content(resource_path("content"))
    assert len(content.statements) == ASSESSMENT_STATEMENTS
    own_words = [q for q in content.questions if q.id != "notes"]  # "anything else" aside
    assert len(own_words) == ASSESSMENT_QUESTIONS
    assert "forty" in ASSESSMENT_PARTS
    assert "three" in ASSESSMENT_PARTS
    guide = resource_path("guide", "guide.md").read_text(encoding="utf-8")
    assert ASSESSMENT_TIME in guide
    assert "three short" in guide


def test_welcome_and_wizard_agree(
    qtbot: QtBot, open_window: Callable[[Path], MainWindow], data_path: Path
) -> None:
    window = open_window(data_path)
    welcome = _texts(window.tab_page("overviewTab").welcome)
    page = window.tab_page("assessmentTab")
    window.show_tab("assessmentTab")
    page.start_new()
    wizard = page.wizard
    start = wizard.page(wizard.currentId())
    for text in (welcome, start.subTitle()):
        assert ASSESSMENT_PARTS in text
        assert ASSESSMENT_TIME in text
    wizard.reject()


def test_a_goal_past_its_deadline_says_overdue_everywhere(
    qtbot: QtBot, open_window: Callable[[Path], MainWindow], tmp_path: Path
) -> None:
    late = Goal(
        "late", "Ship the guide", status=GoalStatus.AT_RISK,
        created_on=TODAY - timedelta(days=60), deadline=TODAY - timedelta(days=3),
    )  # fmt: skip
    path = tmp_path / "late.sqlite"
    with open_data_file(path) as data:
        merge_dataset(data, Dataset(goals=(late,)))
    window = open_window(path)
    overview = window.tab_page("overviewTab")
    listed = [overview.model.index(r).data() for r in range(overview.model.rowCount())]
    assert "Overdue goals (1)" in listed
    window.open_tab("goalsTab", "late")
    goals = window.tab_page("goalsTab")
    assert goals.model.index(goals.model.row_of("late"), STATUS).data() == "Overdue"
    assert goals.detail.status_combo.itemText(0) == "Automatic: Overdue"
    assert "Automatic" in goals.detail.status_combo.toolTip()
    assert goals.detail.attention_label.text().startswith("Overdue")


def test_a_request_reads_as_a_request(window: MainWindow, small_dataset: Dataset) -> None:
    request = next(f for f in small_dataset.feedback if f.kind is FeedbackKind.REQUEST)
    window.open_tab("journalTab", request.id)
    editor = window.tab_page("journalTab").editor
    assert editor.said_labels["journalText"].text() == "You asked"
    assert editor.said_heading.text() == "Your request"
    received = next(f for f in small_dataset.feedback if f.kind is FeedbackKind.CONSTRUCTIVE)
    window.open_tab("journalTab", received.id)
    assert editor.said_labels["journalText"].text() == "In their words"


def test_a_draft_shows_how_far_it_got_not_a_score(
    window: MainWindow, small_dataset: Dataset
) -> None:
    page = window.tab_page("assessmentTab")
    total = len(page.service.content.statements)
    draft = page.service.start("Engineer", "Lead")
    for statement in page.service.content.statements[:19]:
        page.service.rate(draft.id, statement.id, 4)
    window.open_tab("assessmentTab", draft.id)
    shown = _texts(page.results)
    assert f"19 of {total} answered" in shown
    assert "Overall" not in shown
