"""The main window as a person meets it: tabs, menus, keyboard, undo, and what is remembered."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QLineEdit,
    QTableView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from ontrack.app import create_main_window
from ontrack.domain.clock import FixedClock
from ontrack.domain.dataset import Dataset, Profile
from ontrack.domain.goals import Goal
from ontrack.ui.main_window import MainWindow
from tests.gui.conftest import when_modal

TAB_NAMES = ["overviewTab", "assessmentTab", "goalsTab", "journalTab", "networkTab"]
VIEWS = {
    "assessmentTab": "assessmentList",
    "goalsTab": "goalsTable",
    "journalTab": "journalList",
    "networkTab": "contactsTable",
}


def test_five_tabs_in_order(window: MainWindow) -> None:
    tabs = window.tabs
    assert tabs.objectName() == "mainTabs"
    assert [tabs.widget(i).objectName() for i in range(tabs.count())] == TAB_NAMES


def test_every_tab_shows_the_data_through_a_model(
    window: MainWindow, small_dataset: Dataset
) -> None:
    window.load_all_tabs()
    expected = {
        "assessmentList": len(small_dataset.assessments),
        "goalsTable": len(small_dataset.goals),
        "journalList": len(small_dataset.feedback),
        "contactsTable": len(small_dataset.contacts),
    }
    for tab, view_name in VIEWS.items():
        view = window.findChild(QAbstractItemView, view_name)
        assert view is not None, view_name
        assert view.isVisibleTo(window.findChild(QWidget, tab))
        shown = expected[view_name]
        if view_name == "goalsTable":  # done and dropped goals are hidden until asked for
            shown = sum(not g.status.is_closed for g in small_dataset.goals)
        assert view.model().rowCount() == min(shown, 200)
    overview = window.tab_page("overviewTab")
    assert not overview.showing_welcome()
    assert overview.model.rowCount() > 0


def test_tabs_load_only_when_first_shown(window: MainWindow, qtbot: QtBot) -> None:
    goals = window.tab_page("goalsTab")
    assert not goals.model.loaded
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentWidget().objectName() == "goalsTab"
    assert goals.model.loaded


def test_clicking_a_header_sorts_the_goals(window: MainWindow, qtbot: QtBot) -> None:
    window.show_tab("goalsTab")
    view = window.findChild(QTableView, "goalsTable")
    header = view.horizontalHeader()
    middle = QPoint(header.sectionViewportPosition(0) + header.sectionSize(0) // 2, 10)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=middle)
    titles = [view.model().index(r, 0).data() for r in range(view.model().rowCount())]
    keys = [t.casefold() for t in titles]
    assert keys in (sorted(keys), sorted(keys, reverse=True))
    assert len(set(keys)) > 3


def test_edit_profile_by_keyboard_then_undo_and_redo(window: MainWindow, qtbot: QtBot) -> None:
    before = window.services.profile.get()

    def fill(dialog: QWidget) -> None:
        name = dialog.findChild(QLineEdit, "profileName")
        assert dialog.focusWidget() is name
        qtbot.keyClick(name, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(name, "Amira Haddad")
        qtbot.keyClick(name, Qt.Key.Key_Tab)
        assert dialog.focusWidget().objectName() == "profileCurrentRole"
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(dialog.focusWidget(), "Staff engineer")
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)

    when_modal(qtbot, fill)
    window.profile_action.trigger()
    after = window.services.profile.get()
    assert after.name == "Amira Haddad"
    assert after.current_role == "Staff engineer"
    assert after.target_role == before.target_role
    assert window.tab_page("overviewTab").greeting.text().endswith("Amira")

    # Back in the window once the dialog is gone (offscreen, nothing hands focus back).
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.services.profile.get() == before
    assert window.undo_action.isEnabled() is False
    window.redo_action.trigger()
    assert window.services.profile.get() == after


def test_cancelling_the_profile_dialog_changes_nothing(window: MainWindow, qtbot: QtBot) -> None:
    before = window.services.profile.get()

    def cancel(dialog: QWidget) -> None:
        qtbot.keyClicks(dialog.findChild(QLineEdit, "profileName"), "typed but cancelled")
        assert isinstance(dialog, QDialog)
        dialog.reject()

    when_modal(qtbot, cancel)
    window.profile_action.trigger()
    assert window.services.profile.get() == before
    assert window.undo_stack.count() == 0


def test_greeting_shows_markup_literally(
    open_window: Callable[[Path], MainWindow], data_path: Path
) -> None:
    window = open_window(data_path)
    window.services.profile.update(Profile("<b>Bo</b> & co", "", ""))
    window.services.transfer.import_dataset(Dataset(goals=(Goal("g", "A first goal"),)))
    window.show_tab("overviewTab")
    assert window.tab_page("overviewTab").greeting.textFormat() == Qt.TextFormat.PlainText
    assert window.tab_page("overviewTab").greeting.text().endswith("<b>Bo</b>")


def test_last_tab_and_geometry_are_remembered(
    qtbot: QtBot, demo_file: Path, clock: FixedClock, settings: QSettings
) -> None:
    first = create_main_window(demo_file, clock=clock, settings=settings)
    qtbot.addWidget(first)
    first.show()
    first.resize(720, 520)  # within the offscreen screen's 800 x 600
    first.show_tab("journalTab")
    first.close()
    second = create_main_window(demo_file, clock=clock, settings=settings)
    qtbot.addWidget(second)
    assert second.tabs.currentWidget().objectName() == "journalTab"
    assert (second.width(), second.height()) == (720, 520)
    assert second.tab_page("journalTab").model.loaded
    second.close()


def test_an_empty_file_says_what_to_do(
    open_window: Callable[[Path], MainWindow], data_path: Path
) -> None:
    window = open_window(data_path)
    window.load_all_tabs()
    for name, tab in window.pages.items():
        if name == "overviewTab":
            continue
        window.show_tab(name)
        assert tab.empty_label.isVisible(), name
        assert len(tab.empty_label.text().split()) >= 4, name  # it says what to do
    overview = window.tab_page("overviewTab")
    assert overview.showing_welcome()  # the first-run welcome


def test_overdue_goals_are_marked_by_icon_and_text(window: MainWindow) -> None:
    from ontrack.ui.roles import ATTENTION_ROLE

    window.show_tab("goalsTab")
    model = window.tab_page("goalsTab").model
    reasons = [model.index(r, 0).data(ATTENTION_ROLE) for r in range(model.rowCount())]
    marked = [r for r, reason in enumerate(reasons) if reason]
    assert marked, "the sample data has overdue or at-risk goals"
    row = marked[0]
    assert model.index(row, 0).data(Qt.ItemDataRole.DecorationRole) is not None
    assert model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole).startswith(reasons[row])


def test_menus_hold_what_exists(window: MainWindow) -> None:
    menus = {
        action.text().replace("&", ""): [
            a.text().replace("&", "") for a in action.menu().actions() if a.isVisible()
        ]
        for action in window.menuBar().actions()
    }
    assert list(menus) == ["File", "Edit", "View", "Tools", "Help"]
    assert [t for t in menus["File"] if t] == [
        "New data file…",
        "Open data file…",
        "Import…",
        "Import ratings…",
        "Export…",
        "Export to calendar…",
        "Progress report…",
        "Print report…",
        "Back up now…",
        "Restore from backup…",
        "Protect with a passphrase…",  # a plain file; a protected one: Change…, Remove…
        "Quit",
    ]
    assert [t for t in menus["Edit"] if t] == ["Undo", "Redo", "Find…", "Your profile…"]
    assert [t for t in menus["Tools"] if t] == [
        "Weekly review…",
        "Remind me of what is due at start-up",
    ]
    help_menu = [t for t in menus["Help"] if t]
    assert help_menu == ["OnTrack guide", "Keyboard shortcuts", "About OnTrack"]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("&Import…", "Import an OnTrack file"),
        ("&Export…", "Export everything"),
        ("Export to &calendar…", "Export to calendar"),
    ],
)
def test_file_menu_items_ask_for_a_file(
    window: MainWindow, qtbot: QtBot, text: str, title: str
) -> None:
    file_menu = window.menuBar().actions()[0].menu()
    action = next(a for a in file_menu.actions() if a.text() == text)
    titles: list[str] = []

    def cancel(dialog: QWidget) -> None:
        titles.append(dialog.windowTitle())
        dialog.reject()

    when_modal(qtbot, cancel)
    action.trigger()  # as a click does: with its checked flag, which must not become a path
    assert titles == [title]


def test_lists_start_in_their_natural_order(window: MainWindow) -> None:
    window.load_all_tabs()
    expected = {
        "goalsTable": (2, Qt.SortOrder.AscendingOrder),  # by deadline, soonest first
        "journalList": (0, Qt.SortOrder.DescendingOrder),  # newest first
        "contactsTable": (0, Qt.SortOrder.AscendingOrder),  # by name
        "assessmentList": (0, Qt.SortOrder.DescendingOrder),  # newest first
    }
    for name, (column, order) in expected.items():
        view = window.findChild(QTableView, name)
        header = view.horizontalHeader()
        assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (column, order)
    names = window.findChild(QTableView, "contactsTable").model()
    keys = [names.index(r, 0).data().casefold() for r in range(names.rowCount())]
    assert keys == sorted(keys)


def test_damaged_settings_are_ignored(
    qtbot: QtBot, demo_file: Path, clock: FixedClock, tmp_path: Path
) -> None:
    ini = tmp_path / "damaged.ini"
    ini.write_text("[window]\ngeometry=not bytes\nstate=12\ntab=three\n", "utf-8")
    window = create_main_window(
        demo_file, clock=clock, settings=QSettings(str(ini), QSettings.Format.IniFormat)
    )
    qtbot.addWidget(window)
    assert window.tabs.currentIndex() == 0
    assert (window.width(), window.height()) == (1180, 760)
    window.close()
