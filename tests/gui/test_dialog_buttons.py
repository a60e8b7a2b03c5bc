"""Dialog buttons look alike: with OnTrack's style, neither a dialog's standard buttons
(Close, Cancel) nor its own ("Continue it") carry an icon, whatever the platform's theme."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox, QStyle
from pytestqt.qtbot import QtBot

from ontrack.ui.look import PlainDialogButtons


@pytest.fixture
def plain(qapp: QApplication) -> Iterator[QStyle]:
    before = qapp.style().name()
    style = PlainDialogButtons()
    qapp.setStyle(style)
    yield style
    qapp.setStyle(before)


def test_no_dialog_button_has_an_icon(plain: QStyle, qtbot: QtBot) -> None:
    hint = QStyle.StyleHint.SH_DialogButtonBox_ButtonsHaveIcons
    assert plain.styleHint(hint) == 0
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    qtbot.addWidget(box)
    message = QMessageBox(QMessageBox.Icon.Question, "Go on?", "Go on?")
    qtbot.addWidget(message)
    message.addButton(QMessageBox.StandardButton.Cancel)
    message.addButton("&Continue it", QMessageBox.ButtonRole.AcceptRole)
    buttons = [*box.buttons(), *message.buttons()]
    assert [b.icon().isNull() for b in buttons] == [True] * len(buttons)
