"""Ctrl+N then Escape with nothing typed leaves nothing, as in a notes app: no record, no
count change, no undo entry. Anything typed first keeps the record."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from ontrack.ui.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier


def _focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def _start(qtbot: QtBot, window: MainWindow, key: Qt.Key) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(_focused(), key, CTRL)


def test_a_new_goal_left_with_escape_leaves_nothing(qtbot: QtBot, window: MainWindow) -> None:
    _start(qtbot, window, Qt.Key.Key_3)
    page = window.tab_page("goalsTab")
    total, count = page.model.total(), window.undo_stack.count()
    counted = page.count_label.text()
    qtbot.keyClick(_focused(), Qt.Key.Key_N, CTRL)
    assert page.model.total() == total + 1
    assert _focused() is page.detail.title_edit
    qtbot.keyClick(page.detail.title_edit, Qt.Key.Key_Escape)
    assert page.model.total() == total
    assert page.count_label.text() == counted
    assert window.undo_stack.count() == count
    assert not window.undo_action.isEnabled()
    assert not window.redo_action.isEnabled()
    assert _focused() is page.view
    assert all(item.title != "New goal" for item in page.service.settled_items())


def test_a_new_goal_with_a_title_typed_stays(qtbot: QtBot, window: MainWindow) -> None:
    _start(qtbot, window, Qt.Key.Key_3)
    page = window.tab_page("goalsTab")
    total = page.model.total()
    qtbot.keyClick(_focused(), Qt.Key.Key_N, CTRL)
    qtbot.keyClicks(page.detail.title_edit, "Lead a retro")
    qtbot.keyClick(page.detail.title_edit, Qt.Key.Key_Escape)
    page.detail.commit_pending()
    assert page.model.total() == total + 1
    assert any(item.title == "Lead a retro" for item in page.service.settled_items())


def test_a_new_journal_entry_left_with_escape_leaves_nothing(
    qtbot: QtBot, window: MainWindow
) -> None:
    _start(qtbot, window, Qt.Key.Key_4)
    page = window.tab_page("journalTab")
    total, count = page.model.total(), window.undo_stack.count()
    counted = page.count_label.text()
    qtbot.keyClick(_focused(), Qt.Key.Key_N, CTRL)
    assert page.model.total() == total + 1
    assert _focused() is page.editor.who_edit
    qtbot.keyClick(page.editor.who_edit, Qt.Key.Key_Escape)
    assert page.model.total() == total
    assert page.count_label.text() == counted
    assert window.undo_stack.count() == count
    assert not window.undo_action.isEnabled()
    assert not window.redo_action.isEnabled()
    assert _focused() is page.view


def test_a_new_journal_entry_with_a_name_typed_stays(qtbot: QtBot, window: MainWindow) -> None:
    _start(qtbot, window, Qt.Key.Key_4)
    page = window.tab_page("journalTab")
    total = page.model.total()
    qtbot.keyClick(_focused(), Qt.Key.Key_N, CTRL)
    qtbot.keyClicks(page.editor.who_edit, "77")  # no contact has it: no completion popup
    qtbot.keyClick(page.editor.who_edit, Qt.Key.Key_Escape)
    page.editor.flush()
    assert page.model.total() == total + 1
    assert window.undo_action.isEnabled()
