"""What a keyboard reaches in a window as it is on screen: its mnemonics (Alt+letter from
"&Name" on buttons, buddied labels, group boxes, tabs and the menu bar) and its shortcuts
(actions, QShortcuts, button shortcuts), each with the part of the window where it works.

Two bindings of one key clash when the parts where they work overlap, as Qt sees it: a
window-wide one clashes with any other in the window; a page's (WidgetWithChildren) with
any inside that page; a widget's own (WidgetShortcut) only with the same widget's. Qt then
does nothing for an ambiguous shortcut, or only cycles the focus for a doubled mnemonic.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QGroupBox,
    QLabel,
    QMenu,
    QMenuBar,
    QTabBar,
    QWidget,
)

Context = Qt.ShortcutContext


@dataclass(frozen=True)
class Binding:
    key: str
    reach: QWidget  # where it works
    whole: bool  # False: that widget only; True: it and everything inside it
    what: str
    source: int  # id of what binds it: one action added to a menu and a toolbar is one

    def overlaps(self, other: Binding) -> bool:
        if self.reach is other.reach:
            return True
        if self.whole and self.reach.isAncestorOf(other.reach):
            return True
        return other.whole and other.reach.isAncestorOf(self.reach)


def mnemonic(text: str) -> str | None:
    """'Alt+N' for '&Name' ('&&' is a literal ampersand)."""
    i = 0
    while i < len(text) - 1:
        if text[i] == "&":
            if text[i + 1] != "&":
                return f"Alt+{text[i + 1].upper()}"
            i += 1
        i += 1
    return None


def _portable(key: QKeySequence) -> str:
    return key.toString(QKeySequence.SequenceFormat.PortableText)


def _describe(widget: QWidget) -> str:
    name = widget.objectName() or type(widget).__name__
    return f"{type(widget).__name__} {name!r}"


def _in_menu_bar(menu: QMenu) -> bool:
    for action in menu.menuAction().associatedObjects():
        if isinstance(action, QMenuBar):
            return True
        if isinstance(action, QMenu) and _in_menu_bar(action):
            return True
    return False


def _mnemonics(top: QWidget, widget: QWidget) -> list[Binding]:
    texts: list[str] = []
    buddied = isinstance(widget, QLabel) and widget.buddy() is not None
    if isinstance(widget, QAbstractButton) or buddied:
        texts.append(widget.text())  # type: ignore[attr-defined]
    elif isinstance(widget, QGroupBox):
        texts.append(widget.title())
    elif isinstance(widget, QTabBar):
        texts += [widget.tabText(i) for i in range(widget.count()) if widget.isTabVisible(i)]
    elif isinstance(widget, QMenuBar):
        texts += [a.text() for a in widget.actions() if a.isVisible()]
    found = []
    for text in texts:
        key = mnemonic(text)
        if key:
            what = f"mnemonic of {text!r} ({_describe(widget)})"
            found.append(Binding(key, top, True, what, id(widget)))
    return found


def _action_bindings(top: QWidget, widget: QWidget) -> list[Binding]:
    found = []
    for action in widget.actions():
        if not isinstance(action, QAction) or not action.isVisible():
            continue
        if isinstance(widget, QMenu):
            if not _in_menu_bar(widget):
                continue  # a button's or a context menu: its keys count where it was added
            reach, whole = top, True
        else:
            context = action.shortcutContext()
            reach = widget.window() if context == Context.WindowShortcut else widget
            whole = context != Context.WidgetShortcut
        label = action.text().replace("&", "") or action.toolTip()
        for key in action.shortcuts():
            what = f"action {label!r} on {_describe(widget)}"
            found.append(Binding(_portable(key), reach, whole, what, id(action)))
    return found


def bindings(top: QWidget) -> list[Binding]:
    """Every key binding live in `top` as it is on screen now."""
    found: list[Binding] = []
    for widget in [top, *top.findChildren(QWidget)]:
        if isinstance(widget, QMenu):
            found += _action_bindings(top, widget)
            continue
        if not widget.isVisible() or widget.window() is not top:
            continue
        found += _mnemonics(top, widget)
        found += _action_bindings(top, widget)
        if isinstance(widget, QAbstractButton) and not widget.shortcut().isEmpty():
            key = _portable(widget.shortcut())
            if key != mnemonic(widget.text()):
                found.append(
                    Binding(key, top, True, f"shortcut of {_describe(widget)}", id(widget))
                )
    for shortcut in top.findChildren(QShortcut):
        parent = shortcut.parent()
        if not isinstance(parent, QWidget) or not parent.isVisible() or not shortcut.isEnabled():
            continue
        if parent.window() is not top:
            continue
        context = shortcut.context()
        reach = top if context == Context.WindowShortcut else parent
        what = f"QShortcut on {_describe(parent)}"
        for key in shortcut.keys():  # noqa: SIM118 (QShortcut.keys, not a dict)
            whole = context != Context.WidgetShortcut
            found.append(Binding(_portable(key), reach, whole, what, id(shortcut)))
    return [b for b in found if b.key]


def clashes(top: QWidget) -> list[str]:
    """Each key bound twice where both bindings work, in words."""
    by_key: dict[str, list[Binding]] = defaultdict(list)
    for binding in bindings(top):
        by_key[binding.key].append(binding)
    found = []
    for key, group in sorted(by_key.items()):
        for i, first in enumerate(group):
            for second in group[i + 1 :]:
                if first.source != second.source and first.overlaps(second):
                    found.append(f"{key}: {first.what} / {second.what}")
    return found
