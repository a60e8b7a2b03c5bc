"""The on-screen profile chart: the shared geometry drawn with QPainter."""

from __future__ import annotations

from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from ontrack.domain.enums import Factor
from ontrack.ui.assessment.profile_chart import OVERLAY, ProfileChart, label_lines
from ontrack.ui.look import ACCENT


def test_long_labels_break_near_the_middle() -> None:
    assert label_lines("Teamwork") == ["Teamwork"]
    assert label_lines("Image and communication") == ["Image and", "communication"]
    assert label_lines("Working with authority") == ["Working with", "authority"]


def _colours(chart: ProfileChart) -> set[tuple[int, int, int]]:
    image = chart.grab().toImage()
    found = set()
    for x in range(0, image.width(), 2):
        for y in range(0, image.height(), 2):
            c = QColor(image.pixel(x, y))
            found.add((c.red(), c.green(), c.blue()))
    return found


def test_the_overlay_is_drawn_beside_the_profile(qtbot: QtBot) -> None:
    chart = ProfileChart()
    qtbot.addWidget(chart)
    chart.resize(520, 440)
    chart.set_profile(dict.fromkeys(Factor, 80.0), "Now")
    accent = (ACCENT.red(), ACCENT.green(), ACCENT.blue())
    overlay = (OVERLAY.red(), OVERLAY.green(), OVERLAY.blue())
    plain = _colours(chart)
    assert accent in plain
    assert overlay not in plain
    assert not chart.has_overlay
    chart.set_profile(dict.fromkeys(Factor, 80.0), "Now", dict.fromkeys(Factor, 40.0), "Then")
    assert chart.has_overlay
    assert overlay in _colours(chart)
    assert "Teamwork 80" in chart.toolTip()


def test_a_compact_chart_and_missing_scores_draw_without_labels(qtbot: QtBot) -> None:
    chart = ProfileChart(compact=True)
    qtbot.addWidget(chart)
    chart.resize(120, 120)
    chart.set_profile({Factor.PEOPLE: 100.0, Factor.VISION: None})
    assert chart.sizeHint().width() < 200
    assert not chart.grab().isNull()
