"""The first-run welcome: what OnTrack is, in three sentences, and three ways to start."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ..look import heading_font, mute
from ..words import ASSESSMENT_PARTS, ASSESSMENT_TIME
from .cards import card_frame

INTRODUCTION = (
    "OnTrack helps you grow the habits that keep capable people moving in their careers: "
    "noticing people, working with others, communicating well, seeking feedback, keeping "
    "your network warm and setting clear goals. "
    "Take a short assessment to see where you stand, turn what you learn into SMART goals, "
    "and keep a journal of the feedback you get and the people you meet. "
    "Everything stays in one file on this computer and is never sent anywhere."
)


# How the parts connect, under the three ways to start (the guide says it at length).
ROUTE = (
    ("Assessment", "See which of the eight habits could hold you back."),
    ("Goals", "Turn an opportunity into a SMART goal with steps and a deadline."),
    ("Journal", "Record feedback, reflect on it, and follow up on what you changed."),
    ("Network", "Keep the people who can open doors within reach."),
    ("Report", "Print your progress to review alone or with a coach."),
)


class WelcomePage(QWidget):
    def __init__(
        self,
        start_assessment: Callable[[], None],
        import_contacts: Callable[[], None],
        import_file: Callable[[], None],
        explore_sample: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("overviewWelcome")
        title = QLabel("Welcome to OnTrack")
        title.setFont(heading_font(title.font(), 2.0))
        intro = QLabel(INTRODUCTION)
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setFont(heading_font(intro.font(), 1.1, bold=False))
        intro.setMaximumWidth(820)

        self.assessment_button = QPushButton("Ta&ke the assessment")
        self.assessment_button.clicked.connect(start_assessment)
        self.contacts_button = QPushButton("Import &contacts…")
        self.contacts_button.setToolTip("A LinkedIn connections export (CSV) or vCards (.vcf)")
        self.contacts_button.clicked.connect(import_contacts)
        self.file_button = QPushButton("Import an OnTrack f&ile…")
        self.file_button.setToolTip("An OnTrack export (.json), for example from another computer")
        self.file_button.clicked.connect(import_file)
        self.sample_button = QPushButton("Explore &sample data")
        self.sample_button.setToolTip(
            "Opens a separate file full of sample data; your own file stays empty and clean"
        )
        self.sample_button.clicked.connect(explore_sample)

        starts = QHBoxLayout()
        starts.setSpacing(14)
        starts.addWidget(
            _start(
                "1  Know where you stand",
                f"Rate yourself: {ASSESSMENT_PARTS}, about your skills, feedback and "
                f"learning. It takes {ASSESSMENT_TIME}.",
                [self.assessment_button],
            )
        )
        starts.addWidget(
            _start(
                "2  Bring what you have",
                "Bring in your LinkedIn connections or address book, or an OnTrack file "
                "you exported before.",
                [self.contacts_button, self.file_button],
            )
        )
        starts.addWidget(
            _start(
                "3  Look around first",
                "See OnTrack with a year of sample goals, feedback and contacts, in a file of "
                "its own. You can come back to yours at any time.",
                [self.sample_button],
            )
        )

        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 24, 40, 24)
        layout.setSpacing(14)
        layout.addStretch(1)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addSpacing(12)
        layout.addLayout(starts)
        layout.addSpacing(20)
        layout.addWidget(_route())
        layout.addStretch(1)
        self.setFocusProxy(self.assessment_button)


def _route() -> QWidget:
    """Assessment → Goals → Journal → Network → Report, a line of words under each."""
    row = QHBoxLayout()
    row.setSpacing(10)
    heading = QLabel("How it fits together")
    heading.setFont(heading_font(heading.font(), 1.1))
    column = QVBoxLayout()
    column.addWidget(heading)
    column.addLayout(row)
    outer = QWidget()
    outer.setObjectName("welcomeRoute")
    outer.setLayout(column)
    column.setContentsMargins(24, 0, 24, 0)
    for number, (name, what) in enumerate(ROUTE):
        if number:
            arrow = QLabel("→")
            arrow.setFont(heading_font(arrow.font(), 1.4, bold=False))
            mute(arrow)
            row.addWidget(arrow, 0, Qt.AlignmentFlag.AlignTop)
        step = QLabel(f"{name}\n{what}")
        step.setTextFormat(Qt.TextFormat.PlainText)
        step.setWordWrap(True)
        step.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        row.addWidget(step, 1)
    return outer


def _start(title: str, text: str, buttons: list[QPushButton]) -> QWidget:
    frame, layout = card_frame(title)
    frame.setMaximumWidth(360)
    frame.setMinimumHeight(170)
    words = QLabel(text)
    words.setWordWrap(True)
    mute(words)
    layout.addWidget(words)
    layout.addStretch(1)
    for button in buttons:
        row = QHBoxLayout()
        row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
    return frame
