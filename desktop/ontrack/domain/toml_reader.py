"""Reading content TOML with checks that name the file and the place of every mistake.

`read_toml` parses a file; an `At` is a place in it (`factors[2] (image).tips`) whose
methods fetch typed values and raise `ContentError` with that place in the message.
Text values are tidied so that writers can wrap long lines in the TOML files: lines of
a paragraph are joined with single spaces, and paragraphs (split by a blank line) are
kept apart by one blank line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

Table = dict[str, Any]

_IDENTIFIER = re.compile(r"[a-z][a-z0-9_]*")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


class ContentError(ValueError):
    """The content is missing, malformed or breaks the schema; the message says where."""


def read_toml(path: Path) -> tuple[Table, At]:
    """Parse one TOML file; the `At` returned is its top level."""
    import tomllib  # here: a start-up that reads the content from its cache never needs it

    at = At(path.name)
    try:
        with path.open("rb") as stream:
            return tomllib.load(stream), at
    except FileNotFoundError:
        raise at.error("the file is missing") from None
    except OSError as exc:
        raise at.error(f"cannot be read ({exc.strerror or exc})") from None
    except UnicodeDecodeError:
        raise at.error("is not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise at.error(f"is not valid TOML: {exc}") from None


def tidy(text: str) -> str:
    """Join each paragraph's lines with single spaces; keep blank lines between paragraphs."""
    paragraphs = (" ".join(p.split()) for p in _PARAGRAPH_BREAK.split(text.strip()))
    return "\n\n".join(p for p in paragraphs if p)


def _kind(value: object) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, str):
        return "text"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    return type(value).__name__


@dataclass(frozen=True, slots=True)
class At:
    """A place in a content file: the file's name and a path like `factors[2].tips`."""

    file: str
    path: str = ""

    def __str__(self) -> str:
        return f"{self.file}: {self.path}" if self.path else self.file

    def error(self, message: str) -> ContentError:
        return ContentError(f"{self}: {message}")

    def child(self, key: str) -> At:
        return At(self.file, f"{self.path}.{key}" if self.path else key)

    def index(self, key: str, i: int, name: str = "") -> At:
        """The place of item `i` (from 0) of list `key`, optionally with its id for clarity."""
        suffix = f" ({name})" if name else ""
        return self.child(f"{key}[{i}]{suffix}")

    def keys(self, table: Table, required: Sequence[str]) -> None:
        """Every required key is present and no other key is."""
        for key in table:
            if key not in required:
                raise self.child(key).error(
                    f"unknown key (expected only {', '.join(repr(k) for k in required)})"
                )
        for key in required:
            self._get(table, key)

    def _get(self, table: Table, key: str) -> object:
        if key not in table:
            raise self.error(f"{key!r} is missing")
        return table[key]

    def table(self, table: Table, key: str) -> Table:
        value = self._get(table, key)
        if not isinstance(value, dict):
            raise self.child(key).error(f"must be a table, not {_kind(value)}")
        return value

    def tables(self, table: Table, key: str) -> list[Table]:
        """An array of tables (`[[key]]`)."""
        value = self._get(table, key)
        if not isinstance(value, list):
            raise self.child(key).error(f"must be a list of tables ([[{key}]]), not {_kind(value)}")
        for i, item in enumerate(value):
            if not isinstance(item, dict):
                raise self.index(key, i).error(f"must be a table, not {_kind(item)}")
        return value

    def text(self, table: Table, key: str) -> str:
        """Non-empty text, tidied."""
        return self._text(self._get(table, key), self.child(key))

    def _text(self, value: object, at: At) -> str:
        if not isinstance(value, str):
            raise at.error(f"must be text, not {_kind(value)}")
        text = tidy(value)
        if not text:
            raise at.error("must not be empty")
        return text

    def texts(
        self, table: Table, key: str, minimum: int, maximum: int | None = None
    ) -> tuple[str, ...]:
        """A list of non-empty texts, with at least `minimum` and at most `maximum` items."""
        value = self._get(table, key)
        at = self.child(key)
        if not isinstance(value, list):
            raise at.error(f"must be a list of texts, not {_kind(value)}")
        if len(value) < minimum:
            raise at.error(f"needs at least {minimum} items, found {len(value)}")
        if maximum is not None and len(value) > maximum:
            raise at.error(f"allows at most {maximum} items, found {len(value)}")
        return tuple(self._text(item, self.index(key, i)) for i, item in enumerate(value))

    def integer(self, table: Table, key: str, low: int, high: int) -> int:
        value = self._get(table, key)
        at = self.child(key)
        if isinstance(value, bool) or not isinstance(value, int):
            raise at.error(f"must be a whole number, not {_kind(value)}")
        if not low <= value <= high:
            raise at.error(f"must be between {low} and {high}, not {value}")
        return value

    def choice(self, table: Table, key: str, allowed: Sequence[str]) -> str:
        value = self._get(table, key)
        if value not in allowed:
            wanted = " or ".join(f'"{a}"' for a in allowed)
            raise self.child(key).error(f"must be {wanted}, not {value!r}")
        return str(value)

    def identifier(self, table: Table, key: str) -> str:
        """Text made of lower-case letters, digits and underscores, starting with a letter."""
        value = self.text(table, key)
        if not _IDENTIFIER.fullmatch(value):
            raise self.child(key).error(
                f"{value!r} must be lower-case letters, digits and underscores"
            )
        return value
