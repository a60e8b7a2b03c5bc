"""Every control the keyboard can reach has a name a screen reader can say: its own text, its
label (a buddy), or an accessible name. Every window, tab and dialog is walked."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from tests.gui.window_walk import WalkEverything


def spoken_name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name).strip() if interface is not None else ""


def nameless(top: QWidget, where: str) -> list[str]:
    """The focusable controls on screen in `top` that have no spoken name."""
    found = []
    for widget in [top, *top.findChildren(QWidget)]:
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus or not widget.isVisible():
            continue
        if widget.window() is not top or widget.focusProxy() is not None:
            continue  # a proxy's focus goes to (and is named by) the widget it stands for
        if not spoken_name(widget):
            found.append(f"{where}: {type(widget).__name__} {widget.objectName()!r}")
    return sorted(set(found))


def test_every_focusable_control_has_a_name(walk_everything: WalkEverything) -> None:
    assert walk_everything(nameless) == []


def test_the_audit_sees_a_nameless_box(qtbot: QtBot) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    box = QLineEdit(host)
    host.show()
    assert nameless(host, "here") == ["here: QLineEdit ''"]
    box.setAccessibleName("Search")
    assert nameless(host, "here") == []
