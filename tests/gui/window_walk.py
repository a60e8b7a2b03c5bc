"""A walk through everything a person can reach in the window: every tab (and the Network's
Events), a selected record on each, and every dialog, each as it is on screen. `walk` calls
`check(top_level_widget, where)` at each stop and gathers what it returns."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QApplication, QDialog, QWidget, QWizard
from pytestqt.qtbot import QtBot

from ontrack.domain.dataset import Dataset
from ontrack.domain.enums import FeedbackKind
from ontrack.ui.main_window import MainWindow
from tests.gui.conftest import when_modal

Check = Callable[[QWidget, str], list[str]]
# The `walk_everything` fixture (conftest): a check in, what it found everywhere out.
WalkEverything = Callable[[Check], list[str]]


def _modal(qtbot: QtBot, open_it: Callable[[], object], check: Check, where: str) -> list[str]:
    """Open a modal dialog the way a person would, check it, then cancel it."""
    found: list[str] = []

    def act(dialog: QWidget) -> None:
        found.extend(check(dialog, where))
        if isinstance(dialog, QDialog):
            dialog.reject()
        else:
            dialog.close()

    seen = when_modal(qtbot, act)
    open_it()
    qtbot.waitUntil(lambda: bool(seen))
    return found


def _tabs(qtbot: QtBot, window: MainWindow, dataset: Dataset, check: Check) -> list[str]:
    found: list[str] = []
    window.load_all_tabs()
    for name in window.pages:
        window.show_tab(name)
        found += check(window, name)
    for kind in (FeedbackKind.REQUEST, FeedbackKind.CONSTRUCTIVE):
        entry = next(e for e in dataset.feedback if e.kind is kind)
        window.open_tab("journalTab", entry.id)
        found += check(window, f"journalTab with a {kind.value} entry")
    network = window.tab_page("networkTab")
    window.show_tab("networkTab")
    network.show_events()
    network.events.list.setCurrentIndex(network.events.model.index(0))
    qtbot.waitUntil(network.events.isVisible)  # a new child shows on the next turn
    found += check(window, "networkTab, Events")
    network.sections.setCurrentIndex(0)
    return found


def _wizard(qtbot: QtBot, window: MainWindow, check: Check) -> list[str]:
    found: list[str] = []
    page = window.tab_page("assessmentTab")
    window.show_tab("assessmentTab")
    page.start_new()
    wizard: QWizard = page.wizard
    qtbot.waitExposed(wizard)
    for step in range(40):
        found += check(wizard, f"assessment wizard, page {step + 1}")
        if wizard.currentId() == wizard.pageIds()[-1]:
            break
        wizard.next()
    wizard.reject()
    return found


def _weekly_review(qtbot: QtBot, window: MainWindow, check: Check) -> list[str]:
    found: list[str] = []
    window.open_weekly_review()
    dialog = next(d for d in window.findChildren(QDialog) if d.isVisible())
    for step in range(30):  # each item of each step, skipped, up to the summary
        found += check(dialog, f"weekly review, {type(dialog.current).__name__} {step + 1}")
        if dialog.current is dialog.done_step:
            break
        if dialog.current.can_skip():
            dialog.skip()
        else:
            dialog.go_on()
    assert dialog.current is dialog.done_step
    dialog.close()
    return found


def _dialogs(qtbot: QtBot, window: MainWindow, check: Check) -> list[str]:
    goals = window.tab_page("goalsTab")
    journal = window.tab_page("journalTab")
    network = window.tab_page("networkTab")
    assessment = window.tab_page("assessmentTab")
    window.show_tab("goalsTab")
    found = _modal(qtbot, window.profile_action.trigger, check, "profile dialog")
    found += _modal(qtbot, window.about_action.trigger, check, "about box")
    found += _modal(qtbot, goals.new_goal_from_template, check, "goal templates")
    found += _modal(qtbot, goals.delete_goal, check, "delete a goal?")
    window.show_tab("journalTab")
    found += _modal(qtbot, journal.ask_for_feedback, check, "ask for feedback")
    window.show_tab("assessmentTab")
    found += _modal(qtbot, assessment.compare, check, "compare assessments")
    found += _wizard(qtbot, window, check)
    window.show_tab("networkTab")
    network.show_events()
    network.events.list.setCurrentIndex(network.events.model.index(0))
    found += _modal(qtbot, network.events.link_people, check, "link people")
    network.sections.setCurrentIndex(0)
    found += _modal(qtbot, window.ask_restore, check, "restore from backup")
    found += _modal(qtbot, window.protection.protect, check, "protect with a passphrase")
    found += _weekly_review(qtbot, window, check)
    found += _modal(qtbot, window.shortcuts_action.trigger, check, "keyboard shortcuts")
    found += _modal(qtbot, window.report_action.trigger, check, "progress report")
    window.guide_action.trigger()  # beside the window, not modal
    guide = next(d for d in window.findChildren(QDialog) if d.objectName() == "guideWindow")
    qtbot.waitExposed(guide)
    found += check(guide, "guide")
    guide.close()
    return found


def walk(
    qtbot: QtBot,
    open_window: Callable[[Path], MainWindow],
    demo_file: Path,
    dataset: Dataset,
    empty_file: Path,
    check: Check,
) -> list[str]:
    """Every tab, with and without data, and every dialog: what `check` found, in words."""
    empty = open_window(empty_file)
    found = check(empty, "overviewTab, welcome")
    empty.close()
    window = open_window(demo_file)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    found += _tabs(qtbot, window, dataset, check)
    found += _dialogs(qtbot, window, check)
    return found
