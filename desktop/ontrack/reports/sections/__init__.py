"""The report's sections as ReportLab flowables, one module each, from the plain model."""

from __future__ import annotations

from typing import Any

from ...domain.enums import Factor
from ...domain.report_options import Section
from ..model import ReportData
from ..styles import Kit
from .assessment import assessment
from .common import keep_headings
from .cover import cover
from .feedback import feedback
from .glance import glance
from .goals import goals
from .network import network
from .next30 import next_30_days


def story(kit: Kit, data: ReportData, labels: dict[Factor, str]) -> list[Any]:
    """Every flowable of the report, cover first, sections in order."""
    flowables = cover(kit, data)
    for section in data.sections:
        if section is Section.GLANCE and data.glance is not None:
            flowables += glance(kit, data.glance)
        elif section is Section.ASSESSMENT:
            flowables += assessment(kit, data.assessment, data.assessment_drafts, labels)
        elif section is Section.GOALS and data.goals is not None:
            flowables += goals(kit, data.goals)
        elif section is Section.FEEDBACK and data.feedback is not None:
            flowables += feedback(kit, data.feedback)
        elif section is Section.NETWORK and data.network is not None:
            flowables += network(kit, data.network)
        elif section is Section.NEXT_30_DAYS and data.next_30_days is not None:
            flowables += next_30_days(kit, data.next_30_days)
    return keep_headings(flowables)
