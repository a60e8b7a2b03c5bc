"""The Journal tab: the feedback journal — seek, record, reflect, act, follow up."""

from __future__ import annotations

from ..journal.page import JournalPage
from .base import TabContext


def build(context: TabContext) -> JournalPage:
    return JournalPage(context)
