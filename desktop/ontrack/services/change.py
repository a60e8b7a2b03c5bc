"""What changed, as the services announce it; each screen decides whether it cares."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Topic(StrEnum):
    PROFILE = "profile"
    ASSESSMENTS = "assessments"
    GOALS = "goals"
    FEEDBACK = "feedback"
    CONTACTS = "contacts"
    EVENTS = "events"


@dataclass(frozen=True, slots=True)
class Change:
    """Records of `topics` changed; `ids` narrows it down (empty: any record may have)."""

    topics: frozenset[Topic]
    ids: frozenset[str] = frozenset()

    @classmethod
    def of(cls, *topics: Topic, ids: tuple[str, ...] = ()) -> Change:
        return cls(frozenset(topics), frozenset(ids))

    @classmethod
    def everything(cls) -> Change:
        return cls(frozenset(Topic))

    def touches(self, *topics: Topic) -> bool:
        return not self.topics.isdisjoint(topics)
