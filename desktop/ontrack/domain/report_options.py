"""What a report should contain: the period and the sections (all of them by default)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from .report_period import Period


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


class PageSize(StrEnum):
    """The paper the report is laid out for."""

    A4 = "a4"
    LETTER = "letter"

    @property
    def label(self) -> str:
        return "A4" if self is PageSize.A4 else "Letter"

    @property
    def points(self) -> tuple[float, float]:
        """Width and height in PDF points (1/72 inch)."""
        return (595.2755905511812, 841.8897637795277) if self is PageSize.A4 else (612.0, 792.0)


# Letter is the paper of the United States and Canada (and a few neighbours who follow
# them); everyone else prints on A4.
LETTER_TERRITORIES = frozenset({"US", "CA", "MX", "PH", "CL", "CO", "VE", "CR", "GT", "PR"})


def page_size_for_locale(name: str | None) -> PageSize:
    """The paper for a locale name such as 'en_US.UTF-8', 'fr-CA' or 'de_DE': Letter in the
    US and Canada (and a few neighbours), A4 elsewhere and when the name says no country."""
    if not name:
        return PageSize.A4
    base = name.split(".")[0].split("@")[0].replace("-", "_")
    parts = base.split("_")
    territory = parts[1].upper() if len(parts) > 1 else ""
    return PageSize.LETTER if territory in LETTER_TERRITORIES else PageSize.A4


def system_page_size(environ: Mapping[str, str]) -> PageSize:
    """The paper of the locale in the environment, as the C library picks it: LC_ALL, then
    LC_PAPER, then LANG."""
    for variable in ("LC_ALL", "LC_PAPER", "LANG"):
        value = environ.get(variable, "")
        if value:
            return page_size_for_locale(value)
    return PageSize.A4


@dataclass(frozen=True, slots=True)
class ReportOptions:
    """`period` None means the last 12 months up to the day the report is made.

    `invariant` (the default) makes the PDF a pure function of its inputs: the same data,
    options and day give the same bytes (ReportLab's invariant mode, with the creation
    date set to the day the report is made rather than the clock).

    `summary` makes the one-page summary instead of the full report (`sections` does not
    apply to it); `page_size` is the paper both are laid out for.
    """

    period: Period | None = None
    sections: frozenset[Section] = field(default_factory=lambda: frozenset(Section))
    invariant: bool = True
    summary: bool = False
    page_size: PageSize = PageSize.A4

    def period_for(self, today: dt.date) -> Period:
        return self.period if self.period is not None else Period.last_12_months(today)

    def includes(self, section: Section) -> bool:
        return section in self.sections
