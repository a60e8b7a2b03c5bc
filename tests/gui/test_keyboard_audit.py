"""No key does two things: every window, tab and dialog walked, no mnemonic used twice and
no shortcut bound twice where both would work (see keyboard_audit)."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QWidget
from pytestqt.qtbot import QtBot

from tests.gui.keyboard_audit import clashes, mnemonic
from tests.gui.window_walk import WalkEverything


def _clashes(top: QWidget, where: str) -> list[str]:
    return [f"{where}: {clash}" for clash in clashes(top)]


def test_no_key_is_bound_twice_anywhere(walk_everything: WalkEverything) -> None:
    assert walk_everything(_clashes) == []


def test_the_audit_sees_a_doubled_mnemonic(qtbot: QtBot) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    QPushButton("&Next", host).move(0, 0)
    QPushButton("Your &name", host).move(0, 40)
    host.show()
    assert mnemonic("Save && &close") == "Alt+C"
    assert len(clashes(host)) == 1
