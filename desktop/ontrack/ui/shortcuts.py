"""Help ▸ Keyboard shortcuts: every shortcut of the window, read from its actions, so the
list cannot go stale: the menus' actions, then each tab's own (its actions, QShortcuts
and buttons with a shortcut of their own). Loaded when first opened, never at start-up.

A tab's shortcuts exist once it is built and loaded; the list builds and loads every tab
first (the same as visiting each one).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMenu,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .. import APP_NAME

if TYPE_CHECKING:
    from .main_window import MainWindow

Shortcut = tuple[str, str]  # what it does, its keys


def keys_text(keys: Iterable[QKeySequence]) -> str:
    """'Ctrl+N or Ins', as people read them on this platform."""
    native = QKeySequence.SequenceFormat.NativeText
    return " or ".join(key.toString(native) for key in keys if not key.isEmpty())


def _what(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip(".…").strip()


def menu_rows(menu: QMenu) -> list[Shortcut]:
    rows = []
    for action in menu.actions():
        if action.menu() is not None:
            rows += menu_rows(action.menu())  # type: ignore[arg-type]
        elif action.shortcuts():
            rows.append((_what(action.text()), keys_text(action.shortcuts())))
    return rows


def widget_rows(root: QWidget) -> list[Shortcut]:
    """The shortcuts that work inside `root`: its widgets' actions, QShortcuts, buttons."""
    rows: list[Shortcut] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if isinstance(widget, QMenu):
            continue  # a button's menu: its actions are the page's too
        for action in widget.actions():
            if isinstance(action, QAction) and action.shortcuts():
                what = action.text()
                if len(_what(what)) < 3:  # a symbol ("↑") on its button: the tip says it
                    what = action.toolTip().split(" (")[0]
                rows.append((_what(what), keys_text(action.shortcuts())))
        if isinstance(widget, QAbstractButton) and not widget.shortcut().isEmpty():
            mnemonic = QKeySequence.mnemonic(widget.text())
            if widget.shortcut() != mnemonic:  # Alt+letter is underlined on the button
                what = widget.toolTip().split(" (")[0] or widget.text()
                rows.append((_what(what), keys_text([widget.shortcut()])))
    for shortcut in root.findChildren(QShortcut):
        if shortcut.whatsThis():
            rows.append((_what(shortcut.whatsThis()), keys_text(shortcut.keys())))
    return rows


def all_rows(window: MainWindow) -> list[tuple[str, list[Shortcut]]]:
    """The window's shortcuts by where they work: each menu, then each tab."""
    groups: list[tuple[str, list[Shortcut]]] = []
    for action in window.menuBar().actions():
        menu = action.menu()
        if isinstance(menu, QMenu):
            rows = menu_rows(menu)
            if rows:
                groups.append((f"{_what(action.text())} menu", rows))
    window.load_all_tabs()
    for index in range(window.tabs.count()):
        name = window.tabs.widget(index).objectName()
        rows = _merged(widget_rows(window.tab_page(name)))
        if rows:
            groups.append((f"{window.tabs.tabText(index)} tab", rows))
    return groups


def _merged(rows: list[Shortcut]) -> list[Shortcut]:
    """One row for each thing done, its keys together ('Ctrl+Return or Ctrl+Enter')."""
    keys: dict[str, list[str]] = {}
    for what, key in rows:
        if key not in keys.setdefault(what, []):
            keys[what].append(key)
    return [(what, " or ".join(listed)) for what, listed in keys.items()]


class ShortcutsDialog(QDialog):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(f"Keyboard shortcuts — {APP_NAME}")
        self.tree = QTreeWidget()
        self.tree.setObjectName("shortcutsList")
        self.tree.setAccessibleName("Keyboard shortcuts")
        self.tree.setHeaderLabels(["What it does", "Keys"])
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        for title, rows in all_rows(window):
            group = QTreeWidgetItem(self.tree, [title])
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            group.setFirstColumnSpanned(True)
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            for what, keys in rows:
                QTreeWidgetItem(group, [what, keys])
        self.tree.expandAll()
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        metrics = self.fontMetrics()
        self.resize(metrics.averageCharWidth() * 70, metrics.lineSpacing() * 36)

    def listed_keys(self) -> set[str]:
        """Every key listed, one by one ('Ctrl+N or Ins' is two)."""
        keys = set()
        for top in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(top)
            for row in range(group.childCount()):
                keys |= set(group.child(row).text(1).split(" or "))
        return keys


def show_shortcuts(window: MainWindow) -> None:
    dialog = ShortcutsDialog(window)
    dialog.exec()
    dialog.deleteLater()
