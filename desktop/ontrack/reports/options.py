"""What a report should contain: the period and the sections (all of them by default)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

from .period import Period


class Section(StrEnum):
    """The report's sections after the cover, in the order they are printed."""

    GLANCE = "glance"
    ASSESSMENT = "assessment"
    GOALS = "goals"
    FEEDBACK = "feedback"
    NETWORK = "network"
    NEXT_30_DAYS = "next"

    @property
    def heading(self) -> str:
        return _TITLES[self]


_TITLES = {
    Section.GLANCE: "At a glance",
    Section.ASSESSMENT: "Assessment",
    Section.GOALS: "Goals",
    Section.FEEDBACK: "Feedback",
    Section.NETWORK: "Network",
    Section.NEXT_30_DAYS: "Next 30 days",
}


@dataclass(frozen=True, slots=True)
class ReportOptions:
    """`period` None means the last 12 months up to the day the report is made.

    `invariant` (the default) makes the PDF a pure function of its inputs: the same data,
    options and day give the same bytes (ReportLab's invariant mode, with the creation
    date set to the day the report is made rather than the clock).
    """

    period: Period | None = None
    sections: frozenset[Section] = field(default_factory=lambda: frozenset(Section))
    invariant: bool = True

    def period_for(self, today: dt.date) -> Period:
        return self.period if self.period is not None else Period.last_12_months(today)

    def includes(self, section: Section) -> bool:
        return section in self.sections
