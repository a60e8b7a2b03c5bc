"""Reading an e-mail reply to the plain-text questionnaire, as mail clients mangle it."""

from __future__ import annotations

import textwrap

import pytest

from ontrack.domain.assessment import Answer
from ontrack.domain.content import Content, load_content
from ontrack.domain.questionnaire import NotAQuestionnaireError
from ontrack.domain.reply_text import parse_reply, questionnaire_text
from ontrack.files.resources import resource_path

CONTENT: Content = load_content(resource_path("content"))
AID, RID = "5f0c1a2e-aaaa-4bbb-8ccc-0123456789ab", "9e8d7c6b-1111-4222-8333-444455556666"


def _answered() -> str:
    """The questionnaire with a few boxes filled in, the rest left empty."""
    lines = []
    for line in questionnaire_text(CONTENT, "Sam", AID, RID).splitlines():
        if line.startswith("people.1 "):
            line = line.replace("[ ]", "[4]")
        elif line.startswith("people.2 "):
            line = line.replace("[ ]", "[ ? ]")
        elif line.startswith("vision.5 "):
            line = line.replace("[ ]", "[4 or 5]")
        elif line.startswith("general.words"):
            line = line.replace("[ ]", "[Keep going, שלום 世界 <b>!</b>]")
        lines.append(line)
    return "\n".join(lines)


def _check(text: str) -> None:
    reply = parse_reply(CONTENT, text)
    assert (reply.assessment_id, reply.rater_id) == (AID, RID)
    assert reply.answers.answers[:1] == (Answer("people.1", 4),)
    assert "people.2" in reply.answers.cant_say
    assert reply.answers.unreadable == ("vision.5",)
    assert dict(reply.answers.comments)["general"] == "Keep going, שלום 世界 <b>!</b>"


def test_a_reply_as_written_is_read() -> None:
    _check(_answered())


def test_a_quoted_and_rewrapped_reply_is_read() -> None:
    wrapped = "\n".join(
        textwrap.fill(line, 44) if line else "" for line in _answered().splitlines()
    )
    quoted = "\n".join(
        ("> > " if n % 3 else ">") + line for n, line in enumerate(wrapped.splitlines())
    )
    _check("Hi Sam, here you go!\n\nOn Monday Sam wrote:\n" + quoted + "\n\n-- \nAna")


def test_answers_written_between_the_quoted_lines_are_read() -> None:
    lines = []
    for line in _answered().splitlines():
        lines.append("> " + line)
        if line.startswith("teamwork.3 "):
            lines.append("5")  # answered on a line of its own, under the statement
        if line.startswith("teamwork.4 "):
            lines.append("I've not worked with them on this, in 2 years")  # own words
        if line.startswith("people.words"):
            lines += ["They listen to everyone.", "Even me."]
    reply = parse_reply(CONTENT, "\n".join(lines))
    assert Answer("teamwork.3", 5) in reply.answers.answers
    assert all(a.statement != "teamwork.4" for a in reply.answers.answers)
    assert dict(reply.answers.comments)["people"] == "They listen to everyone.\nEven me."


def test_a_reply_without_the_form_key_is_refused_in_words() -> None:
    text = _answered().split("Form key")[0]
    with pytest.raises(NotAQuestionnaireError, match="no OnTrack form key"):
        parse_reply(CONTENT, text)
    with pytest.raises(NotAQuestionnaireError):
        parse_reply(CONTENT, "Thanks, I'll do it next week.")


def test_a_megabyte_of_own_words_is_kept_as_written() -> None:
    """Markup, RTL and CJK, line breaks and indents: a long comment written after the
    prompt comes back exactly (only the mail's blank lines around it are not the rater's)."""
    words = ("  <b>не</b> & שלום\n\n世界 [sic] " * 40_000)[:1_000_000].rstrip()
    lines = []
    for line in _answered().splitlines():
        lines.append("> " + line)
        if line.startswith("people.words"):
            lines += ["", *words.split("\n"), ""]
    reply = parse_reply(CONTENT, "\n".join(lines))
    assert dict(reply.answers.comments)["people"] == words


def test_the_consent_line_is_asked_and_read() -> None:
    plain = questionnaire_text(CONTENT, "Sam", AID, RID)
    assert "consent.name" not in plain
    asked = questionnaire_text(CONTENT, "Sam", AID, RID, ask_consent=True)
    assert "you agree that Sam sees your answers" in asked
    assert not parse_reply(CONTENT, asked).answers.consented  # left empty: anonymous
    for written, agreed in (("[yes]", True), ("[ X ]", True), ("[no]", False), ("[?]", False)):
        reply = asked.replace("anonymous [ ]", f"anonymous {written}")
        quoted = "\n".join("> " + line for line in reply.splitlines())
        assert parse_reply(CONTENT, quoted).answers.consented is agreed, written
