"""The "How others see you" card: who was asked and who answered, each manager and each
group as the anonymity rules allow (`domain.rater_groups`), their comments shuffled and
unattributed (a rater of a small group who agreed is shown by name, saying so), long
comments cut with a way to read them whole (`comment_view`), and the blind spots and
hidden strengths from what may be shown."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from ...domain.assessment import Assessment, NameConsent, Rater
from ...domain.content import Content
from ...domain.enums import Factor
from ...domain.rater_groups import group_views
from ...domain.scoring import Scores, blind_spots, hidden_strengths, unanswered
from ..look import mute
from ..paged_model import format_date
from ..plain_text import literal_tooltip
from .cards import card as _card
from .cards import label as _label
from .comment_view import comment_widget


def _plain(text: str) -> QLabel:
    label = _label(text)
    label.setTextFormat(Qt.TextFormat.PlainText)  # a rater's words are never markup
    return label


def _status(content: Content, rater: Rater) -> tuple[str, int]:
    total = len(content.statements)
    missing = len(unanswered(content, rater.answers))
    text = f"{rater.name} ({rater.relationship.label.lower()})"
    if rater.returned_on is not None:
        text += f": answered {format_date(rater.returned_on)}"
    elif rater.asked_on is not None and not rater.answers:
        text += f": asked {format_date(rater.asked_on)}, not back yet"
    elif missing:
        text += f": {total - missing} of {total} rated"
    if rater.consent is NameConsent.GIVEN:
        text += "; agreed to be shown by name"
    elif rater.consent is NameConsent.ASKED:
        answered = rater.returned_on is not None
        text += (
            "; did not agree to be shown by name" if answered else "; asked to agree to be named"
        )
    return text, missing


def _rater_row(
    content: Content,
    index: int,
    rater: Rater,
    on_continue: Callable[[int], None],
    on_remove: Callable[[int], None],
) -> QHBoxLayout:
    """Who was asked or typed in, how far they got, and Continue (typed in) and Remove."""
    row = QHBoxLayout()
    text, missing = _status(content, rater)
    row.addWidget(_plain(text), 1)
    if missing and not rater.id:  # typed in by hand: carry on typing
        more = QPushButton("Continue…", objectName=f"continueRater{index}")
        more.setToolTip(literal_tooltip(f"Enter the rest of {rater.name}'s ratings"))
        more.clicked.connect(lambda _=False, i=index: on_continue(i))
        row.addWidget(more)
    drop = QPushButton("Remove", objectName=f"removeRater{index}")
    drop.setToolTip(
        literal_tooltip(f"Remove {rater.name}'s ratings (Edit ▸ Undo brings them back)")
    )
    drop.clicked.connect(lambda _=False, i=index: on_remove(i))
    row.addWidget(drop)
    return row


def perception_card(
    content: Content,
    assessment: Assessment,
    own: Scores,
    others: Scores,
    on_continue: Callable[[int], None],
    on_remove: Callable[[int], None],
) -> QWidget:
    frame, layout = _card()
    frame.setObjectName("perceptionCard")
    layout.addWidget(_label("How others see you", bold=True))
    for index, rater in enumerate(assessment.raters):
        layout.addLayout(_rater_row(content, index, rater, on_continue, on_remove))
    for n, view in enumerate(group_views(content, assessment.raters, seed=assessment.id)):
        # Bold, so that whose words follow stands out from the words themselves.
        heading = _label(view.title, bold=True) if view.shown else _plain("")
        if not view.shown:
            heading.setText(f"{view.title}: {view.reason}")
            mute(heading)
        heading.setObjectName(f"raterGroup{n}")
        layout.addWidget(heading)
        for topic, words in view.comments:
            where = "General" if topic == "general" else Factor(topic).label
            layout.addWidget(comment_widget(words, where, f"groupComment{n}"))
    spots = blind_spots(own, others)
    hidden = hidden_strengths(own, others)
    spots_label = _label(
        "Blind spots (you rate yourself higher than others do, by more than a third of the "
        "scale): " + (", ".join(f.label for f in spots) if spots else "none")
    )
    spots_label.setObjectName("blindSpots")
    hidden_label = _label(
        "Hidden strengths (others rate you higher than you do, by more than a third of the "
        "scale): " + (", ".join(f.label for f in hidden) if hidden else "none")
    )
    hidden_label.setObjectName("hiddenStrengths")
    layout.addWidget(spots_label)
    layout.addWidget(hidden_label)
    if spots:
        hint = _label(
            "A blind spot is worth a conversation: ask one of them for an example, "
            "and listen without defending."
        )
        mute(hint)
        layout.addWidget(hint)
    return frame
