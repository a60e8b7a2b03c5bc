"""Read-only listings and counts for the tabs: paged summaries in the order a view asks for."""

from __future__ import annotations

from ..domain.summaries import (
    AssessmentSummary,
    ContactSummary,
    Counts,
)
from ..storage.connection import DataFile
from ..storage.repositories import assessments, goals, journal, network
from ..storage.repositories._paging import Page
from .context import ServiceContext

__all__ = ["ListingService", "Page"]


class ListingService:
    def __init__(self, context: ServiceContext) -> None:
        self._context = context

    @property
    def _data(self) -> DataFile:
        return self._context.data

    def assessments(self, page: Page) -> list[AssessmentSummary]:
        return assessments.summaries(self._data, page)

    def assessment_count(self) -> int:
        return assessments.count(self._data)

    def contacts(self, page: Page) -> list[ContactSummary]:
        return network.summaries(self._data, page)

    def contact_count(self) -> int:
        return network.count(self._data)

    def counts(self) -> Counts:
        today = self._context.clock.today()
        db = self._data
        with db.snapshot():
            goals_open, overdue, at_risk = goals.open_counts(db, today)
            follow_ups, requests = journal.due_counts(db, today)
            return Counts(
                assessments=assessments.count(db),
                goals_open=goals_open,
                goals_overdue=overdue,
                goals_at_risk=at_risk,
                feedback=journal.count(db),
                follow_ups_due=follow_ups,
                requests_open=requests,
                contacts=network.count(db),
                reconnects_due=network.reconnects_due(db, today),
                events=network.event_count(db),
            )
