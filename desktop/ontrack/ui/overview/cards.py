"""The Overview's side cards: the latest assessment in brief (a small profile chart, the top
strength and opportunity, and a nudge), and this month in three numbers."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.agenda import MonthSummary
from ...domain.dates import MONTH_NAMES, written
from ...services.agenda import AssessmentSnapshot
from ..assessment.profile_chart import ProfileChart
from ..look import accent, heading_font, mute


def card_frame(title: str) -> tuple[QFrame, QVBoxLayout]:
    """A white panel with a bold title, the shape every Overview card shares."""
    frame = QFrame()
    frame.setFrameShape(QFrame.Shape.StyledPanel)
    frame.setAutoFillBackground(True)
    frame.setBackgroundRole(QPalette.ColorRole.Base)
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(16, 12, 16, 14)
    layout.setSpacing(6)
    heading = QLabel(title)
    heading.setFont(heading_font(heading.font(), 1.15))
    layout.addWidget(heading)
    return frame, layout


def _plain(text: str = "", wrap: bool = True) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    return label


class AssessmentCard(QWidget):
    """The latest finished assessment: chart, strength, opportunity; or the way to one."""

    def __init__(self, start_assessment: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.frame, layout = card_frame("Your profile")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.frame)

        self.taken = _plain()
        mute(self.taken)
        self.chart = ProfileChart(compact=True)
        self.chart.setMinimumHeight(150)
        self.strength = _plain()
        self.opportunity = _plain()
        self.nudge = _plain()
        self.button = QPushButton()
        self.button.clicked.connect(start_assessment)
        button_row = QHBoxLayout()
        button_row.addWidget(self.button)
        button_row.addStretch(1)

        layout.addWidget(self.taken)
        layout.addWidget(self.chart, 1)
        layout.addWidget(self.strength)
        layout.addWidget(self.opportunity)
        layout.addWidget(self.nudge)
        layout.addLayout(button_row)

    def show_snapshot(self, snapshot: AssessmentSnapshot) -> None:
        latest = snapshot.assessment
        self.chart.setVisible(latest is not None)
        self.taken.setVisible(latest is not None)
        self.strength.setVisible(latest is not None)
        self.opportunity.setVisible(latest is not None)
        if latest is not None:
            day = latest.taken_on
            self.taken.setText(f"Assessment of {written(day)}")
            self.chart.set_profile(snapshot.scores)
            self.strength.setText(
                f"Top strength: {snapshot.strength.name}"
                if snapshot.strength
                else "Top strength: none in the strength band yet"
            )
            self.opportunity.setText(
                f"Top opportunity: {snapshot.opportunity.name}"
                if snapshot.opportunity
                else "Top opportunity: none (every factor is a strength)"
            )
            tip = (
                snapshot.opportunity.tips[0]
                if snapshot.opportunity and snapshot.opportunity.tips
                else ""
            )
            self.opportunity.setToolTip(f"Tip to start now: {tip}" if tip else "")
        self.nudge.setText(snapshot.nudge)
        self.nudge.setVisible(bool(snapshot.nudge))
        # Mnemonics clear of the menus' (File, Edit, View, Tools, Help) and the tabs'.
        if snapshot.has_draft:
            self.button.setText("Finish the a&ssessment")
        elif latest is None:
            self.button.setText("Ta&ke the assessment")
        else:
            self.button.setText("Retake the a&ssessment")
        self.button.setToolTip("Opens the assessment wizard in the Assessment tab")


class MonthCard(QWidget):
    """Steps done, feedback recorded and people met since the first of the month."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.frame, layout = card_frame("This month")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.frame)
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(2)
        self.numbers: list[QLabel] = []
        self.words: list[QLabel] = []
        for column in range(3):
            number = QLabel("0")
            number.setFont(heading_font(number.font(), 1.8))
            palette = number.palette()
            palette.setColor(QPalette.ColorRole.WindowText, accent(palette))
            number.setPalette(palette)
            word = _plain()
            mute(word)
            grid.addWidget(number, 0, column)
            grid.addWidget(word, 1, column)
            self.numbers.append(number)
            self.words.append(word)
        layout.addLayout(grid)

    def show_month(self, month: MonthSummary) -> None:
        heading = self.frame.findChild(QLabel)
        if heading is not None:
            heading.setText(f"This month ({MONTH_NAMES[month.first_day.month - 1]})")
        values = (
            (month.steps_done, "step done", "steps done"),
            (month.feedback_recorded, "feedback recorded", "feedback recorded"),
            (month.people_met, "person met", "people met"),
        )
        for (value, one, many), number, word in zip(values, self.numbers, self.words, strict=True):
            number.setText(f"{value:,}")
            word.setText(one if value == 1 else many)
