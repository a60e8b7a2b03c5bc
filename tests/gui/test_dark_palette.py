"""A dark system palette: OnTrack's own colours (muted text, the attention colour and row
background, the accent) follow it, so nothing light sits on a dark background and no text
is too dark to read on it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from ontrack.ui.look import accent, attention_background, attention_colour, mute, muted_text
from ontrack.ui.main_window import MainWindow
from ontrack.ui.roles import ATTENTION_ROLE


def _dark() -> QPalette:
    palette = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, "#2b2b2b"), (QPalette.ColorRole.WindowText, "#e6e6e6"),
        (QPalette.ColorRole.Base, "#1f1f1f"), (QPalette.ColorRole.Text, "#e6e6e6"),
        (QPalette.ColorRole.Button, "#353535"), (QPalette.ColorRole.ButtonText, "#e6e6e6"),
    ):  # fmt: skip
        palette.setColor(role, QColor(colour))
    return palette


@pytest.fixture
def dark(qapp: QApplication) -> Iterator[QPalette]:
    before = qapp.palette()
    qapp.setPalette(_dark())
    yield qapp.palette()
    qapp.setPalette(before)


def _readable_on(text: QColor, back: QColor) -> bool:
    return abs(text.lightness() - back.lightness()) >= 90


def test_our_colours_follow_a_dark_palette(dark: QPalette) -> None:
    back = dark.color(QPalette.ColorRole.Base)
    for colour in (muted_text(dark), attention_colour(dark), accent(dark)):
        assert _readable_on(colour, back), colour.name()
    assert attention_background(dark).lightness() < 110  # a dark amber, not a light one
    assert _readable_on(dark.color(QPalette.ColorRole.Text), attention_background(dark))
    label = QLabel("secondary")
    mute(label)
    assert _readable_on(label.palette().color(QPalette.ColorRole.WindowText), back)


def test_the_windows_lists_use_them(dark: QPalette, window: MainWindow, qtbot: QtBot) -> None:
    network = window.tab_page("networkTab")
    window.show_tab("networkTab")
    model = network.model
    flagged = next(r for r in range(model.rowCount()) if model.index(r, 0).data(ATTENTION_ROLE))
    background = model.index(flagged, 0).data(Qt.ItemDataRole.BackgroundRole)
    assert background.lightness() < 110
    goals = window.tab_page("goalsTab")
    window.show_tab("goalsTab")
    steps = goals.model.index(0, 1).data(Qt.ItemDataRole.ForegroundRole)
    assert _readable_on(steps, dark.color(QPalette.ColorRole.Base))
