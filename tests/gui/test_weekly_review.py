"""The weekly review, driven with the keyboard over the small demo data (clock fixed at
2026-11-24): every step, every save one undo entry, Open jumps, Esc closes, and the
"nothing to review" state of an empty file."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QSettings, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from ontrack.domain.clock import FixedClock
from ontrack.domain.dataset import Dataset
from ontrack.domain.enums import InteractionKind
from ontrack.domain.keep_in_touch import open_follow_up
from ontrack.domain.weekly_review import FollowUpKind
from ontrack.services.goals import GoalService
from ontrack.services.journal import JournalService
from ontrack.services.network import NetworkService
from ontrack.services.registry import Services
from ontrack.storage.database import open_data_file
from ontrack.storage.dataset_write import merge_dataset
from ontrack.ui.main_window import MainWindow
from ontrack.ui.roles import RECORD_ROLE
from ontrack.ui.settings import REVIEW_GEOMETRY as GEOMETRY
from ontrack.ui.tabs.base import TabContext
from ontrack.ui.weekly_review import open_weekly_review
from ontrack.ui.weekly_review.actions import short
from ontrack.ui.weekly_review.dialog import WeeklyReviewDialog
from tests.conftest import TODAY

Key = Qt.Key
ALT = Qt.KeyboardModifier.AltModifier


@dataclass
class Review:
    dialog: WeeklyReviewDialog
    parent: QWidget  # held here: the window the review belongs to
    services: Services
    stack: QUndoStack
    opened: list[tuple[str, str | None]] = field(default_factory=list)
    closed: list[int] = field(default_factory=list)

    @property
    def goals(self) -> GoalService:
        return GoalService(self.services.context)

    @property
    def journal(self) -> JournalService:
        return JournalService(self.services.context)

    @property
    def network(self) -> NetworkService:
        return NetworkService(self.services.context)


@pytest.fixture
def start_review(
    qtbot: QtBot, clock: FixedClock, settings: QSettings
) -> Iterator[Callable[[Path], Review]]:
    files = []
    parents: list[QWidget] = []

    def start(path: Path) -> Review:
        data = open_data_file(path)
        files.append(data)
        services = Services.create(data, clock)
        parent = QWidget()
        parents.append(parent)
        stack = QUndoStack(parent)
        parent.show()
        opened: list[tuple[str, str | None]] = []
        context = TabContext(services, stack, clock, settings, lambda t, r: opened.append((t, r)))
        dialog = open_weekly_review(parent, context)
        assert isinstance(dialog, WeeklyReviewDialog)
        review = Review(dialog, parent, services, stack, opened)
        dialog.finished.connect(review.closed.append)
        dialog.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
        return review

    yield start
    # Qt deletes the windows (the review with its parent) before the data files close, not
    # Python's garbage collector at some later moment.
    for parent in parents:
        parent.close()
        parent.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    for data in files:
        data.close()


@pytest.fixture
def review(start_review: Callable[[Path], Review], demo_file: Path) -> Review:
    return start_review(demo_file)


def press(
    qtbot: QtBot, review: Review, key: Key, modifier: object = Qt.KeyboardModifier.NoModifier
) -> None:
    """A key as a person presses it: to whatever has the keyboard in the review."""
    target = QApplication.focusWidget() or review.dialog
    qtbot.keyClick(target, key, modifier)  # type: ignore[arg-type]
    if modifier == ALT:
        # A button's mnemonic "animates" the click: it lands about 100 ms later.
        qtbot.waitUntil(
            lambda: not any(b.isDown() for b in review.dialog.findChildren(QPushButton))
        )


def type_text(qtbot: QtBot, text: str) -> None:
    qtbot.keyClicks(QApplication.focusWidget(), text)


def skip_to(qtbot: QtBot, review: Review, page: QWidget) -> None:
    for _ in range(40):
        if review.dialog.current is page:
            return
        press(qtbot, review, Key.Key_S, ALT)
    raise AssertionError("the page never came")


def test_intro_counts_what_is_due_and_enter_starts(qtbot: QtBot, review: Review) -> None:
    dialog = review.dialog
    assert dialog.isVisible()
    assert not dialog.isModal()
    assert dialog.current is dialog.intro
    assert dialog.intro.counts.text().splitlines() == [
        f"•  {part}" for part in dialog.review.parts()
    ]
    assert "without a check-in for a week" in dialog.review.headline()
    assert not dialog.back_button.isVisible()
    assert not dialog.skip_button.isVisible()
    press(qtbot, review, Key.Key_Return)
    assert dialog.current is dialog.goals
    assert dialog.counter.text() == f"Goal 1 of {len(dialog.review.goals)}"
    assert QApplication.focusWidget() is dialog.goals.note


def test_save_a_check_in_with_the_keyboard_and_undo_it(qtbot: QtBot, review: Review) -> None:
    press(qtbot, review, Key.Key_Return)
    goal = review.dialog.review.goals[0]
    before = review.goals.get(goal.id)
    assert review.dialog.goals.title.text() == goal.title
    assert review.dialog.primary_button.text() == "Ne&xt"  # nothing to save yet
    type_text(qtbot, "Raised it in planning <b>bold</b>")
    assert review.dialog.primary_button.text() == "Sa&ve check-in"
    review.dialog.goals.note.insert(" — 変更 ✓ مرحبا")  # pasted: keys cannot type these
    press(qtbot, review, Key.Key_Return)

    after = review.goals.get(goal.id)
    assert len(after.checkins) == len(before.checkins) + 1
    added = after.checkins[-1]
    assert (added.date, added.note, added.progress) == (
        TODAY,
        "Raised it in planning <b>bold</b> — 変更 ✓ مرحبا",
        None,
    )
    assert review.stack.count() == 1
    assert review.stack.undoText() == f"Check-in on “{short(goal.title)}”"
    assert review.dialog.counter.text().startswith("Goal 2 of")
    assert "Check-in saved" in review.dialog.status.text()

    review.stack.undo()
    assert review.goals.get(goal.id).checkins == before.checkins


def test_a_changed_progress_figure_alone_saves_a_check_in(qtbot: QtBot, review: Review) -> None:
    press(qtbot, review, Key.Key_Return)
    goals = review.dialog.review.goals
    by_hand = next(n for n, g in enumerate(goals) if not g.progress_by_steps)
    for _ in range(by_hand):
        press(qtbot, review, Key.Key_S, ALT)
    goal = goals[by_hand]
    press(qtbot, review, Key.Key_P, ALT)  # the Progress label's mnemonic
    assert QApplication.focusWidget() is review.dialog.goals.progress
    press(qtbot, review, Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, "65")
    press(qtbot, review, Key.Key_Return)
    after = review.goals.get(goal.id)
    assert after.progress == 65
    assert (after.checkins[-1].note, after.checkins[-1].progress) == ("", 65)


def test_enter_with_nothing_typed_saves_nothing_and_skip_moves_on(
    qtbot: QtBot, review: Review
) -> None:
    press(qtbot, review, Key.Key_Return)
    total = len(review.dialog.review.goals)
    first = review.dialog.review.goals[0]
    checkins = review.goals.get(first.id).checkins
    press(qtbot, review, Key.Key_Return)  # empty note, progress unchanged
    assert review.dialog.counter.text() == f"Goal 2 of {total}"
    press(qtbot, review, Key.Key_S, ALT)
    assert review.dialog.counter.text() == f"Goal 3 of {total}"
    press(qtbot, review, Key.Key_B, ALT)
    assert review.dialog.counter.text() == f"Goal 2 of {total}"
    assert review.stack.count() == 0
    assert review.goals.get(first.id).checkins == checkins


def test_mark_a_feedback_follow_up_done(qtbot: QtBot, review: Review) -> None:
    press(qtbot, review, Key.Key_Return)
    skip_to(qtbot, review, review.dialog.follow_ups)
    items = review.dialog.review.follow_ups
    index = next(n for n, f in enumerate(items) if f.kind is FollowUpKind.FEEDBACK)
    for _ in range(index):
        press(qtbot, review, Key.Key_S, ALT)
    item = items[index]
    assert review.journal.get(item.record_id).followed_up_on is None
    type_text(qtbot, "Showed the new summary lines")
    press(qtbot, review, Key.Key_Return)
    entry = review.journal.get(item.record_id)
    assert entry.followed_up_on == TODAY
    assert entry.follow_up_note == "Showed the new summary lines"
    assert review.stack.count() == 1
    assert review.stack.undoText().startswith("Follow-up done: feedback from")
    review.stack.undo()
    assert review.journal.get(item.record_id).followed_up_on is None


def test_log_a_conversation_follow_up(qtbot: QtBot, review: Review) -> None:
    press(qtbot, review, Key.Key_Return)
    skip_to(qtbot, review, review.dialog.follow_ups)
    items = review.dialog.review.follow_ups
    index = next(n for n, f in enumerate(items) if f.kind is FollowUpKind.CONVERSATION)
    for _ in range(index):
        press(qtbot, review, Key.Key_S, ALT)
    item = items[index]
    assert review.dialog.follow_ups.kind.isVisible()
    assert open_follow_up(review.network.contact(item.record_id), TODAY) is not None
    type_text(qtbot, "Sent the slides")
    press(qtbot, review, Key.Key_H, ALT)  # How: a call
    assert QApplication.focusWidget() is review.dialog.follow_ups.kind
    press(qtbot, review, Key.Key_Down)
    press(qtbot, review, Key.Key_Return)

    contact = review.network.contact(item.record_id)
    logged = contact.interactions[-1]
    assert (logged.date, logged.kind, logged.notes) == (
        TODAY,
        InteractionKind.CALL,
        "Sent the slides",
    )
    assert open_follow_up(contact, TODAY) is None
    assert review.stack.undoText() == f"Follow up with {item.who}"


def test_reach_out_to_the_suggested_contact_then_finish(qtbot: QtBot, review: Review) -> None:
    press(qtbot, review, Key.Key_Return)
    skip_to(qtbot, review, review.dialog.contact)
    page = review.dialog.contact
    first = review.dialog.review.contacts[0]
    assert page.name.text() == first.name
    press(qtbot, review, Key.Key_A, ALT)  # Suggest another
    second = review.dialog.review.contacts[1]
    assert page.name.text() == second.name
    assert second.next_reconnect >= first.next_reconnect
    press(qtbot, review, Key.Key_Return)

    contact = review.network.contact(second.id)
    assert max(x.date for x in contact.interactions) == TODAY
    assert contact.interactions[-1].kind is InteractionKind.EMAIL
    assert review.stack.undoText() == f"Reach out to {second.name}"
    assert review.dialog.current is review.dialog.done_step
    assert review.dialog.done_step.summary.text() == f"Reached out to {second.name}."
    press(qtbot, review, Key.Key_Return)  # Finish
    assert review.closed == [1]


def test_the_summary_counts_everything_recorded(qtbot: QtBot, review: Review) -> None:
    press(qtbot, review, Key.Key_Return)
    type_text(qtbot, "On it")
    press(qtbot, review, Key.Key_Return)
    type_text(qtbot, "Also on it")
    press(qtbot, review, Key.Key_Return)
    skip_to(qtbot, review, review.dialog.follow_ups)
    press(qtbot, review, Key.Key_Return)  # done, without a note
    skip_to(qtbot, review, review.dialog.contact)
    name = review.dialog.contact.name.text()
    press(qtbot, review, Key.Key_Return)
    assert review.dialog.done_step.summary.text() == (
        f"2 check-ins saved, 1 follow-up done, reached out to {name}."
    )
    assert review.stack.count() == 4  # one undo entry per saved item


def test_open_jumps_to_each_record_and_the_review_stays(qtbot: QtBot, review: Review) -> None:
    dialog = review.dialog
    press(qtbot, review, Key.Key_Return)
    press(qtbot, review, Key.Key_O, ALT)
    skip_to(qtbot, review, dialog.follow_ups)
    press(qtbot, review, Key.Key_O, ALT)
    skip_to(qtbot, review, dialog.contact)
    press(qtbot, review, Key.Key_O, ALT)
    follow_up = dialog.review.follow_ups[0]
    assert review.opened == [
        ("goalsTab", dialog.review.goals[0].id),
        (follow_up.kind.tab, follow_up.record_id),
        ("networkTab", dialog.review.contacts[0].id),
    ]
    assert dialog.isVisible()
    assert review.stack.count() == 0


@pytest.mark.parametrize("step", ["intro", "goals", "follow_ups", "contact"])
def test_escape_closes_at_any_step_without_saving(
    qtbot: QtBot, review: Review, settings: QSettings, step: str
) -> None:
    if step != "intro":
        press(qtbot, review, Key.Key_Return)
        skip_to(qtbot, review, getattr(review.dialog, step))
        type_text(qtbot, "typed but never saved")
    press(qtbot, review, Key.Key_Escape)
    assert review.closed == [0]
    assert review.stack.count() == 0
    assert settings.value(GEOMETRY) is not None  # the size is remembered


def test_an_empty_file_has_nothing_to_review(
    qtbot: QtBot, start_review: Callable[[Path], Review], data_path: Path
) -> None:
    review = start_review(data_path)
    dialog = review.dialog
    assert dialog.intro.empty
    assert dialog.intro.summary.text() == "Nothing to review this week."
    assert not dialog.primary_button.isVisible()
    assert dialog.close_button.isDefault()
    press(qtbot, review, Key.Key_Return)
    assert len(review.closed) == 1  # Enter pressed Close


def test_one_review_at_a_time(qtbot: QtBot, review: Review, clock: FixedClock) -> None:
    context = TabContext(review.services, review.stack, clock, review.dialog._settings, print)
    assert open_weekly_review(review.parent, context) is review.dialog


def test_a_follow_up_settled_elsewhere_meanwhile_is_not_saved_twice(
    qtbot: QtBot, review: Review
) -> None:
    press(qtbot, review, Key.Key_Return)
    skip_to(qtbot, review, review.dialog.follow_ups)
    item = review.dialog.review.follow_ups[0]
    assert item.kind is FollowUpKind.FEEDBACK
    journal = review.journal
    entry = journal.get(item.record_id)
    journal.save(journal.followed_up(entry, "done in the Journal tab"))  # the review is open
    press(qtbot, review, Key.Key_Return)
    assert review.stack.count() == 0
    assert "already followed up" in review.dialog.status.text()
    assert journal.get(item.record_id).follow_up_note == "done in the Journal tab"


def test_a_long_unbroken_title_wraps_inside_the_dialog(
    qtbot: QtBot, start_review: Callable[[Path], Review], data_path: Path
) -> None:
    from ontrack.domain.goals import Goal

    with open_data_file(data_path) as data:
        merge_dataset(
            data, Dataset(goals=(Goal("long", "x" * 200, created_on=TODAY.replace(year=2025)),))
        )
    review = start_review(data_path)
    press(qtbot, review, Key.Key_Return)
    title = review.dialog.goals.title
    assert title.text().replace("\u200b", "") == "x" * 200
    assert review.dialog.width() <= 700
    assert title.width() <= review.dialog.width()
    assert title.heightForWidth(title.width()) > 2 * title.fontMetrics().height()  # wrapped
    assert title.textFormat() is Qt.TextFormat.PlainText


def test_a_goal_deleted_meanwhile_is_passed_by_with_a_word(qtbot: QtBot, review: Review) -> None:
    press(qtbot, review, Key.Key_Return)
    goal = review.dialog.review.goals[0]
    review.goals.delete(goal.id)  # in the Goals tab, while the review is open
    type_text(qtbot, "too late")
    press(qtbot, review, Key.Key_Return)
    assert "was deleted meanwhile" in review.dialog.status.text()
    assert review.dialog.counter.text().startswith("Goal 2 of")
    assert review.stack.count() == 0


def test_in_the_window_the_goals_tab_follows_the_review_and_undo_takes_it_back(
    qtbot: QtBot, window: MainWindow, clock: FixedClock, settings: QSettings
) -> None:
    context = TabContext(window.services, window.undo_stack, clock, settings, window.open_tab)
    dialog = open_weekly_review(window, context)
    assert isinstance(dialog, WeeklyReviewDialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    goal = dialog.review.goals[0]
    qtbot.keyClick(dialog.primary_button, Key.Key_Return)
    assert QApplication.focusWidget() is dialog.goals.note
    qtbot.keyClicks(dialog.goals.note, "Moving again")
    qtbot.keyClick(dialog.goals.note, Key.Key_Return)
    qtbot.keyClick(dialog.goals.note, Key.Key_B, ALT)  # back to that goal
    qtbot.waitUntil(lambda: dialog.counter.text().startswith("Goal 1 of"))
    qtbot.keyClick(dialog.goals.note, Key.Key_O, ALT)  # Open in Goals
    goals_page = window.tab_page("goalsTab")
    qtbot.waitUntil(lambda: window.tabs.currentWidget().objectName() == "goalsTab")
    assert goals_page.detail.goal is not None
    assert goals_page.detail.goal.id == goal.id
    shown = goals_page.detail.checkins.model
    notes = [shown.index(r).data(RECORD_ROLE).note for r in range(shown.rowCount())]
    assert notes[0] == "Moving again"
    assert dialog.isVisible()  # the review waits beside the window

    window.undo_action.trigger()
    notes = [shown.index(r).data(RECORD_ROLE).note for r in range(shown.rowCount())]
    assert "Moving again" not in notes
    dialog.close()


def test_closing_the_window_closes_the_review_first(qtbot: QtBot, review: Review) -> None:
    review.parent.close()
    assert review.closed == [0]
