"""The bundled content follows its schema, and the loader names the place of any mistake."""

from __future__ import annotations

import copy
import json
import re
import shutil
import time
from dataclasses import fields
from pathlib import Path
from typing import Any

import pytest

from ontrack.domain.assessment import Reflections
from ontrack.domain.content import (
    QUESTION_IDS,
    Content,
    ContentError,
    Keyed,
    load_content,
)
from ontrack.domain.enums import Factor
from ontrack.domain.toml_reader import tidy
from ontrack.files.resources import resource_path

CONTENT_DIR = resource_path("content")
FACTOR_IDS = [f.value for f in Factor]


@pytest.fixture(scope="module")
def content() -> Content:
    return load_content(CONTENT_DIR)


def _all_texts(content: Content) -> list[str]:
    texts: list[str] = [*content.scale_labels, *content.observer_labels]
    for fc in content.factors:
        texts += [fc.name, fc.summary, fc.derailing, fc.desired_behaviour, *fc.tips]
        texts += [s.text for s in fc.statements] + [s.observer for s in fc.statements]
        for t in fc.goal_templates:
            texts += [t.title, t.why, t.measure, *t.steps]
    for q in content.questions:
        texts += [q.prompt, q.hint]
    for tr in content.transitions:
        texts += [tr.title, tr.guidance, *tr.tips]
    return texts


# ── the real content ────────────────────────────────────────────────────────────────


def test_every_statement_has_observer_wording_about_them_not_me(content: Content) -> None:
    for statement in content.statements:
        words = statement.observer.lower().replace(",", " ").replace(".", " ").split()
        assert statement.observer[0].isupper()
        assert statement.observer.endswith(".")
        assert not {"i", "me", "my"} & set(words), statement.id


def test_factors_come_in_canonical_order_named_as_everywhere_else(content: Content) -> None:
    assert [fc.factor for fc in content.factors] == list(Factor)
    for fc in content.factors:
        assert fc.name == fc.factor.label
        assert content.factor(fc.factor) is fc


def test_every_factor_has_five_statements_of_both_keyings(content: Content) -> None:
    for fc in content.factors:
        assert [s.id for s in fc.statements] == [f"{fc.factor.value}.{n}" for n in range(1, 6)]
        assert all(s.factor is fc.factor for s in fc.statements)
        keyings = [s.keyed for s in fc.statements]
        assert keyings.count(Keyed.STRENGTH) >= 2, fc.factor
        assert keyings.count(Keyed.WARNING) >= 2, fc.factor


def test_statements_are_first_person_and_distinct(content: Content) -> None:
    texts = [s.text for s in content.statements]
    assert len(texts) == 40
    assert len(set(texts)) == len(texts)
    for text in texts:
        assert re.search(r"\bI\b", text), text
        assert text.endswith("."), text


def test_every_factor_describes_itself(content: Content) -> None:
    for fc in content.factors:
        assert "\n" not in fc.summary
        assert 2 <= fc.derailing.count(". ") + 1 <= 3, fc.factor
        assert len(fc.desired_behaviour) > 300, fc.factor


def test_every_factor_has_tips_and_smart_goal_templates(content: Content) -> None:
    for fc in content.factors:
        assert len(fc.tips) >= 5, fc.factor
        assert len(set(fc.tips)) == len(fc.tips)
        assert len(fc.goal_templates) >= 3, fc.factor
        for template in fc.goal_templates:
            assert len(template.title) <= 80
            assert template.why
            assert template.measure
            assert 3 <= len(template.steps) <= 5
            assert 1 <= template.weeks <= 52


def test_questions_match_the_reflections_and_the_scale_reads_well(content: Content) -> None:
    assert tuple(f.name for f in fields(Reflections)) == QUESTION_IDS
    assert tuple(q.id for q in content.questions) == QUESTION_IDS
    assert content.question("skills_enjoyed").prompt == "What skills do I enjoy using most?"
    assert content.question("feedback_received").prompt == (
        "What feedback have I received from peers and managers?"
    )
    assert content.question("learning_to_pursue").prompt == (
        "Which certifications or courses could I pursue?"
    )
    assert all(q.hint for q in content.questions)
    assert len(content.scale_labels) == 5
    assert content.scale_label(1) == "Not like me"
    assert content.scale_label(5) == "Very much like me"
    assert content.observer_labels[0] == "Not like them"
    assert len(content.observer_labels) == 5
    with pytest.raises(ValueError, match="outside"):
        content.scale_label(6)


