"""The Assessment tab: every assessment taken, newest first."""

from __future__ import annotations

from ...services.change import Topic
from ..table_models import AssessmentsTableModel
from .base import TabContext
from .table_tab import TableTab


def build(context: TabContext) -> TableTab:
    return TableTab(
        "Assessment",
        "Every assessment you have taken: how you rated yourself on the eight career "
        "derailers, and how others rated you.",
        "No assessments yet.\nImport an OnTrack file (File ▸ Import…) to bring yours in.",
        AssessmentsTableModel(context.services.listings),
        "assessmentList",
        topics=(Topic.ASSESSMENTS,),
        stretch_column=2,
        widths={0: 16, 1: 12, 3: 14, 4: 16},
    )
