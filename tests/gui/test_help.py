"""Help inside the app: the guide (Help ▸ OnTrack guide, F1 at the tab's section) and the
list of keyboard shortcuts, read from the window's own actions."""

from __future__ import annotations

import subprocess
import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from ontrack.domain.content import load_content
from ontrack.files.resources import resource_path
from ontrack.ui.guide import TAB_SECTIONS, GuideWindow
from ontrack.ui.main_window import MainWindow
from ontrack.ui.shortcuts import ShortcutsDialog
from tests.gui.conftest import when_modal
from tests.gui.keyboard_audit import bindings


def _focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def test_f1_opens_the_guide_at_the_tabs_section(qtbot: QtBot, window: MainWindow) -> None:
    window.resize(1280, 800)
    for tab, section in TAB_SECTIONS.items():
        window.show_tab(tab)
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        qtbot.keyClick(_focused(), Qt.Key.Key_F1)
        guide = window.findChild(GuideWindow)
        assert guide is not None
        assert guide.isVisible()
        assert guide.section_on_top() == section, tab
    assert len(window.findChildren(GuideWindow)) == 1  # one guide, brought forward


def test_the_guide_names_the_eight_derailers_and_its_links_lead_somewhere(
    qtbot: QtBot,
) -> None:
    guide = GuideWindow()
    qtbot.addWidget(guide)
    text = guide.browser.toPlainText()
    factors = load_content(resource_path("content")).factors
    assert len(factors) == 8
    for factor in factors:
        assert f"{factor.name}." in text  # a paragraph of its own, opening with its name
    links = guide.browser.document().toMarkdown().count("](#")
    assert links >= 10
    markdown = resource_path("guide", "guide.md").read_text(encoding="utf-8")
    targets = {part.split(")")[0] for part in markdown.split("](#")[1:]}
    assert targets <= set(guide.sections)
    assert set(TAB_SECTIONS.values()) <= set(guide.sections)


def test_the_shortcut_list_has_every_shortcut_of_every_tab(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.load_all_tabs()
    bound: set[str] = set()
    for name in window.pages:  # what each tab binds, as the keyboard audit sees it
        window.show_tab(name)
        native = QKeySequence.SequenceFormat.NativeText
        bound |= {
            QKeySequence(b.key).toString(native)
            for b in bindings(window)
            if not b.what.startswith("mnemonic")
        }
    listed: list[set[str]] = []
    when_modal(qtbot, lambda d: (listed.append(d.listed_keys()), d.reject()))  # type: ignore[attr-defined]
    window.shortcuts_action.trigger()
    assert listed
    assert bound - listed[0] == set()
    assert {"Ctrl+N", "Ctrl+1", "F1", "Ctrl+Z", "Ctrl+L", "Ctrl+K"} <= listed[0]


def test_the_dialog_reads_the_actions_so_a_new_one_appears(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.tab_page("goalsTab").new_action.setShortcuts([QKeySequence("Ctrl+Alt+G")])
    dialog = ShortcutsDialog(window)
    qtbot.addWidget(dialog)
    assert "Ctrl+Alt+G" in dialog.listed_keys()


def test_start_up_loads_neither_the_guide_nor_the_shortcut_list() -> None:
    script = "import ontrack.app, sys; print('\\n'.join(sys.modules))"
    loaded = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout.split()
    assert "ontrack.ui.guide" not in loaded
    assert "ontrack.ui.shortcuts" not in loaded