def test_the_common_transitions_are_covered(content: Content) -> None:
    ids = [t.id for t in content.transitions]
    assert ids == ["ic_to_manager", "manager_to_executive", "changing_field"]
    for transition in content.transitions:
        assert 2 <= len(transition.factors) <= 3
        assert len(transition.tips) == 3
        assert content.transition(transition.id) is transition


def test_text_is_tidy(content: Content) -> None:
    for text in _all_texts(content):
        assert text == text.strip()
        assert "  " not in text, text
        assert "\n" not in text, text
        assert "TODO" not in text


def test_lookups(content: Content) -> None:
    assert content.statement("vision.3").factor is Factor.VISION
    assert content.has_statement("people.1")
    assert not content.has_statement("people.6")
    with pytest.raises(KeyError):
        content.statement("people.6")
    with pytest.raises(KeyError):
        content.question("nope")
    with pytest.raises(KeyError):
        content.transition("nope")


def test_loading_is_quick() -> None:
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        load_content(CONTENT_DIR)
        best = min(best, time.perf_counter() - start)
    assert best < 0.1  # about 5 ms on a laptop; the budget is 20 ms


def test_tidy_joins_wrapped_lines_and_keeps_paragraphs() -> None:
    assert tidy("\n  One line\nwrapped here.\n\n  Second   one.\n") == (
        "One line wrapped here.\n\nSecond one."
    )


# ── malformed content ───────────────────────────────────────────────────────────────


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return json.dumps(value)  # JSON string escapes are valid TOML
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k} = {_toml_value(v)}" for k, v in value.items()) + "}"
    raise TypeError(value)


def _is_table_array(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value)


def dump_toml(doc: dict[str, Any], prefix: str = "") -> str:
    """A small TOML writer for the shapes these tests need."""
    lines: list[str] = []
    nested = {k: v for k, v in doc.items() if isinstance(v, dict) or _is_table_array(v)}
    for key, value in doc.items():
        if key not in nested:
            lines.append(f"{key} = {_toml_value(value)}")
    for key, value in nested.items():
        if isinstance(value, dict):
            lines += [f"[{prefix}{key}]", dump_toml(value, f"{prefix}{key}.")]
        else:
            for item in value:
                lines += [f"[[{prefix}{key}]]", dump_toml(item, f"{prefix}{key}.")]
    return "\n".join(lines)


def _minimal_factor(factor_id: str) -> dict[str, Any]:
    keyings = ["strength", "warning", "strength", "warning", "strength"]
    return {
        "id": factor_id,
        "name": f"Name of {factor_id}",
        "summary": "A summary.",
        "derailing": "It goes wrong.\nLike this.",
        "desired_behaviour": "It goes right.",
        "tips": [f"Tip {n}." for n in range(1, 6)],
        "statements": [
            {
                "id": f"{factor_id}.{n}",
                "text": f"I do thing {n}.",
                "observer": f"Does thing {n}.",
                "keyed": keyed,
            }
            for n, keyed in enumerate(keyings, start=1)
        ],
        "goal_templates": [
            {
                "title": f"Goal {n}",
                "why": "Because.",
                "measure": "Counted.",
                "steps": ["One.", "Two.", "Three."],
                "weeks": 4,
            }
            for n in range(1, 4)
        ],
    }


