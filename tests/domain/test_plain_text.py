"""Notes are text: the Markdown markers older prompts wrote are taken out, nothing else."""

from __future__ import annotations

import pytest

from ontrack.domain.plain_text import without_markup


@pytest.mark.parametrize(
    ("note", "shown"),
    [
        ("**How did you prepare?** Ran the hiring.", "How did you prepare? Ran the hiring."),
        ("**Next step:** send my CV\n**Advice?** Ask", "Next step: send my CV\nAdvice? Ask"),
        ("__Take-away:__ practise", "Take-away: practise"),
        ("## Questions\nWhat next?", "Questions\nWhat next?"),
    ],
)
def test_bold_and_heading_markers_go(note: str, shown: str) -> None:
    assert without_markup(note) == shown


@pytest.mark.parametrize(
    "text",
    ["5 * 3 ** 2", "C# and F#, issue #12", "snake_case and x__y__z", "a ** b", "***", "**", ""],
)
def test_text_that_only_looks_like_markup_stays(text: str) -> None:
    assert without_markup(text) == text
