"""Tab follows reading order in every window, tab and dialog (see tab_order)."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from tests.gui.tab_order import jumps
from tests.gui.window_walk import WalkEverything

# The Network tab starts in its search box and its filters, then goes up to the buttons of
# its heading (New contact, Import…, Export): searching is what a person comes for most.
ON_PURPOSE = {"networkTab: Tab goes from QPushButton 'Follow-&ups due (0)' back to "
              "QPushButton 'New contact'"}  # fmt: skip


def _jumps(top: QWidget, where: str) -> list[str]:
    return [f"{where}: {jump}" for jump in jumps(top)]


def test_tab_follows_reading_order_everywhere(walk_everything: WalkEverything) -> None:
    found = walk_everything(_jumps)
    assert set(found) - ON_PURPOSE == set()


def test_the_audit_sees_tab_going_back_up(qtbot: QtBot) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    top, middle, bottom = QLineEdit(host), QLineEdit(host), QPushButton("Below", host)
    for row, widget in enumerate((top, middle, bottom)):
        widget.setGeometry(10, 10 + 40 * row, 100, 20)
    host.show()
    assert jumps(host) == []
    QWidget.setTabOrder(top, bottom)  # top, bottom, then back up to the middle
    QWidget.setTabOrder(bottom, middle)
    assert jumps(host) == ["Tab goes from QPushButton 'Below' back to QLineEdit ''"]
