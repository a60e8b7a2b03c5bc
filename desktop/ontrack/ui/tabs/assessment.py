"""The Assessment tab: the derailer wizard, its results and guidance, others' ratings,
and the history of assessments, compared. The page itself lives in `ui/assessment/`."""

from __future__ import annotations

from ..assessment.page import AssessmentPage
from .base import TabContext


def build(context: TabContext) -> AssessmentPage:
    return AssessmentPage(context)
