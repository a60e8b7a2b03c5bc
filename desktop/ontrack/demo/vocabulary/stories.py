"""Feedback stories as read from the vocabulary's text blocks (see `praise` for the format)."""

from __future__ import annotations

from dataclasses import dataclass

from ...domain.enums import Factor, FeedbackKind, Relationship
from .blocks import read_blocks


@dataclass(frozen=True, slots=True)
class Story:
    """One kind of feedback someone gives, with what the person made of it."""

    kind: FeedbackKind
    factors: tuple[Factor, ...]
    tags: tuple[str, ...]
    givers: tuple[Relationship, ...]  # who typically gives (or is asked for) it
    situation: str
    behavior: str
    impact: str
    said: tuple[str, ...]  # one sentence each
    reflection: str
    action: str
    follow_up: str


def read_stories(text: str) -> tuple[Story, ...]:
    return tuple(
        Story(
            kind=FeedbackKind(block.head[0]),
            factors=tuple(Factor(factor) for factor in block.part(1)),
            tags=block.part(2),
            givers=tuple(Relationship(giver) for giver in block.part(3)),
            situation=block.one("S"),
            behavior=block.one("B"),
            impact=block.one("I"),
            said=block.many("T"),
            reflection=block.one("R"),
            action=block.one("A"),
            follow_up=block.one("F"),
        )
        for block in read_blocks(text)
    )
