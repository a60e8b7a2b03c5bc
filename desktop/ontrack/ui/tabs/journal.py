"""The Journal tab: feedback received or asked for, newest first."""

from __future__ import annotations

from ...services.change import Topic
from ..table_models import JournalTableModel
from .base import TabContext
from .table_tab import TableTab


def build(context: TabContext) -> TableTab:
    return TableTab(
        "Journal",
        "Feedback you received or asked for, newest first. Entries whose follow-up is due "
        "are marked.",
        "No feedback recorded yet.\nImport an OnTrack file (File ▸ Import…) to bring yours in.",
        JournalTableModel(context.services.listings, context.clock.today()),
        "journalList",
        topics=(Topic.FEEDBACK,),
        stretch_column=3,
        widths={0: 14, 1: 22, 2: 14},
    )
