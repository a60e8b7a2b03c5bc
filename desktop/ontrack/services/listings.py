"""Read-only listings and counts for the tabs: paged summaries in the order a view asks for."""

from __future__ import annotations

from peewee import SqliteDatabase

from ..domain.summaries import (
    AssessmentSummary,
    ContactSummary,
    Counts,
    FeedbackSummary,
    GoalSummary,
)
from ..storage.repositories import assessments, goals, journal, network
from ..storage.repositories._paging import Page
from .context import ServiceContext

__all__ = ["ListingService", "Page"]


class ListingService:
    def __init__(self, context: ServiceContext) -> None:
        self._context = context

    @property
    def _db(self) -> SqliteDatabase:
        return self._context.data.db

    def assessments(self, page: Page) -> list[AssessmentSummary]:
        return assessments.summaries(self._db, page)

    def assessment_count(self) -> int:
        return assessments.count(self._db)

    def goals(self, page: Page) -> list[GoalSummary]:
        return goals.summaries(self._db, page)

    def goal_count(self) -> int:
        return goals.count(self._db)

    def feedback(self, page: Page) -> list[FeedbackSummary]:
        return journal.summaries(self._db, page)

    def feedback_count(self) -> int:
        return journal.count(self._db)

    def contacts(self, page: Page) -> list[ContactSummary]:
        return network.summaries(self._db, page)

    def contact_count(self) -> int:
        return network.count(self._db)

    def counts(self) -> Counts:
        today = self._context.clock.today()
        db = self._db
        with db.atomic():
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
