"""The demo data's words: names, companies, goals, feedback stories and network notes.

The longer texts are kept as small text blocks (see `blocks`) so that they read like
prose; the builders fill the `{project}`-style placeholders with `fill`.
"""

from __future__ import annotations

from collections.abc import Mapping


class _Words(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def fill(text: str, words: Mapping[str, str]) -> str:
    """`text` with its `{placeholders}` replaced from `words` (unknown ones are kept)."""
    if "{" not in text:
        return text
    return text.format_map(_Words(words))
