"""Closed vocabularies shared by every layer; their values are the interchange ids."""

from __future__ import annotations

from enum import StrEnum


class Factor(StrEnum):
    """The eight career derailers, in their canonical order."""

    PEOPLE = "people"
    TEAMWORK = "teamwork"
    IMAGE = "image"
    IMPACT = "impact"
    AUTHORITY = "authority"
    VISION = "vision"
    CUSTOMER = "customer"
    ISOLATION = "isolation"

    @property
    def label(self) -> str:
        return _FACTOR_LABELS[self]


_FACTOR_LABELS = {
    Factor.PEOPLE: "Importance of people",
    Factor.TEAMWORK: "Teamwork",
    Factor.IMAGE: "Image and communication",
    Factor.IMPACT: "Effect on others",
    Factor.AUTHORITY: "Working with authority",
    Factor.VISION: "Breadth of vision",
    Factor.CUSTOMER: "Customer focus",
    Factor.ISOLATION: "Working with others",
}


class AssessmentStatus(StrEnum):
    COMPLETE = "complete"
    DRAFT = "draft"

    @property
    def label(self) -> str:
        return "Complete" if self is AssessmentStatus.COMPLETE else "Draft"


class GoalStatus(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    DONE = "done"
    DROPPED = "dropped"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()

    @property
    def is_closed(self) -> bool:
        return self in (GoalStatus.DONE, GoalStatus.DROPPED)


class FeedbackKind(StrEnum):
    PRAISE = "praise"
    CONSTRUCTIVE = "constructive"
    REQUEST = "request"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class Relationship(StrEnum):
    MANAGER = "manager"
    PEER = "peer"
    DIRECT_REPORT = "direct_report"
    CLIENT = "client"
    MENTOR = "mentor"
    OTHER = "other"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()


class InteractionKind(StrEnum):
    CONFERENCE = "conference"
    MEETING = "meeting"
    COFFEE = "coffee"
    CALL = "call"
    EMAIL = "email"
    LINKEDIN = "linkedin"
    INFORMATIONAL_INTERVIEW = "informational_interview"
    OTHER = "other"

    @property
    def label(self) -> str:
        if self is InteractionKind.LINKEDIN:
            return "LinkedIn"
        if self is InteractionKind.EMAIL:
            return "E-mail"
        return self.value.replace("_", " ").capitalize()
