"""Notes as plain text: Markdown markers that earlier versions of OnTrack's own prompts
(and the sample data) wrote into notes, taken out wherever a note is shown as text.

Only unambiguous markers go: `**bold**` and `__bold__` pairs and `#` heading marks at
the start of a line. A lone asterisk ("C*", "5 * 3") or an underscore inside a word
(snake_case) is text and stays.
"""

from __future__ import annotations

import re

# A pair opens after a non-word character and closes before one (as in Markdown), so
# `x__y__z` and `snake_case` are left alone.
_STRONG = re.compile(r"(?<![\w*])(\*\*|__)(?=[^\s*_])(.+?)(?<=[^\s*_])\1(?![\w*])", re.DOTALL)
_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+", re.MULTILINE)


def without_markup(text: str) -> str:
    """`text` with paired bold markers and heading marks removed, otherwise unchanged."""
    if "**" not in text and "__" not in text and "#" not in text:
        return text
    return _HEADING.sub("", _STRONG.sub(r"\2", text))
