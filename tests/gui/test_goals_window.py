"""The Goals tab inside the real window: Ctrl+N while the tab has focus, Edit ▸ Undo and
Ctrl+Z, and other tabs jumping to a goal."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTableView
from pytestqt.qtbot import QtBot

from ontrack.ui.main_window import MainWindow
from ontrack.ui.roles import RECORD_ROLE


def goals_page(window: MainWindow):  # type: ignore[no-untyped-def]
    page = window.tab_page("goalsTab")
    return getattr(page, "page", lambda: page)()  # a lazily built tab hands out its page


def test_new_goal_with_ctrl_n_then_undo_from_the_edit_menu_and_ctrl_z(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.show_tab("goalsTab")
    page = goals_page(window)
    view = window.findChild(QTableView, "goalsTable")
    total = page.model.total()
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert page.model.total() == total + 1
    assert QApplication.focusWidget() is page.detail.title_edit
    qtbot.keyClicks(page.detail.title_edit, "Run a brown-bag session")
    qtbot.keyClick(page.detail.title_edit, Qt.Key.Key_Return)
    goal_id = page.view.currentIndex().data(RECORD_ROLE).id
    assert page.service.get(goal_id).title.endswith("Run a brown-bag session")
    assert window.undo_action.isEnabled()
    assert "Rename goal" in window.undo_action.text()
    window.undo_action.trigger()  # Edit ▸ Undo
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert page.model.total() == total
    assert not window.undo_action.isEnabled()


def test_open_tab_selects_the_goal_and_find_focuses_the_search(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.show_tab("overviewTab")
    page = goals_page(window)
    page.load()
    last = page.model.item(page.model.rowCount() - 1)
    window.open_tab("goalsTab", last.id)
    assert window.tabs.currentWidget().objectName() == "goalsTab"
    assert page.view.currentIndex().row() == page.model.row_of(last.id)
    assert page.detail.title_edit.text() == last.title
    window.find_in_tab()
    assert QApplication.focusWidget() is page.search
