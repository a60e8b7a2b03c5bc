"""The assessment and guidance content: its dataclasses and the loader of its TOML files.

OnTrack's words (factor descriptions, statements to rate, tips, goal templates,
questions, scale labels, transition guidance) live as data in `resources/content/`;
this module turns them into frozen dataclasses and refuses content that breaks the
schema described in that folder's README. The caller passes the directory, normally
`ontrack.files.resources.resource_path("content")`, and loads it once, when first needed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from .enums import Factor
from .toml_reader import At, Table, read_toml
from .toml_reader import ContentError as ContentError

STATEMENTS_PER_FACTOR = 5
MIN_STATEMENTS_PER_KEYING = 2
MIN_TIPS = 5
MIN_GOAL_TEMPLATES = 3
GOAL_STEPS = (3, 5)
MAX_GOAL_TITLE_LENGTH = 80
GOAL_WEEKS = (1, 52)
SCALE_POINTS = 5
TRANSITION_FACTORS = (2, 3)
MIN_TRANSITION_TIPS = 3
# Fixed: these are the keys of an assessment's reflections.
QUESTION_IDS = ("skills_enjoyed", "feedback_received", "learning_to_pursue", "notes")
_FACTOR_IDS = tuple(f.value for f in Factor)
_FACTOR_KEYS = [
    "id",
    "name",
    "summary",
    "derailing",
    "desired_behaviour",
    "statements",
    "tips",
    "goal_templates",
]


class Keyed(StrEnum):
    """Which way a statement points: agreeing with a strength is good, with a warning not."""

    STRENGTH = "strength"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Statement:
    """One statement to rate 1..5; `id` is `<factor>.<n>`."""

    id: str
    factor: Factor
    text: str
    keyed: Keyed
    observer: str = ""
    """The same statement as somebody else rates it ("Knows what …"), for questionnaires."""


@dataclass(frozen=True, slots=True)
class GoalTemplate:
    """A suggested SMART goal: title, why it matters, how to measure it, steps, weeks."""

    title: str
    why: str
    measure: str
    steps: tuple[str, ...]
    weeks: int


@dataclass(frozen=True, slots=True)
class FactorContent:
    """Everything OnTrack says about one derailer."""

    factor: Factor
    name: str
    summary: str
    derailing: str
    desired_behaviour: str
    statements: tuple[Statement, ...]
    tips: tuple[str, ...]
    goal_templates: tuple[GoalTemplate, ...]


@dataclass(frozen=True, slots=True)
class Question:
    """A self-assessment question; `id` is a key of the assessment's reflections."""

    id: str
    prompt: str
    hint: str


@dataclass(frozen=True, slots=True)
class Transition:
    """Guidance for a career transition and the derailers that matter most in it."""

    id: str
    title: str
    guidance: str
    factors: tuple[Factor, ...]
    tips: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Content:
    """All of the content, factors in canonical order, with lookups by id."""

    factors: tuple[FactorContent, ...]
    questions: tuple[Question, ...]
    scale_labels: tuple[str, ...]
    transitions: tuple[Transition, ...]
    observer_labels: tuple[str, ...] = ()
    """The scale as others rate the person ("Not like them" … "Very much like them")."""
    _by_factor: dict[Factor, FactorContent] = field(init=False, repr=False, compare=False)
    _by_statement: dict[str, Statement] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_factor", {fc.factor: fc for fc in self.factors})
        by_statement = {s.id: s for fc in self.factors for s in fc.statements}
        object.__setattr__(self, "_by_statement", by_statement)

    def factor(self, factor: Factor) -> FactorContent:
        """The content of one factor; KeyError if the content lacks it."""
        return self._by_factor[factor]

    @property
    def statements(self) -> tuple[Statement, ...]:
        """Every statement, factor by factor in canonical order."""
        return tuple(self._by_statement.values())

    def statement(self, statement_id: str) -> Statement:
        """The statement with this id; KeyError if there is none."""
        return self._by_statement[statement_id]

    def has_statement(self, statement_id: str) -> bool:
        return statement_id in self._by_statement

    def question(self, question_id: str) -> Question:
        """The question with this id; KeyError if there is none."""
        for question in self.questions:
            if question.id == question_id:
                return question
        raise KeyError(question_id)

    def transition(self, transition_id: str) -> Transition:
        """The transition with this id; KeyError if there is none."""
        for transition in self.transitions:
            if transition.id == transition_id:
                return transition
        raise KeyError(transition_id)

    def scale_label(self, rating: int) -> str:
        """The label of a rating, 1..len(scale_labels); ValueError outside the scale."""
        if not 1 <= rating <= len(self.scale_labels):
            raise ValueError(f"rating {rating} is outside 1..{len(self.scale_labels)}")
        return self.scale_labels[rating - 1]


