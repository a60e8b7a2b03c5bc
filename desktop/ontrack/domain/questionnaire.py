"""A questionnaire sent to a rater and what comes back: field names, the form's key, and
turning the fields a reader saved into ratings, tolerantly.

The form has one separately named check box per statement and scale point (`people-1=4`,
and `people-1=0` for "Can't say"), a text box per factor (`comment-people`) and one at the
end (`comment-general`), a hidden text field `ontrack-form` holding the form version,
the assessment id and the rater id, and, when the person asked for it, a check box
`consent-by-name` by which the rater agrees to be shown by name in a small group. Check
boxes, not radio buttons: readers are known to lose radio choices on save, while a named
check box survives every reader tried. No name has a period: in a PDF form a period
separates the parts of a field's full name.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .assessment import GENERAL_COMMENT, MAX_RATING, MIN_RATING, Answer
from .content import Content

FORM_VERSION = 1
KEY_FIELD = "ontrack-form"
CONSENT_FIELD = "consent-by-name"
CANT_SAY = 0
"""The box value of "Can't say": no answer, never a rating."""
_KEY_PREFIX = "ontrack-questionnaire"
_TICKED = {"yes", "on", "true", "1", "x", "checked"}


class NotAQuestionnaireError(ValueError):
    """The file is not an OnTrack questionnaire (or its key was damaged)."""


def form_key(assessment_id: str, rater_id: str) -> str:
    return f"{_KEY_PREFIX}/{FORM_VERSION};{assessment_id};{rater_id}"


def parse_form_key(value: str) -> tuple[str, str]:
    """(assessment id, rater id) from the hidden field; NotAQuestionnaireError if unreadable."""
    head, _, rest = value.strip().partition(";")
    prefix, _, version = head.partition("/")
    assessment_id, _, rater_id = rest.partition(";")
    if prefix != _KEY_PREFIX or not assessment_id or not rater_id:
        raise NotAQuestionnaireError("its OnTrack key is missing or damaged")
    if version != str(FORM_VERSION):
        raise NotAQuestionnaireError(
            f"it is a version {version} questionnaire; this OnTrack reads version {FORM_VERSION}"
        )
    return assessment_id, rater_id


def box_name(statement_id: str, point: int) -> str:
    return f"{statement_id.replace('.', '-')}={point}"


def comment_name(topic: str) -> str:
    return f"comment-{topic}"


def is_ticked(value: object) -> bool:
    """Whether a check box value (its /V or /AS, as a reader saved it) means ticked."""
    if value is None:
        return False
    text = str(value).strip().lstrip("/").lower()
    return text in _TICKED


@dataclass(frozen=True, slots=True)
class FormAnswers:
    """What a returned form says: ratings, "Can't say", statements answered twice over
    (several boxes ticked: unreadable), the rater's own words, and whether they ticked
    that they agree to be shown by name (only a form that asked has that box)."""

    answers: tuple[Answer, ...]
    cant_say: tuple[str, ...]
    unreadable: tuple[str, ...]
    comments: tuple[tuple[str, str], ...]
    consented: bool = False

    @property
    def is_empty(self) -> bool:
        return not self.answers and not any(text.strip() for _, text in self.comments)


def read_boxes(content: Content, ticked: set[str], texts: Mapping[str, str]) -> FormAnswers:
    """Ratings from the names of the ticked boxes and the comment boxes' text."""
    answers: list[Answer] = []
    cant_say: list[str] = []
    unreadable: list[str] = []
    for statement in content.statements:
        points = [p for p in range(CANT_SAY, MAX_RATING + 1) if box_name(statement.id, p) in ticked]
        if len(points) > 1:
            unreadable.append(statement.id)
        elif points == [CANT_SAY]:
            cant_say.append(statement.id)
        elif points and MIN_RATING <= points[0] <= MAX_RATING:
            answers.append(Answer(statement.id, points[0]))
    comments = []
    for topic in (*(fc.factor.value for fc in content.factors), GENERAL_COMMENT):
        text = texts.get(comment_name(topic), "")
        if text.strip():  # kept exactly as written, spaces and all
            comments.append((topic, text))
    consented = CONSENT_FIELD in ticked
    return FormAnswers(
        tuple(answers), tuple(cant_say), tuple(unreadable), tuple(comments), consented
    )
