"""The guidance cards of the results: the move being made, a strength, an opportunity
(with "Make this a goal"), and the reflections shown back. All text is plain text."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QMenu, QToolButton, QVBoxLayout

from ...domain.assessment import Reflections
from ...domain.content import Content, FactorContent, Transition
from ...domain.scoring import band, rounded
from ..look import heading_font, mute


def label(text: str = "", *, bold: bool = False, scale: float = 1.0) -> QLabel:
    shown = QLabel(text)
    shown.setTextFormat(Qt.TextFormat.PlainText)
    shown.setWordWrap(True)
    if bold or scale != 1.0:
        shown.setFont(heading_font(shown.font(), scale, bold=bold))
    return shown


def card(name: str = "") -> tuple[QFrame, QVBoxLayout]:
    frame = QFrame()
    frame.setObjectName(name)
    frame.setFrameShape(QFrame.Shape.StyledPanel)
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(12, 10, 12, 10)
    layout.setSpacing(6)
    return frame, layout


def _bullets(lines: tuple[str, ...]) -> QLabel:
    return label("\n".join(f"•  {line}" for line in lines))


def transition_card(content: Content, transition: Transition) -> QFrame:
    frame, layout = card("transitionCard")
    layout.addWidget(label(f"Your move: {transition.title}", bold=True))
    layout.addWidget(label(transition.guidance))
    names = ", ".join(content.factor(f).name for f in transition.factors)
    layout.addWidget(label(f"The derailers that matter most in this move: {names}."))
    layout.addWidget(_bullets(transition.tips))
    return frame


def strength_card(fc: FactorContent, score: float) -> QFrame:
    frame, layout = card(f"strength_{fc.factor.value}")
    layout.addWidget(label(f"{fc.name} — {rounded(score)}", bold=True))
    layout.addWidget(label(fc.desired_behaviour))
    layout.addWidget(label("Keep it strong", bold=True))
    layout.addWidget(_bullets(fc.tips[:2]))
    return frame


def opportunity_card(
    fc: FactorContent, score: float, make_goal: Callable[[int], None]
) -> tuple[QFrame, QToolButton]:
    """The card, and its "Make this a goal" button (a click takes the first template,
    the arrow offers them all)."""
    frame, layout = card(f"opportunity_{fc.factor.value}")
    heading = QHBoxLayout()
    heading.addWidget(
        label(f"{fc.name} — {rounded(score)} ({band(score).label.lower()})", bold=True), 1
    )
    button = QToolButton(objectName=f"makeGoal_{fc.factor.value}")
    button.setText("Make this a goal")
    button.setToolTip(
        f"Create a goal for {fc.name.lower()} from a template: “{fc.goal_templates[0].title}” "
        "(the arrow offers the others); Edit ▸ Undo removes it"
    )
    button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    menu = QMenu(button)
    for n, template in enumerate(fc.goal_templates):
        action = QAction(template.title, menu)
        action.triggered.connect(lambda _=False, n=n: make_goal(n))
        menu.addAction(action)
    button.setMenu(menu)
    button.clicked.connect(lambda: make_goal(0))
    heading.addWidget(button)
    layout.addLayout(heading)
    derailing = label(fc.derailing)
    mute(derailing)
    layout.addWidget(derailing)
    layout.addWidget(label("What good looks like", bold=True))
    layout.addWidget(label(fc.desired_behaviour))
    layout.addWidget(label("Start this week", bold=True))
    layout.addWidget(_bullets(fc.tips))
    return frame, button


def reflections_card(content: Content, reflections: Reflections) -> QFrame | None:
    answered = [
        (q.prompt, getattr(reflections, q.id))
        for q in content.questions
        if getattr(reflections, q.id).strip()
    ]
    if not answered:
        return None
    frame, layout = card("reflectionsCard")
    for prompt, text in answered:
        layout.addWidget(label(prompt, bold=True))
        layout.addWidget(label(text))
    return frame
