"""The Overview tab as a person uses it: what needs attention, each item one keypress from
its record; the side cards; refreshing after edits elsewhere; the first-run welcome."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from ontrack.commands.goals import ChangeGoalCommand
from ontrack.domain.agenda import AttentionKind
from ontrack.domain.dataset import Dataset
from ontrack.domain.goals import Goal
from ontrack.domain.network import Contact
from ontrack.interchange.json_codec import write_file
from ontrack.services.goals import GoalService
from ontrack.services.sample import SAMPLE_FILE_NAME
from ontrack.storage.database import open_data_file
from ontrack.storage.dataset_write import merge_dataset
from ontrack.ui.main_window import MainWindow
from ontrack.ui.overview.attention_model import AttentionLine, AttentionListModel
from ontrack.ui.roles import RECORD_ROLE
from ontrack.ui.tabs.overview import OverviewTab
from tests.agenda_data import TODAY, agenda_dataset, days
from tests.gui.conftest import when_modal

K = AttentionKind


@pytest.fixture
def agenda_file(tmp_path: Path) -> Path:
    path = tmp_path / "agenda.sqlite"
    with open_data_file(path) as data:
        merge_dataset(data, agenda_dataset("<b>x</b> "))
    return path


@pytest.fixture
def overview_window(open_window: Callable[[Path], MainWindow], agenda_file: Path) -> MainWindow:
    window = open_window(agenda_file)
    window.show_tab("overviewTab")
    return window


def overview(window: MainWindow) -> OverviewTab:
    page = window.tab_page("overviewTab")
    assert isinstance(page, OverviewTab)
    return page


def rows(page: OverviewTab) -> list[AttentionLine]:
    return [page.model.index(r).data(RECORD_ROLE) for r in range(page.model.rowCount())]


def test_the_attention_model_passes_the_model_tester(
    qtmodeltester, overview_window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    model = AttentionListModel(TODAY)
    qtmodeltester.check(model, force_py=True)
    model.set_agenda(overview_window.services.agenda.attention(), TODAY)
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() > 8


def test_every_kind_appears_under_its_heading(overview_window: MainWindow) -> None:
    page = overview(overview_window)
    listed = rows(page)
    headings = [r.kind for r in listed if r.is_heading]
    assert headings == [k for k in AttentionKind if k is not K.GOAL_AT_RISK]  # none at risk
    texts = [page.model.index(r).data() for r in range(page.model.rowCount())]
    assert "Overdue goals (1)" in texts
    # User text is shown literally, never as markup.
    assert "<b>x</b> Overdue goal · Overdue since 21 Nov" in texts
    assert page.view.isVisible()
    assert not page.all_clear.isVisible()


@pytest.mark.parametrize(
    ("kind", "tab", "record_id"),
    [
        (K.GOAL_OVERDUE, "goalsTab", "g-overdue"),
        (K.STEP_DUE, "goalsTab", "g-steps"),
        (K.FOLLOW_UP_DUE, "journalTab", "f-due"),
        (K.REQUEST_OPEN, "journalTab", "f-request"),
        (K.RECONNECT_DUE, "networkTab", "c-due"),
        (K.INTERACTION_FOLLOW_UP, "networkTab", "c-follow"),
        (K.EVENT_SOON, "networkTab", "e-soon"),
    ],
)
def test_each_item_opens_its_record_with_the_keyboard(
    overview_window: MainWindow, qtbot: QtBot, kind: AttentionKind, tab: str, record_id: str
) -> None:
    page = overview(overview_window)
    row = next(n for n, r in enumerate(rows(page)) if r.kind is kind and r.item is not None)
    page.view.setFocus()
    page.view.setCurrentIndex(page.model.index(row))
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    assert overview_window.tabs.currentWidget().objectName() == tab
    assert shown_record(overview_window, tab) == record_id


def shown_record(window: MainWindow, tab: str) -> str | None:
    page = window.tab_page(tab)
    if tab == "goalsTab":
        return page.model.item(page.view.currentIndex().row()).id
    if tab == "journalTab":
        return page.editor.current.id if page.editor.current else None
    if page.sections.currentIndex() == 1:  # the events list
        return page.events.model.record(page.events.list.currentIndex().row()).id
    return page.pane.contact.id if page.pane.contact else None


def test_arrow_keys_step_over_the_headings(overview_window: MainWindow, qtbot: QtBot) -> None:
    page = overview(overview_window)
    page.view.setFocus()
    page.view.setCurrentIndex(page.model.index(1))
    for _ in range(6):
        qtbot.keyClick(page.view, Qt.Key.Key_Down)
        assert not page.view.currentIndex().data(RECORD_ROLE).is_heading


def test_a_more_row_opens_the_tab(
    open_window: Callable[[Path], MainWindow], tmp_path: Path, qtbot: QtBot
) -> None:
    path = tmp_path / "many.sqlite"
    many = tuple(Goal(f"g{n}", f"Goal {n}", deadline=days(-n - 1)) for n in range(8))
    with open_data_file(path) as data:
        merge_dataset(data, Dataset(goals=many))
    window = open_window(path)
    page = overview(window)
    more = next(n for n, r in enumerate(rows(page)) if r.more)
    assert page.model.index(more).data() == "3 more in Goals…"
    page.view.setCurrentIndex(page.model.index(more))
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    assert window.tabs.currentWidget().objectName() == "goalsTab"


def test_the_side_cards(overview_window: MainWindow) -> None:
    page = overview(overview_window)
    numbers = [label.text() for label in page.month_card.numbers]
    words = [label.text() for label in page.month_card.words]
    assert numbers == ["1", "1", "3"]
    assert words == ["step done", "feedback recorded", "people met"]
    card = page.assessment_card
    assert not card.chart.isVisible()  # no assessment yet
    assert card.button.text() == "Ta&ke the assessment"
    assert "Take the assessment" in card.nudge.text()


def test_the_latest_assessment_is_charted(window: MainWindow) -> None:
    window.show_tab("overviewTab")
    card = overview(window).assessment_card
    assert card.chart.isVisible()
    assert card.strength.text().startswith("Top strength")
    assert card.opportunity.text().startswith("Top opportunity: ")
    assert card.taken.text().startswith("Assessment of ")


def test_the_overview_follows_edits_made_elsewhere(
    overview_window: MainWindow, qtbot: QtBot
) -> None:
    page = overview(overview_window)
    assert page.model.index(1).data().startswith("<b>x</b> Overdue goal")
    # In the Goals tab, the overdue goal gets a later deadline (an undoable edit).
    overview_window.open_tab("goalsTab", "g-overdue")
    service = GoalService(overview_window.services.context)
    old = service.get("g-overdue")
    overview_window.undo_stack.push(
        ChangeGoalCommand(service, old, replace(old, deadline=days(20)), "Change deadline")
    )
    overview_window.show_tab("overviewTab")
    assert K.GOAL_OVERDUE not in [r.kind for r in rows(page)]
    # Undo while the Overview is on screen: it refreshes at once.
    overview_window.undo_stack.undo()
    assert K.GOAL_OVERDUE in [r.kind for r in rows(page)]


def test_nothing_due_says_so_kindly(
    open_window: Callable[[Path], MainWindow], tmp_path: Path
) -> None:
    path = tmp_path / "calm.sqlite"
    with open_data_file(path) as data:
        merge_dataset(data, Dataset(goals=(Goal("g", "Someday"),)))
    window = open_window(path)
    page = overview(window)
    assert not page.showing_welcome()
    assert page.all_clear.isVisible()
    assert not page.view.isVisible()
    assert "Nothing needs attention" in page.all_clear.text()
    assert not page.first_goal_button.isVisible()


def test_someone_without_a_goal_is_asked_to_set_one(
    open_window: Callable[[Path], MainWindow], tmp_path: Path, qtbot: QtBot
) -> None:
    path = tmp_path / "no-goals.sqlite"
    with open_data_file(path) as data:  # something recorded, but no goal
        merge_dataset(data, Dataset(contacts=(Contact("c", "Ada"),)))
    window = open_window(path)
    page = overview(window)
    assert not page.showing_welcome()
    assert "Nothing needs attention" not in page.all_clear.text()
    assert "Set your first goal" in page.all_clear.text()
    assert page.first_goal_button.isVisible()
    qtbot.mouseClick(page.first_goal_button, Qt.MouseButton.LeftButton)
    goals = window.tab_page("goalsTab")
    assert window.tabs.currentWidget().objectName() == "goalsTab"
    assert goals.model.total() == 1
    assert QApplication.focusWidget() is goals.detail.title_edit


# -- first run ------------------------------------------------------------------------------
@pytest.fixture
def first_run(open_window: Callable[[Path], MainWindow], data_path: Path) -> MainWindow:
    window = open_window(data_path)
    window.show_tab("overviewTab")
    return window


def test_a_new_file_shows_the_welcome(first_run: MainWindow) -> None:
    page = overview(first_run)
    assert page.showing_welcome()
    welcome = page.welcome
    buttons = [
        welcome.assessment_button,
        welcome.contacts_button,
        welcome.file_button,
        welcome.sample_button,
    ]
    assert all(b.isVisible() and b.isEnabled() for b in buttons)


def test_welcome_take_the_assessment_opens_the_wizard(first_run: MainWindow, qtbot: QtBot) -> None:
    welcome = overview(first_run).welcome
    qtbot.mouseClick(welcome.assessment_button, Qt.MouseButton.LeftButton)
    assert first_run.tabs.currentWidget().objectName() == "assessmentTab"
    wizard = first_run.tab_page("assessmentTab").wizard
    assert wizard is not None
    assert wizard.isVisible()
    wizard.reject()


def _cancel_file_dialog(titles: list[str]) -> Callable[[QWidget], None]:
    def cancel(dialog: QWidget) -> None:
        titles.append(dialog.windowTitle())
        assert isinstance(dialog, QFileDialog)
        dialog.reject()

    return cancel


def test_welcome_import_contacts_asks_for_a_file(first_run: MainWindow, qtbot: QtBot) -> None:
    titles: list[str] = []
    when_modal(qtbot, _cancel_file_dialog(titles))
    qtbot.mouseClick(overview(first_run).welcome.contacts_button, Qt.MouseButton.LeftButton)
    assert titles == ["Import contacts"]
    assert first_run.tabs.currentWidget().objectName() == "networkTab"


def test_welcome_import_a_file_asks_for_one(first_run: MainWindow, qtbot: QtBot) -> None:
    titles: list[str] = []
    when_modal(qtbot, _cancel_file_dialog(titles))
    qtbot.mouseClick(overview(first_run).welcome.file_button, Qt.MouseButton.LeftButton)
    assert titles == ["Import an OnTrack file"]


def test_welcome_sample_data_opens_a_separate_file_and_comes_back(
    first_run: MainWindow, qtbot: QtBot, open_window: Callable[[Path], MainWindow]
) -> None:
    own = first_run.data_path
    requested: list[Path] = []
    first_run.file_actions.open_requested.connect(requested.append)
    qtbot.mouseClick(overview(first_run).welcome.sample_button, Qt.MouseButton.LeftButton)
    sample = own.with_name(SAMPLE_FILE_NAME)
    assert requested == [sample]
    assert first_run.services.agenda.is_empty()  # the person's own file stays clean

    first_run.close()
    exploring = open_window(sample)
    page = overview(exploring)
    assert not page.showing_welcome()
    assert page.sample_bar.isVisible()
    assert page.model.rowCount() > 5
    back: list[Path] = []
    exploring.file_actions.open_requested.connect(back.append)
    qtbot.mouseClick(page.sample_button, Qt.MouseButton.LeftButton)
    assert back == [own]


DATA = Path(__file__).resolve().parent.parent / "data"


def test_welcome_import_contacts_brings_them_in(
    first_run: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = DATA / "linkedin" / "Connections.csv"
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(source), ""))
    when_modal(qtbot, lambda dialog: dialog.findChild(QWidget, "importConfirm").click())
    qtbot.mouseClick(overview(first_run).welcome.contacts_button, Qt.MouseButton.LeftButton)
    assert first_run.services.listings.contact_count() == 6
    first_run.show_tab("overviewTab")
    assert not overview(first_run).showing_welcome()


def test_welcome_import_a_file_brings_it_in(
    first_run: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    source = tmp_path / "mine.json"
    write_file(source, agenda_dataset(), datetime(2026, 11, 24, tzinfo=UTC))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(source), ""))
    with qtbot.waitSignal(first_run.file_actions.imported, timeout=60_000):  # in a worker
        qtbot.mouseClick(overview(first_run).welcome.file_button, Qt.MouseButton.LeftButton)
    page = overview(first_run)
    assert not page.showing_welcome()
    assert K.GOAL_OVERDUE in [r.kind for r in rows(page)]


def test_importing_turns_the_welcome_into_the_dashboard(first_run: MainWindow) -> None:
    page = overview(first_run)
    first_run.services.transfer.import_dataset(agenda_dataset())
    assert not page.showing_welcome()
    assert page.greeting.text().endswith("Sam")
    assert not page.sample_bar.isVisible()
    assert QApplication.activeModalWidget() is None


def test_the_weekly_review_opens_from_the_overview_and_the_tools_menu(
    overview_window: MainWindow, qtbot: QtBot
) -> None:
    from ontrack.ui.weekly_review.dialog import WeeklyReviewDialog

    def open_reviews() -> list[WeeklyReviewDialog]:
        return [d for d in overview_window.findChildren(WeeklyReviewDialog) if d.isVisible()]

    qtbot.mouseClick(overview(overview_window).review_button, Qt.MouseButton.LeftButton)
    reviews = open_reviews()
    assert len(reviews) == 1
    overview_window.weekly_review_action.trigger()  # the open one comes forward: no second
    assert open_reviews() == reviews
    reviews[0].close()
    reviews[0].deleteLater()
