"""All services over one data file, built in one place and passed to whoever needs them.

Each service is made the first time something asks for it, and only once: start-up pays
for what the first screen shows (the Overview asks for the agenda, which asks for goals
and assessments), the rest waits for its tab. The assessment content (statements,
guidance, templates) is read once, the first time anything needs it.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from ..domain.clock import Clock
from ..storage.connection import DataFile
from .context import ServiceContext
from .notifier import ChangeNotifier

if TYPE_CHECKING:
    from ..domain.content import Content
    from .agenda import AgendaService
    from .assessments import AssessmentService
    from .backups import BackupService
    from .calendar import CalendarService
    from .goals import GoalService
    from .journal import JournalService
    from .listings import ListingService
    from .network import NetworkService
    from .profile import ProfileService
    from .ratings import RatingService
    from .report import ReportService
    from .transfer import TransferService
    from .weekly_review import WeeklyReviewService


class Services:
    def __init__(self, context: ServiceContext) -> None:
        self.context = context

    @classmethod
    def create(cls, data: DataFile, clock: Clock) -> Services:
        return cls(ServiceContext(data, clock, ChangeNotifier()))

    @property
    def notifier(self) -> ChangeNotifier:
        return self.context.notifier

    @cached_property
    def content(self) -> Content:
        from .content import bundled_content_cached

        return bundled_content_cached()

    @cached_property
    def profile(self) -> ProfileService:
        from .profile import ProfileService

        return ProfileService(self.context)

    @cached_property
    def transfer(self) -> TransferService:
        from .transfer import TransferService

        return TransferService(self.context)

    @cached_property
    def listings(self) -> ListingService:
        from .listings import ListingService

        return ListingService(self.context)

    @cached_property
    def goals(self) -> GoalService:
        from .goals import GoalService

        return GoalService(self.context)

    @cached_property
    def assessments(self) -> AssessmentService:
        from .assessments import AssessmentService

        return AssessmentService(self.context, lambda: self.content)

    @cached_property
    def ratings(self) -> RatingService:
        from .ratings import RatingService

        return RatingService(self.context, self.assessments, self.profile)

    @cached_property
    def agenda(self) -> AgendaService:
        from .agenda import AgendaService

        return AgendaService(self.context, self.goals, self.assessments)

    @cached_property
    def journal(self) -> JournalService:
        from .journal import JournalService

        return JournalService(self.context)

    @cached_property
    def network(self) -> NetworkService:
        from .network import NetworkService

        return NetworkService(self.context)

    @cached_property
    def calendar(self) -> CalendarService:
        from .calendar import CalendarService

        return CalendarService(self.context)

    @cached_property
    def weekly_review(self) -> WeeklyReviewService:
        from .weekly_review import WeeklyReviewService

        return WeeklyReviewService(self.context)

    @cached_property
    def backups(self) -> BackupService:
        from .backups import BackupService

        return BackupService(self.context)

    @cached_property
    def report(self) -> ReportService:
        from .report import ReportService

        return ReportService(self.context)
