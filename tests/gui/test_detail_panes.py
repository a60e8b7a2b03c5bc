"""Detail panes scroll up and down, never sideways: in the goal, journal entry, contact and
event panes, what the pane holds is never wider than the pane shows (nothing cut, no
horizontal bar), at 1280×800 and in a narrower window."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QScrollArea
from pytestqt.qtbot import QtBot

from ontrack.ui.main_window import MainWindow


def _too_wide(scroll: QScrollArea) -> str | None:
    content = scroll.widget()
    if content is None:
        return None
    if scroll.horizontalScrollBar().isVisible():
        return "scrolls sideways"
    if content.width() > scroll.viewport().width():
        return f"holds {content.width()} px in {scroll.viewport().width()} px"
    return None


@pytest.mark.parametrize("size", [(1280, 800), (1000, 700)])
def test_no_detail_pane_scrolls_sideways(
    qtbot: QtBot, window: MainWindow, size: tuple[int, int]
) -> None:
    window.resize(*size)
    found = []
    window.load_all_tabs()
    network = window.tab_page("networkTab")
    for tab in ("goalsTab", "journalTab", "networkTab", "events"):
        if tab == "events":
            window.show_tab("networkTab")
            network.show_events()
        else:
            window.show_tab(tab)
        qtbot.wait(20)  # layouts settle on the next turns of the event loop
        for scroll in window.findChildren(QScrollArea):
            if scroll.isVisible() and (problem := _too_wide(scroll)):
                found.append(f"{tab}: {scroll.objectName() or type(scroll).__name__} {problem}")
    assert found == []


def test_a_long_name_ends_in_an_ellipsis_and_widens_nothing(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.resize(1280, 800)
    network = window.tab_page("networkTab")
    window.show_tab("networkTab")
    long_name = "Maximiliane-Konstantina " * 12 + "von Hohenzollern-Sigmaringen"
    network.new_contact()
    contact = network.pane.contact
    assert contact is not None
    network.pane.name.setText(long_name)
    network.pane.name.editingFinished.emit()
    qtbot.wait(20)
    title = network.pane.title
    assert title.text() == long_name  # kept whole: in its tooltip too
    assert long_name in title.toolTip()
    assert title.shown_text().endswith("…")
    scroll = next(s for s in window.findChildren(QScrollArea) if s.isAncestorOf(title))
    assert _too_wide(scroll) is None


def test_a_long_goal_title_elides_until_it_is_edited(qtbot: QtBot, window: MainWindow) -> None:
    window.resize(1280, 800)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    goals = window.tab_page("goalsTab")
    window.show_tab("goalsTab")
    title = goals.detail.title_edit
    long_title = "Hold five informational interviews with engineering managers " * 3
    title.setText(long_title)
    assert not title.hasFocus()
    assert title.shown_text().endswith("…")
    assert long_title.strip() in title.toolTip()
    title.setFocus()
    qtbot.waitUntil(title.hasFocus)
    assert title.shown_text() == long_title  # being edited: all of it, as typed
