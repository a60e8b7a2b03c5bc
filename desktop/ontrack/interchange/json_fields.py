"""Typed, validated access to the values of a parsed JSON document, for the reader.

Every check here raises InterchangeError naming the exact place of the offending value, so the
record readers in json_read stay a plain list of "this key is that kind of value".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from enum import StrEnum
from functools import cache
from typing import Any, TypeVar

from ontrack.domain.enums import Factor
from ontrack.domain.ids import MAX_ID_LENGTH
from ontrack.domain.validation import MAX_LINE_LENGTH, MAX_TAG_LENGTH, MAX_TEXT_LENGTH, too_long

from .errors import InterchangeError, describe, quote

E = TypeVar("E", bound=StrEnum)
# Fields has a method named `date`, which hides the type inside the class body.
Date = date

# Exactly YYYY-MM-DD in ASCII digits: date.fromisoformat alone also takes "20251301",
# week dates and other ISO forms that the contract does not allow.
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# n has no leading zeros so that one statement has exactly one spelling.
_STATEMENT = re.compile(r"([a-z_]+)\.([1-9][0-9]*)")
_FACTORS = frozenset(factor.value for factor in Factor)
_is_date = _DATE.fullmatch
_to_date = date.fromisoformat
_EMPTY: frozenset[str] = frozenset()
_MISSING = object()

# The accessors of Fields below take a fast path for a value that is plainly right (ASCII
# text within its cap, an ISO date, a known choice) and leave everything else, errors
# included, to the checking functions with the value's place. Writing the place of every
# value read ("contacts[12].interactions[3].notes"), shown only for a value that is wrong,
# and a call per check cost a fifth of validating the large demo's export (700,000 values:
# 2.0 s of CPU, now 1.6 s).


def _plain(value: object, cap: int) -> bool:
    """ASCII text of at most `cap` characters: nothing more to check."""
    return type(value) is str and len(value) <= cap and value.isascii()


@cache
def _members(vocabulary: type[E]) -> dict[str, E]:
    # Keyed by the enum class: a handful of vocabularies, fixed for the process.
    return {member.value: member for member in vocabulary}


class ObjectWithRepeatedKeys(dict[str, object]):
    """A parsed JSON object in which some keys appeared more than once.

    JSON parsers silently keep the last of repeated keys; the reader refuses the ones it
    reads instead, since the file is then ambiguous about what the user meant.
    """

    def __init__(self, pairs: list[tuple[str, object]], repeated: frozenset[str]) -> None:
        super().__init__(pairs)
        self.repeated_keys = repeated


def object_from_pairs(pairs: list[tuple[str, object]]) -> dict[str, object]:
    """`object_pairs_hook` for json.loads that remembers repeated keys."""
    result = dict(pairs)
    if len(result) == len(pairs):
        return result
    seen: set[str] = set()
    repeated: set[str] = set()
    for key, _ in pairs:
        (repeated if key in seen else seen).add(key)
    return ObjectWithRepeatedKeys(pairs, frozenset(repeated))


def item_place(place: str, index: int) -> str:
    return f"{place}[{index}]"


def text(value: object, place: str, cap: int | None = None) -> str:
    if not isinstance(value, str):
        raise InterchangeError(place, f"expected text, got {describe(value)}")
    if cap is not None and len(value) > cap:
        raise InterchangeError(place, too_long(len(value), cap))
    if not value.isascii():
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as error:
            raise InterchangeError(
                place,
                f"contains invalid Unicode (a lone surrogate at character {error.start + 1}),"
                " which cannot be stored",
            ) from None
    return value


def record_id(value: object, place: str) -> str:
    if not isinstance(value, str):
        raise InterchangeError(place, f"expected an id (text), got {describe(value)}")
    result = text(value, place)
    if not result:
        raise InterchangeError(place, "an id must not be empty")
    if len(result) > MAX_ID_LENGTH:
        raise InterchangeError(
            place, f"an id has at most {MAX_ID_LENGTH} characters, this one has {len(result)}"
        )
    return result


def day(value: object, place: str) -> date:
    if not isinstance(value, str):
        raise InterchangeError(place, f"expected a date (YYYY-MM-DD), got {describe(value)}")
    if _DATE.fullmatch(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise InterchangeError(place, f"{quote(value)} is not a date")


def whole_number(value: object, place: str, low: int, high: int | None) -> int:
    # bool is an int in Python, but `true` is not a number in JSON.
    if not isinstance(value, int) or isinstance(value, bool):
        raise InterchangeError(place, f"expected a whole number, got {describe(value)}")
    if value < low or (high is not None and value > high):
        allowed = f"between {low} and {high}" if high is not None else f"at least {low}"
        raise InterchangeError(place, f"{describe(value)} is not {allowed}")
    return value


def flag(value: object, place: str) -> bool:
    if not isinstance(value, bool):
        raise InterchangeError(place, f"expected true or false, got {describe(value)}")
    return value


def choice(value: object, place: str, vocabulary: type[E]) -> E:
    if isinstance(value, str):
        try:
            return vocabulary(value)
        except ValueError:
            pass
    # The list of allowed values is spelled out only for a message (not on every read).
    allowed = ", ".join(f'"{member.value}"' for member in vocabulary)
    if not isinstance(value, str):
        raise InterchangeError(place, f"expected one of {allowed}, got {describe(value)}")
    raise InterchangeError(place, f"{quote(value)} is not one of {allowed}")


def statement_id(value: object, place: str) -> str:
    if not isinstance(value, str):
        raise InterchangeError(place, f"expected a statement id, got {describe(value)}")
    match = _STATEMENT.fullmatch(value)
    if match is None or match.group(1) not in _FACTORS:
        factors = ", ".join(factor.value for factor in Factor)
        raise InterchangeError(
            place,
            f"{quote(value)} is not a statement id (<factor>.<n> with n from 1,"
            f" factor one of {factors})",
        )
    return value


def items(value: object, place: str) -> list[tuple[object, str]]:
    """The elements of a list with their places; null counts as an empty list."""
    if value is None:
        return []
    if not isinstance(value, list):
        raise InterchangeError(place, f"expected a list, got {describe(value)}")
    return [(item, item_place(place, index)) for index, item in enumerate(value)]


def no_repeats(values: list[str], place: str, *, what: str) -> None:
    """Refuse a value that appears twice in one list; `place` is the list's place."""
    first_seen: dict[str, int] = {}
    for index, value in enumerate(values):
        first = first_seen.setdefault(value, index)
        if first != index:
            raise InterchangeError(
                item_place(place, index) + what,
                f"{quote(value)} appears twice in this list (first at {item_place(place, first)})",
            )