CONTENT_FILES = ("factors.toml", "questions.toml", "transitions.toml")


def load_content(directory: Path) -> Content:
    """Read `factors.toml`, `questions.toml` and `transitions.toml` from `directory`.

    Raises ContentError, naming the file and the place in it, if a file is missing, is
    not valid TOML, or does not follow the schema.
    """
    return content_from(read_documents(directory))


def read_documents(directory: Path) -> dict[str, Table]:
    """The content files as parsed TOML, by file name (ContentError if one cannot be)."""
    return {name: read_toml(directory / name)[0] for name in CONTENT_FILES}


def content_from(documents: Mapping[str, Table]) -> Content:
    """The content in parsed TOML documents (by file name, as `read_documents` gives
    them); raises ContentError where they do not follow the schema."""
    factors_doc, at = documents["factors.toml"], At("factors.toml")
    factors = _factors(factors_doc, at)
    questions_doc, at = documents["questions.toml"], At("questions.toml")
    questions = _questions(questions_doc, at)
    scale_labels = _scale(questions_doc, at)
    observer_labels = _scale(questions_doc, at, "observer_labels")
    transitions_doc, at = documents["transitions.toml"], At("transitions.toml")
    transitions = _transitions(transitions_doc, at)
    return Content(factors, questions, scale_labels, transitions, observer_labels)


def _factors(doc: Table, at: At) -> tuple[FactorContent, ...]:
    at.keys(doc, required=("factors",))
    tables = at.tables(doc, "factors")
    canonical = list(_FACTOR_IDS)
    ids = [at.index("factors", i).text(t, "id") for i, t in enumerate(tables)]
    for i, factor_id in enumerate(ids):
        if factor_id not in canonical:
            raise at.index("factors", i).error(
                f"unknown factor {factor_id!r} (expected one of {', '.join(canonical)})"
            )
        if ids.index(factor_id) != i:
            raise at.index("factors", i).error(f"factor {factor_id!r} appears twice")
    missing = [f for f in canonical if f not in ids]
    if missing:
        raise at.error(f"factor {missing[0]!r} is missing")
    if ids != canonical:
        raise at.error(f"factors must be in the order {', '.join(canonical)}, not {', '.join(ids)}")
    return tuple(
        _factor(Factor(ids[i]), table, at.index("factors", i, ids[i]))
        for i, table in enumerate(tables)
    )


def _factor(factor: Factor, table: Table, at: At) -> FactorContent:
    at.keys(table, required=_FACTOR_KEYS)
    statements = at.tables(table, "statements")
    if len(statements) != STATEMENTS_PER_FACTOR:
        raise at.child("statements").error(
            f"needs exactly {STATEMENTS_PER_FACTOR} statements, found {len(statements)}"
        )
    parsed = tuple(
        _statement(factor, n, t, at.index("statements", n - 1))
        for n, t in enumerate(statements, start=1)
    )
    for keyed in Keyed:
        count = sum(1 for s in parsed if s.keyed is keyed)
        if count < MIN_STATEMENTS_PER_KEYING:
            raise at.child("statements").error(
                f"needs at least {MIN_STATEMENTS_PER_KEYING} statements keyed {keyed.value!r},"
                f" found {count}"
            )
    templates = at.tables(table, "goal_templates")
    if len(templates) < MIN_GOAL_TEMPLATES:
        raise at.child("goal_templates").error(
            f"needs at least {MIN_GOAL_TEMPLATES} goal templates, found {len(templates)}"
        )
    return FactorContent(
        factor=factor,
        name=at.text(table, "name"),
        summary=at.text(table, "summary"),
        derailing=at.text(table, "derailing"),
        desired_behaviour=at.text(table, "desired_behaviour"),
        statements=parsed,
        tips=at.texts(table, "tips", minimum=MIN_TIPS),
        goal_templates=tuple(
            _goal_template(t, at.index("goal_templates", i)) for i, t in enumerate(templates)
        ),
    )


