"""The Goals tab: SMART goals in a table (Goal · Action steps · Deadline · Progress ·
Status · Factor) beside the selected goal's details; the parts live in `ui/goals/`."""

from __future__ import annotations

from ..goals.page import GoalsPage
from .base import TabContext


def build(context: TabContext) -> GoalsPage:
    return GoalsPage(context)