class Fields:
    """One JSON object of the document, read key by key."""

    __slots__ = ("_data", "_get", "_place", "_repeated")

    def __init__(self, value: object, place: str) -> None:
        if not isinstance(value, dict):
            raise InterchangeError(place, f"expected an object, got {describe(value)}")
        self._data: dict[Any, object] = value
        self._place = place
        self._repeated = (
            value.repeated_keys if isinstance(value, ObjectWithRepeatedKeys) else _EMPTY
        )
        # The dict's own get when no key is repeated (nearly always): no check per read.
        self._get: Callable[..., object] = self._checked_get if self._repeated else value.get

    def _checked_get(self, key: str, default: object = None) -> object:
        if key in self._repeated:
            raise InterchangeError(self.at(key), "appears more than once in this object")
        return self._data.get(key, default)

    def at(self, key: str) -> str:
        return f"{self._place}.{key}" if self._place else key

    def optional(self, key: str) -> object:
        """The value of `key`, or None when it is missing or null."""
        return self._get(key)

    def required(self, key: str) -> object:
        value = self._get(key, _MISSING)
        if value is _MISSING:
            raise InterchangeError(self.at(key), "is missing (it is required)")
        return value

    # id, text and line are read 400,000 times from the large demo's export: their test
    # of plain ASCII text is written out rather than called.
    def id(self) -> str:
        value = self._get("id", _MISSING)
        if type(value) is str and 0 < len(value) <= MAX_ID_LENGTH and value.isascii():
            return value
        return record_id(self.required("id"), self.at("id"))

    def text(self, key: str) -> str:
        """Long text (notes, reflections), at most MAX_TEXT_LENGTH characters."""
        value = self._get(key)
        if type(value) is str and len(value) <= MAX_TEXT_LENGTH and value.isascii():
            return value
        return "" if value is None else text(value, self.at(key), MAX_TEXT_LENGTH)

    def line(self, key: str) -> str:
        """One line of text (a role, an email), at most MAX_LINE_LENGTH characters."""
        value = self._get(key)
        if type(value) is str and len(value) <= MAX_LINE_LENGTH and value.isascii():
            return value
        return "" if value is None else text(value, self.at(key), MAX_LINE_LENGTH)

    def name(self, key: str, cap: int = MAX_LINE_LENGTH) -> str:
        """Required, non-empty text (never trimmed: "  " is a name)."""
        result = text(self.required(key), self.at(key), cap)
        if not result:
            raise InterchangeError(self.at(key), "must not be empty")
        return result

    def texts(self, key: str) -> tuple[str, ...]:
        """Tags: each at most MAX_TAG_LENGTH characters."""
        values = tuple(
            text(item, place, MAX_TAG_LENGTH)
            for item, place in items(self.optional(key), self.at(key))
        )
        no_repeats(list(values), self.at(key), what="")
        return values

    def choices(self, key: str, vocabulary: type[E]) -> tuple[E, ...]:
        values = tuple(choice(item, place, vocabulary) for item, place in self.items(key))
        no_repeats([value.value for value in values], self.at(key), what="")
        return values

    def date(self, key: str) -> Date:
        return self._day(self.required(key), key)

    def optional_date(self, key: str) -> Date | None:
        value = self._get(key)
        return None if value is None else self._day(value, key)

    def _day(self, value: object, key: str) -> Date:
        if type(value) is str and _is_date(value):
            try:
                return _to_date(value)
            except ValueError:  # 2025-13-01: said in words below
                pass
        return day(value, self.at(key))

    def choice(self, key: str, vocabulary: type[E]) -> E:
        return self._choice(self.required(key), key, vocabulary)

    def choice_or(self, key: str, vocabulary: type[E], default: E) -> E:
        value = self._get(key)
        return default if value is None else self._choice(value, key, vocabulary)

    def optional_choice(self, key: str, vocabulary: type[E]) -> E | None:
        value = self.optional(key)
        return None if value is None else self._choice(value, key, vocabulary)

    def _choice(self, value: object, key: str, vocabulary: type[E]) -> E:
        if type(value) is str:
            member: E | None = _members(vocabulary).get(value)
            if member is not None:
                return member
        return choice(value, self.at(key), vocabulary)

    def number(self, key: str, low: int, high: int | None, default: int) -> int:
        value = self.optional(key)
        return default if value is None else whole_number(value, self.at(key), low, high)

    def optional_number(self, key: str, low: int, high: int | None) -> int | None:
        value = self.optional(key)
        return None if value is None else whole_number(value, self.at(key), low, high)

    def flag(self, key: str) -> bool:
        value = self.optional(key)
        return False if value is None else flag(value, self.at(key))

    def reference(self, key: str) -> str | None:
        """An id of another record, or None; whether that record exists is checked later."""
        value = self.optional(key)
        if value is None:
            return None
        if _plain(value, MAX_TEXT_LENGTH):  # any length: it must be an id of the file
            return value  # type: ignore[return-value]
        if not isinstance(value, str):
            raise InterchangeError(self.at(key), f"expected an id or null, got {describe(value)}")
        return text(value, self.at(key))

    def items(self, key: str) -> list[tuple[object, str]]:
        return items(self.optional(key), self.at(key))

    def names(self) -> list[str]:
        """The object's keys, in the file's order."""
        return [str(key) for key in self._data]

    def object(self, key: str) -> Fields | None:
        value = self.optional(key)
        return None if value is None else Fields(value, self.at(key))