def minimal_docs() -> dict[str, dict[str, Any]]:
    """The smallest valid content, as the documents of its three files."""
    return {
        "factors.toml": {"factors": [_minimal_factor(f) for f in FACTOR_IDS]},
        "questions.toml": {
            "questions": [{"id": q, "prompt": f"{q}?", "hint": "Think."} for q in QUESTION_IDS],
            "scale": {
                "labels": ["1", "2", "3", "4", "5"],
                "observer_labels": ["a", "b", "c", "d", "e"],
            },
        },
        "transitions.toml": {
            "transitions": [
                {
                    "id": "ic_to_manager",
                    "title": "Up",
                    "guidance": "Go.",
                    "factors": ["people", "impact"],
                    "tips": ["a", "b", "c"],
                }
            ]
        },
    }


def write_docs(directory: Path, docs: dict[str, dict[str, Any]]) -> Path:
    for name, doc in docs.items():
        (directory / name).write_text(dump_toml(doc), encoding="utf-8")
    return directory


def test_the_minimal_content_loads(tmp_path: Path) -> None:
    content = load_content(write_docs(tmp_path, minimal_docs()))
    assert [fc.factor for fc in content.factors] == list(Factor)
    assert content.factor(Factor.PEOPLE).derailing == "It goes wrong. Like this."
    assert content.transition("ic_to_manager").factors == (Factor.PEOPLE, Factor.IMPACT)


def _factor(docs: dict[str, Any], factor_id: str) -> dict[str, Any]:
    factor: dict[str, Any] = docs["factors.toml"]["factors"][FACTOR_IDS.index(factor_id)]
    return factor


def _drop_factor(docs: dict[str, Any]) -> None:
    docs["factors.toml"]["factors"].pop(FACTOR_IDS.index("vision"))


def _swap_factors(docs: dict[str, Any]) -> None:
    factors = docs["factors.toml"]["factors"]
    factors[0], factors[1] = factors[1], factors[0]


def _rename_key(table: dict[str, Any], old: str, new: str) -> None:
    table[new] = table.pop(old)


