"""The Overview's use cases: what needs attention now, this month in three numbers, where
the latest assessment stands, and whether the file is new (the first-run welcome).

Reading only, with one exception: goal statuses are first brought up to today (time alone
moves a goal towards "at risk"), exactly as the Goals tab does when it opens.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from ..domain.agenda import Agenda, MonthSummary, agenda_of
from ..domain.assessment import Assessment
from ..domain.dates import add_months
from ..storage.repositories import agenda as queries
from .assessments import AssessmentService
from .context import ServiceContext
from .goals import GoalService

if TYPE_CHECKING:  # scored only once there is an assessment: the content loads then
    from ..domain.content import FactorContent
    from ..domain.scoring import Scores

RETAKE_AFTER_MONTHS = 3


@dataclass(frozen=True, slots=True)
class AssessmentSnapshot:
    """The latest finished assessment in brief, and what to suggest next."""

    assessment: Assessment | None  # None: none finished yet
    scores: Scores
    strength: FactorContent | None
    opportunity: FactorContent | None
    has_draft: bool
    retake_due: bool  # the latest is more than three months old

    @property
    def nudge(self) -> str:
        if self.has_draft:
            return "You have an assessment in progress. Finish it to update your profile."
        if self.assessment is None:
            return "Take the assessment to see where you stand on the eight career derailers."
        if self.retake_due:
            return (
                "Your last assessment is more than three months old. Retake it to see what changed."
            )
        return ""


class AgendaService:
    def __init__(
        self,
        context: ServiceContext,
        goals: GoalService | None = None,
        assessments: AssessmentService | None = None,
    ) -> None:
        self._context = context
        self._goals = goals or GoalService(context)
        self._assessments = assessments or AssessmentService(context)

    @property
    def today(self) -> date:
        return self._context.clock.today()

    def attention(self, settle: bool = True) -> Agenda:
        """Everything that needs attention today, grouped by kind, most urgent first."""
        if settle:  # only open goals move with time; the agenda shows no other
            self._goals.settled_open_items()
        data = self._context.data
        with data.snapshot():
            return agenda_of(queries.attention_groups(data, self.today))

    def month(self) -> MonthSummary:
        return queries.month_summary(self._context.data, self.today)

    def is_empty(self) -> bool:
        return queries.is_empty(self._context.data)

    def has_goals(self) -> bool:
        """Any goal at all, open or closed: someone without one is asked to set one."""
        return bool(self._goals.closed_ids()) or bool(self._goals.settled_open_items())

    def assessment_snapshot(self) -> AssessmentSnapshot:
        service = self._assessments
        has_draft = service.latest_draft() is not None
        latest = service.latest_complete()
        if latest is None:
            return AssessmentSnapshot(None, {}, None, None, has_draft, False)
        from ..domain.scoring import assessment_scores, top_opportunities, top_strengths

        content = service.content
        scores = assessment_scores(content, latest)
        strengths = top_strengths(scores, 1)
        opportunities = top_opportunities(scores, 1)
        return AssessmentSnapshot(
            assessment=latest,
            scores=scores,
            strength=content.factor(strengths[0]) if strengths else None,
            opportunity=content.factor(opportunities[0]) if opportunities else None,
            has_draft=has_draft,
            retake_due=add_months(latest.taken_on, RETAKE_AFTER_MONTHS) < self.today,
        )
