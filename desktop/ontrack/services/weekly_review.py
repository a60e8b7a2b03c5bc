"""The weekly review's read: what this week's review walks through, in one consistent read.

Reading only. The review's writes (a check-in, a follow-up done, an interaction logged) go
through the Goals, Journal and Network services' own undoable commands, so the tabs see the
same changes, settled by the same rules, as if they had been made there.
"""

from __future__ import annotations

from datetime import date

from ..domain.weekly_review import MAX_CONTACTS, MAX_FOLLOW_UPS, MAX_GOALS, WeeklyReview
from ..storage.repositories import weekly_review as queries
from .context import ServiceContext


class WeeklyReviewService:
    def __init__(self, context: ServiceContext) -> None:
        self._context = context

    @property
    def today(self) -> date:
        return self._context.clock.today()

    def review(self) -> WeeklyReview:
        """This week's review: quiet goals, follow-ups due and people to reach out to."""
        data = self._context.data
        today = self.today
        with data.snapshot():
            goals, goals_total = queries.quiet_goals(data, today, MAX_GOALS)
            follow_ups, follow_ups_total = queries.follow_ups_due(data, today, MAX_FOLLOW_UPS)
            contacts, contacts_total = queries.contacts_to_reach(data, today, MAX_CONTACTS)
        return WeeklyReview(
            today=today,
            goals=tuple(goals),
            goals_total=goals_total,
            follow_ups=tuple(follow_ups),
            follow_ups_total=follow_ups_total,
            contacts=tuple(contacts),
            contacts_total=contacts_total,
        )