BREAKAGES: list[tuple[str, Any, str]] = [
    ("missing factor", _drop_factor, "factors.toml: factor 'vision' is missing"),
    ("wrong order", _swap_factors, "factors.toml: factors must be in the order people, teamwork"),
    (
        "unknown factor",
        lambda d: _factor(d, "image").update(id="looks"),
        "factors.toml: factors[2]: unknown factor 'looks'",
    ),
    (
        "duplicate factor",
        lambda d: _factor(d, "image").update(id="people"),
        "factors.toml: factors[2]: factor 'people' appears twice",
    ),
    (
        "factor without id",
        lambda d: _factor(d, "image").pop("id"),
        "factors.toml: factors[2]: 'id' is missing",
    ),
    (
        "misspelt key",
        lambda d: _rename_key(_factor(d, "vision"), "desired_behaviour", "desired_behavior"),
        "factors.toml: factors[5] (vision).desired_behavior: unknown key",
    ),
    (
        "wrong statement id",
        lambda d: _factor(d, "image")["statements"][3].update(id="image.6"),
        "factors.toml: factors[2] (image).statements[3].id: expected 'image.4', found 'image.6'",
    ),
    (
        "four statements",
        lambda d: _factor(d, "customer")["statements"].pop(),
        "factors[6] (customer).statements: needs exactly 5 statements, found 4",
    ),
    (
        "unknown keying",
        lambda d: _factor(d, "people")["statements"][0].update(keyed="good"),
        'statements[0].keyed: must be "strength" or "warning", not \'good\'',
    ),
    (
        "too few warnings",
        lambda d: _factor(d, "teamwork")["statements"][1].update(keyed="strength"),
        "factors[1] (teamwork).statements: needs at least 2 statements keyed 'warning', found 1",
    ),
    (
        "four tips",
        lambda d: _factor(d, "impact")["tips"].pop(),
        "factors[3] (impact).tips: needs at least 5 items, found 4",
    ),
    (
        "empty tip",
        lambda d: _factor(d, "impact")["tips"].__setitem__(2, "  \n "),
        "factors[3] (impact).tips[2]: must not be empty",
    ),
    (
        "tips as text",
        lambda d: _factor(d, "impact").update(tips="Be nice."),
        "factors[3] (impact).tips: must be a list of texts, not text",
    ),
    (
        "summary as number",
        lambda d: _factor(d, "people").update(summary=3),
        "factors[0] (people).summary: must be text, not a number",
    ),
    (
        "two goal templates",
        lambda d: _factor(d, "isolation")["goal_templates"].pop(),
        "factors[7] (isolation).goal_templates: needs at least 3 goal templates, found 2",
    ),
    (
        "long goal title",
        lambda d: _factor(d, "people")["goal_templates"][1].update(title="x" * 81),
        "goal_templates[1].title: is 81 characters long, at most 80 allowed",
    ),
    (
        "six steps",
        lambda d: _factor(d, "people")["goal_templates"][0]["steps"].extend(["4", "5", "6"]),
        "goal_templates[0].steps: allows at most 5 items, found 6",
    ),
    (
        "weeks as text",
        lambda d: _factor(d, "people")["goal_templates"][0].update(weeks="six"),
        "goal_templates[0].weeks: must be a whole number, not text",
    ),
    (
        "zero weeks",
        lambda d: _factor(d, "people")["goal_templates"][0].update(weeks=0),
        "goal_templates[0].weeks: must be between 1 and 52, not 0",
    ),
    (
        "question missing",
        lambda d: d["questions.toml"]["questions"].pop(),
        "questions.toml: questions: the question ids must be skills_enjoyed,",
    ),
    (
        "four scale labels",
        lambda d: d["questions.toml"]["scale"]["labels"].pop(),
        "questions.toml: scale.labels: needs at least 5 items, found 4",
    ),
    (
        "scale missing",
        lambda d: d["questions.toml"].pop("scale"),
        "questions.toml: 'scale' is missing",
    ),
    (
        "transition with unknown factor",
        lambda d: d["transitions.toml"]["transitions"][0]["factors"].append("luck"),
        "transitions.toml: transitions[0] (ic_to_manager).factors[2]: unknown factor 'luck'",
    ),
    (
        "transition id with spaces",
        lambda d: d["transitions.toml"]["transitions"][0].update(id="IC to manager"),
        "transitions[0].id: 'IC to manager' must be lower-case letters",
    ),
    (
        "no transitions",
        lambda d: d["transitions.toml"].update(transitions=[]),
        "transitions.toml: transitions: needs at least one transition",
    ),
    (
        "statement not a table",
        lambda d: _factor(d, "people")["statements"].append("I do things."),
        "factors[0] (people).statements[5]: must be a table, not text",
    ),
]


@pytest.mark.parametrize(
    ("breakage", "message"),
    [pytest.param(b, m, id=name) for name, b, m in BREAKAGES],
)
def test_broken_structure_is_reported_with_file_and_place(
    tmp_path: Path, breakage: Any, message: str
) -> None:
    docs = copy.deepcopy(minimal_docs())
    breakage(docs)
    write_docs(tmp_path, docs)
    with pytest.raises(ContentError) as raised:
        load_content(tmp_path)
    assert message in str(raised.value)


def _copy_real_content(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, target)
    return target


def test_invalid_toml_names_the_file_and_line(tmp_path: Path) -> None:
    directory = _copy_real_content(tmp_path)
    path = directory / "factors.toml"
    lines = path.read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(lines) if text.startswith("summary ="))
    lines[line] = 'summary = "an unfinished string'
    path.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(ContentError, match=r"^factors\.toml: is not valid TOML") as raised:
        load_content(directory)
    assert f"line {line + 1}" in str(raised.value)


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    directory = _copy_real_content(tmp_path)
    (directory / "transitions.toml").unlink()
    with pytest.raises(ContentError, match=r"^transitions\.toml: the file is missing$"):
        load_content(directory)


def test_a_file_that_is_not_utf8_is_named(tmp_path: Path) -> None:
    directory = _copy_real_content(tmp_path)
    (directory / "questions.toml").write_bytes(b'[scale]\nlabels = ["caf\xe9"]\n')
    with pytest.raises(ContentError, match=r"^questions\.toml: is not UTF-8 text$"):
        load_content(directory)
