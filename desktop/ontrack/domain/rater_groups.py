"""What of others' ratings may be shown: the anonymity rules of a 360° comparison.

- A manager's ratings are shown as the manager's.
- Peers, direct reports and everybody else (clients, mentors, others) are shown only as a
  group, and only when the group has at least `MIN_GROUP` raters who answered; their
  comments are shuffled and unattributed. A smaller group's scores and comments are
  withheld: with two peers, each could tell who said what. The exception is a rater whom
  the person asked, on the form, to agree to be shown by name, and who ticked that they
  agree (`Rater.named`): in a group under `MIN_GROUP` they are shown on their own, by
  name, their comments attributed; the others of that group stay withheld.
- A rater counts for a factor only with at least half its statements answered; "Can't
  say" is no answer (it is never stored as a rating), so it never drags a score down.

The comparison with one's own view (blind spots, hidden strengths) uses only what these
rules show, on screen and in the report alike.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from .assessment import Answer, Rater
from .content import Content
from .enums import Factor, Relationship
from .scoring import Scores, others_scores

MIN_GROUP = 3
"""Raters a group needs before its scores and comments are shown."""
NAMED_NOTE = "shown by name with their consent"


class RaterGroup(StrEnum):
    MANAGER = "manager"
    PEERS = "peers"
    REPORTS = "reports"
    OTHERS = "others"

    @property
    def label(self) -> str:
        return _GROUP_LABELS[self]


_GROUP_LABELS = {
    RaterGroup.MANAGER: "Manager",
    RaterGroup.PEERS: "Peers",
    RaterGroup.REPORTS: "Direct reports",
    RaterGroup.OTHERS: "Others",
}


def group_of(relationship: Relationship) -> RaterGroup:
    if relationship is Relationship.MANAGER:
        return RaterGroup.MANAGER
    if relationship is Relationship.PEER:
        return RaterGroup.PEERS
    if relationship is Relationship.DIRECT_REPORT:
        return RaterGroup.REPORTS
    return RaterGroup.OTHERS


def counted_answers(content: Content, answers: Iterable[Answer]) -> tuple[Answer, ...]:
    """The answers to factors of which at least half the statements are answered."""
    given = {a.statement: a for a in answers if content.has_statement(a.statement)}
    kept: list[Answer] = []
    for factor_content in content.factors:
        mine = [given[s.id] for s in factor_content.statements if s.id in given]
        if 2 * len(mine) >= len(factor_content.statements):
            kept.extend(mine)
    return tuple(kept)


@dataclass(frozen=True, slots=True)
class GroupView:
    """One line of the comparison: a manager, or a group of raters, shown or withheld."""

    group: RaterGroup
    title: str
    raters: int
    shown: bool
    scores: Scores
    comments: tuple[tuple[str, str], ...]
    named: bool = False
    """One rater of a small group, shown by name because they agreed on their form."""
    group_size: int = 0
    """For a withheld group: how many answered in all, those shown by name included."""

    @property
    def reason(self) -> str:
        """Why a withheld group is withheld, in words."""
        if self.shown:
            return ""
        size = max(self.group_size, self.raters)
        reason = (
            f"{size} of at least {MIN_GROUP} needed: withheld so that nobody's "
            "answers can be told apart"
        )
        if size > self.raters:
            who = "one" if self.raters == 1 else str(self.raters)
            reason += f" ({who} did not agree to be shown by name)"
        return reason


def _answered(raters: Iterable[Rater]) -> list[Rater]:
    return [r for r in raters if r.answers or r.comments]


def group_views(content: Content, raters: Sequence[Rater], seed: str = "") -> list[GroupView]:
    """Managers one by one, then peers, direct reports and others as groups, in that order.

    `seed` (the assessment's id) makes the shuffle of a group's comments the same every
    time the same ratings are shown, without following the order the raters were added.
    """
    returned = _answered(raters)
    views: list[GroupView] = []
    for rater in returned:
        if group_of(rater.relationship) is RaterGroup.MANAGER:
            scores = others_scores(content, [_counted(content, rater)])
            title = f"Manager ({rater.name})"
            views.append(GroupView(RaterGroup.MANAGER, title, 1, True, scores, rater.comments))
    for group in (RaterGroup.PEERS, RaterGroup.REPORTS, RaterGroup.OTHERS):
        members = [r for r in returned if group_of(r.relationship) is group]
        if len(members) >= MIN_GROUP:
            counted = [_counted(content, r) for r in members]
            comments = [c for r in members for c in r.comments if c[1].strip()]
            random.Random(f"{seed}/{group.value}").shuffle(comments)
            title = f"{group.label} ({len(members)})"
            scores = others_scores(content, counted)
            views.append(GroupView(group, title, len(members), True, scores, tuple(comments)))
        elif members:
            views += _small_group(content, group, members)
    return views


def _small_group(content: Content, group: RaterGroup, members: list[Rater]) -> list[GroupView]:
    """A group under `MIN_GROUP`: those who agreed by name, each on their own, attributed;
    the rest withheld together (their count and why)."""
    views = []
    for rater in (r for r in members if r.named):
        scores = others_scores(content, [_counted(content, rater)])
        title = f"{rater.name} ({rater.relationship.label.lower()}, {NAMED_NOTE})"
        comments = tuple(c for c in rater.comments if c[1].strip())
        views.append(GroupView(group, title, 1, True, scores, comments, named=True))
    rest = [r for r in members if not r.named]
    if rest:
        title = f"{group.label} ({len(members)})"
        if len(rest) < len(members):
            title = f"{group.label}, the others ({len(rest)})"
        empty = dict.fromkeys(Factor)
        views.append(GroupView(group, title, len(rest), False, empty, (), group_size=len(members)))
    return views


def shown_raters(raters: Sequence[Rater]) -> list[Rater]:
    """The raters whose ratings the rules let into the comparison."""
    returned = _answered(raters)
    sizes: dict[RaterGroup, int] = {}
    for rater in returned:
        group = group_of(rater.relationship)
        sizes[group] = sizes.get(group, 0) + 1
    return [
        r
        for r in returned
        if group_of(r.relationship) is RaterGroup.MANAGER
        or sizes[group_of(r.relationship)] >= MIN_GROUP
        or r.named
    ]


def comparable_scores(content: Content, raters: Sequence[Rater]) -> Scores:
    """Others' factor scores as the rules allow them to be compared with one's own."""
    return others_scores(content, [_counted(content, r) for r in shown_raters(raters)])


def withheld_count(raters: Sequence[Rater]) -> int:
    """How many raters who answered are left out of the comparison by the rules."""
    return len(_answered(raters)) - len(shown_raters(raters))


def _counted(content: Content, rater: Rater) -> Rater:
    return replace(rater, answers=counted_answers(content, rater.answers))