def _statement(factor: Factor, n: int, table: Table, at: At) -> Statement:
    at.keys(table, required=("id", "text", "observer", "keyed"))
    expected = f"{factor.value}.{n}"
    statement_id = at.text(table, "id")
    if statement_id != expected:
        raise at.child("id").error(f"expected {expected!r}, found {statement_id!r}")
    keyed = at.choice(table, "keyed", [k.value for k in Keyed])
    return Statement(
        statement_id, factor, at.text(table, "text"), Keyed(keyed), at.text(table, "observer")
    )


def _goal_template(table: Table, at: At) -> GoalTemplate:
    at.keys(table, required=("title", "why", "measure", "steps", "weeks"))
    title = at.text(table, "title")
    if len(title) > MAX_GOAL_TITLE_LENGTH:
        raise at.child("title").error(
            f"is {len(title)} characters long, at most {MAX_GOAL_TITLE_LENGTH} allowed"
        )
    low, high = GOAL_STEPS
    return GoalTemplate(
        title=title,
        why=at.text(table, "why"),
        measure=at.text(table, "measure"),
        steps=at.texts(table, "steps", minimum=low, maximum=high),
        weeks=at.integer(table, "weeks", *GOAL_WEEKS),
    )


def _questions(doc: Table, at: At) -> tuple[Question, ...]:
    at.keys(doc, required=("questions", "scale"))
    tables = at.tables(doc, "questions")
    questions = []
    for i, table in enumerate(tables):
        place = at.index("questions", i)
        place.keys(table, required=("id", "prompt", "hint"))
        questions.append(Question(*(place.text(table, key) for key in ("id", "prompt", "hint"))))
    ids = tuple(q.id for q in questions)
    if ids != QUESTION_IDS:
        raise at.child("questions").error(
            f"the question ids must be {', '.join(QUESTION_IDS)} in that order,"
            f" found {', '.join(ids) or 'none'}"
        )
    return tuple(questions)


def _scale(doc: Table, at: At, key: str = "labels") -> tuple[str, ...]:
    scale = at.table(doc, "scale")
    place = at.child("scale")
    place.keys(scale, required=("labels", "observer_labels"))
    return place.texts(scale, key, minimum=SCALE_POINTS, maximum=SCALE_POINTS)


def _transitions(doc: Table, at: At) -> tuple[Transition, ...]:
    at.keys(doc, required=("transitions",))
    tables = at.tables(doc, "transitions")
    if not tables:
        raise at.child("transitions").error("needs at least one transition")
    transitions: list[Transition] = []
    for i, table in enumerate(tables):
        place = at.index("transitions", i)
        place.keys(table, required=("id", "title", "guidance", "factors", "tips"))
        transition_id = place.identifier(table, "id")
        if any(t.id == transition_id for t in transitions):
            raise place.child("id").error(f"transition {transition_id!r} appears twice")
        place = at.index("transitions", i, transition_id)
        low, high = TRANSITION_FACTORS
        factor_ids = place.texts(table, "factors", minimum=low, maximum=high)
        for j, factor_id in enumerate(factor_ids):
            if factor_id not in _FACTOR_IDS:
                raise place.index("factors", j).error(f"unknown factor {factor_id!r}")
        if len(set(factor_ids)) != len(factor_ids):
            raise place.child("factors").error("names a factor twice")
        transitions.append(
            Transition(
                id=transition_id,
                title=place.text(table, "title"),
                guidance=place.text(table, "guidance"),
                factors=tuple(Factor(f) for f in factor_ids),
                tips=place.texts(table, "tips", minimum=MIN_TRANSITION_TIPS),
            )
        )
    return tuple(transitions)
