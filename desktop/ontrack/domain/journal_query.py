"""What the Journal list shows: the search words and filters, and where the words match.

Search text is the user's, never query syntax: it is cut into words, and each word becomes
a quoted prefix term, so `"`, `*`, `NEAR` or `OR` typed into the box are just words. The
same words mark the matches in the list (`match_spans`), so what is found is what is shown.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from .enums import Factor, FeedbackKind

_WORD = re.compile(r"\w+", re.UNICODE)
MAX_TERMS = 12  # more words than this narrow nothing further; keep the query small


@dataclass(frozen=True, slots=True)
class JournalQuery:
    """The Journal list's search and filters; every part that is set must hold."""

    text: str = ""
    kind: FeedbackKind | None = None
    factor: Factor | None = None
    tag: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    # Only entries that need me: follow-ups due by `today` and requests still unanswered.
    needs_follow_up: bool = False

    @property
    def terms(self) -> tuple[str, ...]:
        return search_terms(self.text)

    @property
    def is_filtered(self) -> bool:
        return self != JournalQuery()


def search_terms(text: str) -> tuple[str, ...]:
    """The distinct words of `text`, in order, lower-cased (at most MAX_TERMS)."""
    seen: dict[str, None] = {}
    for word in _WORD.findall(text):
        seen.setdefault(word.casefold(), None)
    return tuple(seen)[:MAX_TERMS]


def is_prefix(term: str) -> bool:
    """Words match as prefixes ("present" finds "presentation"), except a single Latin
    letter or digit, which would match nearly everything: it matches as a whole word."""
    return not (len(term) == 1 and term.isascii())


def fts_match(terms: tuple[str, ...]) -> str:
    """An FTS5 MATCH expression: every word (as a prefix, see is_prefix) in the entry."""
    return " ".join(f'"{term}"*' if is_prefix(term) else f'"{term}"' for term in terms)


def match_spans(text: str, terms: tuple[str, ...]) -> list[tuple[int, int]]:
    """Where words of `text` start with one of `terms` (as FTS5 prefix terms match):
    sorted, non-overlapping (start, end) spans covering the matching prefix."""
    return list(_spans(text, terms))


def _spans(text: str, terms: tuple[str, ...]) -> Iterator[tuple[int, int]]:
    """`match_spans` one at a time: the excerpt needs only the first of a long text's."""
    if not terms or not text:
        return
    start = 0
    folded = text.casefold()
    if len(folded) == len(text):  # (casefold changed no length: its indices are the text's)
        # A word that matches holds a term at its start, so no word before the first place
        # a term occurs anywhere can match: the words of up to 20,000 characters are looked
        # at from there, and a text with no term in it is left at once.
        found = [at for at in map(folded.find, terms) if at >= 0]
        if not found:
            return
        start = min(found)
        while start and (text[start - 1].isalnum() or text[start - 1] == "_"):  # as \w
            start -= 1
    for word in _WORD.finditer(text, start):
        folded = word.group().casefold()
        best = max(
            (len(t) for t in terms if folded.startswith(t) and (is_prefix(t) or folded == t)),
            default=0,
        )
        if best:
            # casefold can change lengths (ß -> ss); mark the whole word in that rare case.
            length = best if len(folded) == len(word.group()) else len(word.group())
            yield word.start(), word.start() + length


def excerpt(texts: tuple[str, ...], terms: tuple[str, ...], width: int = 160) -> str:
    """The words around the first match in the first of `texts` that has one, on one line
    ("" when the words matched elsewhere, such as in tags)."""
    for text in texts:
        first = next(_spans(text, terms), None)
        if first is None:
            continue
        start = max(0, first[0] - width // 4)
        if start:
            space = text.find(" ", start, first[0])
            start = space + 1 if space != -1 else start
        end = min(len(text), start + width)
        piece = " ".join(text[start:end].split())
        return ("…" if start else "") + piece + ("…" if end < len(text) else "")
    return ""


@dataclass(frozen=True, slots=True)
class JournalListEntry:
    """One row of the Journal list: enough to show, not the whole entry."""

    id: str
    date: dt.date
    kind: FeedbackKind
    source_name: str
    first_line: str
    follow_up_on: dt.date | None
    followed_up_on: dt.date | None
    excerpt: str = ""  # around the first match, when searching

    def follow_up_due(self, today: dt.date) -> bool:
        return (
            self.kind is not FeedbackKind.REQUEST
            and self.follow_up_on is not None
            and self.followed_up_on is None
            and self.follow_up_on <= today
        )

    def chase_due(self, today: dt.date) -> bool:
        """A request whose answer I meant to chase by now."""
        return (
            self.kind is FeedbackKind.REQUEST
            and self.follow_up_on is not None
            and self.follow_up_on <= today
        )
