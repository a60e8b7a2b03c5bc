"""The keyboard after choosing a tab: Ctrl+1…5 (or a click on the tab) puts it in the page's
main list, so that the page's own shortcuts work at once: Ctrl+N creates in that page."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QWidget
from pytestqt.qtbot import QtBot

from ontrack.ui.main_window import MainWindow
from tests.gui.conftest import when_modal

CTRL = Qt.KeyboardModifier.ControlModifier
MAIN_VIEWS = {
    "overviewTab": "overviewAttention",
    "assessmentTab": "assessmentList",
    "goalsTab": "goalsTable",
    "journalTab": "journalList",
    "networkTab": "contactsTable",
}


def _active(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def _focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def test_ctrl_number_puts_the_keyboard_in_the_tabs_main_list(
    qtbot: QtBot, window: MainWindow
) -> None:
    _active(qtbot, window)
    for number, (tab, view) in enumerate(MAIN_VIEWS.items(), start=1):
        qtbot.keyClick(_focused(), Qt.Key(Qt.Key.Key_0 + number), CTRL)
        assert window.tabs.currentWidget().objectName() == tab
        focused = _focused()
        assert isinstance(focused, QAbstractItemView), (tab, focused)
        assert focused.objectName() == view


def test_a_click_on_a_tab_does_the_same(qtbot: QtBot, window: MainWindow) -> None:
    _active(qtbot, window)
    bar = window.tabs.tabBar()
    for index, view in enumerate(MAIN_VIEWS.values()):
        centre = bar.tabRect(index).center()
        qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=QPoint(centre))
        assert _focused().objectName() == view


def test_ctrl_number_then_ctrl_n_creates_in_that_page(qtbot: QtBot, window: MainWindow) -> None:
    _active(qtbot, window)
    counts = {
        "goalsTab": lambda: window.tab_page("goalsTab").model.total(),
        "journalTab": lambda: window.tab_page("journalTab").model.total(),
        "networkTab": lambda: window.tab_page("networkTab").model.total(),
    }
    for tab, count in counts.items():
        number = list(MAIN_VIEWS).index(tab) + 1
        qtbot.keyClick(_focused(), Qt.Key(Qt.Key.Key_0 + number), CTRL)
        before = count()
        qtbot.keyClick(_focused(), Qt.Key.Key_N, CTRL)
        assert count() == before + 1, tab
        assert window.tab_page(tab).isAncestorOf(_focused())  # typing goes into the new one


def test_ctrl_2_then_ctrl_n_starts_an_assessment(qtbot: QtBot, window: MainWindow) -> None:
    _active(qtbot, window)
    page = window.tab_page("assessmentTab")
    qtbot.keyClick(_focused(), Qt.Key.Key_2, CTRL)
    has_draft = page.service.latest_draft() is not None
    if has_draft:  # asked first: go on with the draft (the default button)
        when_modal(qtbot, lambda box: box.defaultButton().click())  # type: ignore[attr-defined]
    qtbot.keyClick(_focused(), Qt.Key.Key_N, CTRL)
    assert page.wizard is not None
    assert page.wizard.isVisible()
    page.wizard.reject()


def test_the_network_tabs_first_tab_stop_is_its_search_box(
    qtbot: QtBot, window: MainWindow
) -> None:
    _active(qtbot, window)
    window.show_tab("networkTab")
    window.tabs.tabBar().setFocus()
    qtbot.keyClick(window.tabs.tabBar(), Qt.Key.Key_Tab)
    assert _focused().objectName() == "contactsSearch"
    order = []
    for _ in range(8):
        qtbot.keyClick(_focused(), Qt.Key.Key_Tab)
        order.append(_focused().objectName())
    assert order[:3] == ["contactsTagFilter", "dueFilter", "followUpsFilter"]
    assert order.index("contactsTable") > order.index("exportContacts")


def test_the_contacts_filters_step_aside_for_the_events(window: MainWindow) -> None:
    page = window.tab_page("networkTab")
    window.show_tab("networkTab")
    assert page.search.isVisible()
    page.show_events()
    assert not page.search.isVisible()
    assert not page.due.isVisible()
    window.find_in_tab()  # Ctrl+F: back to the contacts, in their search box
    assert page.search.isVisible()
    assert QApplication.focusWidget() is page.search
