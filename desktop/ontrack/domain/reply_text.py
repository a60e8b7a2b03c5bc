"""The questionnaire as plain text for an e-mail body, and reading the rater's reply.

For raters whose reader cannot save forms: every statement on a line of its own,
`people.1 Knows what … [ ]`, answered inline with a number from 1 to 5 or "?" for "Can't
say". The reply is read as mail clients mangle it: lines quoted with `>` (any depth),
re-wrapped so that a statement and its box land on different lines, and the rater's own
words written between the lines. Each answer is looked for between its statement's id and
the next one: inside the statement's box, or else alone on a line the rater wrote (not a
quoted one). Anything else in a box makes that statement unreadable, and is said so.

The rater's own words are kept as written: the lines they wrote after a prompt, line breaks,
spaces and markup included (only their box's text, which a mail client may re-wrap, is
joined into one line). When the person asked for it, a `consent.name` line asks the rater
to write "yes" in its box to be shown by name; anything else there keeps them anonymous.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .assessment import GENERAL_COMMENT, Answer
from .content import Content
from .questionnaire import FormAnswers, NotAQuestionnaireError, form_key, parse_form_key

END = "(end of the questionnaire)"
_QUOTE = re.compile(r"^(?:[ \t]*>)+[ \t]?")
_KEY = re.compile(r"ontrack-questionnaire/\S+")
_BOX = re.compile(r"\[([^\[\]]*)\]")
_ALONE = re.compile(r"^\s*([1-5?])\s*[.)]?\s*$")
_WORDS = "words"
_HEADING = re.compile(r"^\s*Part \d+ of \d+:")
_CONSENT = "consent.name"
_AGREED = {"yes", "y", "x", "agree", "i agree", "✓", "✔"}


def questionnaire_text(
    content: Content, person: str, assessment_id: str, rater_id: str, *, ask_consent: bool = False
) -> str:
    """The questionnaire as the body of an e-mail (with the consent line when asked)."""
    scale = ", ".join(f"{n} {label}" for n, label in enumerate(content.observer_labels, 1))
    lines = [
        f"Put a number in the box after each statement about {person}: {scale};",
        "or ? if you can't say. Reply with the whole message, boxes filled in.",
        "",
    ]
    for number, factor_content in enumerate(content.factors, start=1):
        lines.append(f"Part {number} of {len(content.factors)}: {factor_content.name}")
        lines += [f"{s.id} {s.observer} [ ]" for s in factor_content.statements]
        lines.append(f"{factor_content.factor.value}.{_WORDS} Anything to add? [ ]")
        lines.append("")
    lines.append(f"{GENERAL_COMMENT}.{_WORDS} Anything else {person} should know? [ ]")
    if ask_consent:
        lines += ["", *consent_lines(person)]
    lines += ["", END, f"Form key: {form_key(assessment_id, rater_id)}"]
    return "\n".join(lines)


def consent_lines(person: str) -> list[str]:
    return [
        f"{_CONSENT} Write yes in this box if you agree that {person} sees your answers",
        "with your name on them; leave it empty to stay anonymous [ ]",
    ]


@dataclass(frozen=True, slots=True)
class ParsedReply:
    assessment_id: str
    rater_id: str
    answers: FormAnswers


def parse_reply(content: Content, text: str) -> ParsedReply:
    """What the reply says; NotAQuestionnaireError when it has no form key."""
    lines = [(bool(_QUOTE.match(line)), _QUOTE.sub("", line)) for line in text.splitlines()]
    key = _KEY.search(_key_text([line for _, line in lines]))
    if key is None:
        raise NotAQuestionnaireError(
            "it has no OnTrack form key: paste the whole reply, including the last lines"
        )
    assessment_id, rater_id = parse_form_key(key.group(0))
    segments = _segments(content, lines)
    answers: list[Answer] = []
    cant_say: list[str] = []
    unreadable: list[str] = []
    for statement in content.statements:
        found = _answer(segments.get(statement.id, []))
        if found == "?":
            cant_say.append(statement.id)
        elif found in ("1", "2", "3", "4", "5"):
            answers.append(Answer(statement.id, int(found)))
        elif found:
            unreadable.append(statement.id)
    comments = []
    for topic in (*(fc.factor.value for fc in content.factors), GENERAL_COMMENT):
        words = _words(segments.get(f"{topic}.{_WORDS}", []))
        if words:
            comments.append((topic, words))
    consented = _agreed(segments.get(_CONSENT, []))
    result = FormAnswers(
        tuple(answers), tuple(cant_say), tuple(unreadable), tuple(comments), consented
    )
    return ParsedReply(assessment_id, rater_id, result)


def _key_text(lines: list[str]) -> str:
    """The lines from "Form key:" to the next blank line, joined without spaces: mail
    clients may wrap the key at its hyphens."""
    for start, line in enumerate(lines):
        if "Form key:" in line:
            taken = [line.split("Form key:", 1)[1]]
            for following in lines[start + 1 :]:
                if not following.strip():
                    break
                taken.append(following)
            return "".join("".join(taken).split())
    return ""


def _segments(content: Content, lines: list[tuple[bool, str]]) -> dict[str, list[tuple[bool, str]]]:
    """The lines from each marker (a statement id or `<topic>.words`) to the next one."""
    topics = [fc.factor.value for fc in content.factors] + [GENERAL_COMMENT]
    marker = re.compile(
        r"(?<![\w.])((?:"
        + "|".join(topics)
        + r")\.(?:[1-9]|"
        + _WORDS
        + r")"
        + "|"
        + re.escape(_CONSENT)
        + r")(?![\w])"
    )
    segments: dict[str, list[tuple[bool, str]]] = {}
    current: list[tuple[bool, str]] | None = None
    for quoted, line in lines:
        if END in line:
            current = None
            continue
        rest = line
        while (found := marker.search(rest)) is not None:
            if current is not None:
                current.append((quoted, rest[: found.start()]))
            current = segments.setdefault(found.group(1), [])
            rest = rest[found.end() :]
        if current is not None:
            current.append((quoted, rest))
    return segments


def _answer(segment: list[tuple[bool, str]]) -> str:
    """ "1".."5", "?", "" (no answer) or the unreadable box's text."""
    joined = " ".join(line for _, line in segment)
    box = _BOX.search(joined)
    inside = " ".join(box.group(1).split()) if box else ""
    if inside.lower() in ("?", "x", "can't say", "cant say", "can’t say"):
        return "?"
    if inside:
        digits = re.fullmatch(r"([1-5])(?:\s*[-–:].*)?", inside)
        return digits.group(1) if digits else inside
    for quoted, line in segment:
        alone = _ALONE.match(line)
        if alone and not quoted:
            return alone.group(1)
    return ""


def _agreed(segment: list[tuple[bool, str]]) -> bool:
    """Whether the consent box says yes (anything else, or nothing, keeps them anonymous)."""
    box = _BOX.search(" ".join(line for _, line in segment))
    return box is not None and " ".join(box.group(1).split()).lower() in _AGREED


def _words(segment: list[tuple[bool, str]]) -> str:
    """The rater's own words after a `<topic>.words` prompt: in its box, or on the lines
    they wrote after it, exactly as written (quoted lines and the next part's heading are
    not theirs; blank lines before and after are the mail's, not theirs)."""
    prompt = next((n for n, (_, line) in enumerate(segment) if "]" in line), len(segment) - 1)
    box = _BOX.search("\n".join(line for _, line in segment[: prompt + 1]))
    if box and box.group(1).strip():
        return " ".join(box.group(1).split())
    own = [
        line for quoted, line in segment[prompt + 1 :] if not quoted and not _HEADING.match(line)
    ]
    while own and not own[0].strip():
        own.pop(0)
    while own and not own[-1].strip():
        own.pop()
    return "\n".join(own)
