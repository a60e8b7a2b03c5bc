"""The one error the interchange format raises, and how values are shown inside its messages."""

from __future__ import annotations

import json

# Values quoted in messages are cut to this many characters, so that a 1 MB string in a
# file does not turn into a 1 MB error message.
QUOTE_LIMIT = 60


class InterchangeError(Exception):
    """A document (or file) that cannot be read or written, and where the problem is.

    `place` is a path into the document such as `goals[3].deadline`, or "" when the problem
    is the document as a whole (not JSON, not UTF-8, unreadable file).
    """

    def __init__(self, place: str, message: str) -> None:
        super().__init__(place, message)
        self.place = place
        self.message = message

    def __str__(self) -> str:
        return f"{self.place}: {self.message}" if self.place else self.message


def quote(text: str) -> str:
    """`text` as a JSON string literal, shortened, safe to print even with lone surrogates."""
    shown = json.dumps(
        text[:QUOTE_LIMIT] + ("…" if len(text) > QUOTE_LIMIT else ""), ensure_ascii=False
    )
    # A lone surrogate cannot be encoded, so it would break whoever prints the message.
    shown = shown.encode("utf-8", "backslashreplace").decode("utf-8")
    if len(text) > QUOTE_LIMIT:
        shown += f" ({len(text)} characters)"
    return shown


def describe(value: object) -> str:
    """A short, human-readable rendering of any value found where something else was expected."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return quote(value)
    if isinstance(value, int):
        try:
            digits = str(value)
        except ValueError:  # more digits than Python agrees to convert
            return "a number with too many digits"
        return digits if len(digits) <= QUOTE_LIMIT else f"a number with {len(digits)} digits"
    if isinstance(value, float):
        return json.dumps(value)
    if isinstance(value, list | tuple):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return f"a Python {type(value).__name__}"
