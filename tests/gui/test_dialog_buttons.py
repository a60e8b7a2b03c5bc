"""Dialog buttons look alike: with OnTrack's style, neither a dialog's standard buttons
(Close, Cancel) nor its own ("Continue it") carry an icon, whatever the platform's theme."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QMessageBox,
    QProxyStyle,
    QStyle,
    QStyleFactory,
)
from pytestqt.qtbot import QtBot

from ontrack.ui.look import plain_dialog_style
from ontrack.ui.plain_style import PlainDialogButtons

HINT = QStyle.StyleHint.SH_DialogButtonBox_ButtonsHaveIcons


@pytest.fixture
def plain(qapp: QApplication) -> Iterator[QStyle]:
    before = qapp.style().name()
    style = PlainDialogButtons()
    qapp.setStyle(style)
    yield style
    qapp.setStyle(before)


def test_no_dialog_button_has_an_icon(plain: QStyle, qtbot: QtBot) -> None:
    assert plain.styleHint(HINT) == 0
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    qtbot.addWidget(box)
    message = QMessageBox(QMessageBox.Icon.Question, "Go on?", "Go on?")
    qtbot.addWidget(message)
    message.addButton(QMessageBox.StandardButton.Cancel)
    message.addButton("&Continue it", QMessageBox.ButtonRole.AcceptRole)
    buttons = [*box.buttons(), *message.buttons()]
    assert [b.icon().isNull() for b in buttons] == [True] * len(buttons)


class IconButtonsStyle(QProxyStyle):
    """A theme's style that puts icons on dialog buttons (as some Linux desktops' do)."""

    def styleHint(self, hint: QStyle.StyleHint, *args: Any) -> int:
        if hint == HINT:
            return 1
        return int(super().styleHint(hint, *args))


def test_a_style_with_icons_on_dialog_buttons_is_replaced(qapp: QApplication) -> None:
    plain = plain_dialog_style(IconButtonsStyle("fusion"))
    assert isinstance(plain, PlainDialogButtons)
    assert plain.styleHint(HINT) == 0


def test_a_style_without_them_is_kept(qapp: QApplication) -> None:
    fusion = QStyleFactory.create("fusion")
    assert fusion.styleHint(HINT) == 0
    assert plain_dialog_style(fusion) is None  # no style in Python answering every question
