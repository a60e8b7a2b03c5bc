"""The Goals tab: SMART goals with their next step, deadline and progress."""

from __future__ import annotations

from ...services.change import Topic
from ..delegates import ProgressBarDelegate
from ..table_models import GoalsTableModel
from .base import TabContext
from .table_tab import TableTab


def build(context: TabContext) -> TableTab:
    tab = TableTab(
        "Goals",
        "Your SMART goals: what you are working towards, the next step, and how far along "
        "you are. Overdue and at-risk goals are marked.",
        "No goals yet.\nImport an OnTrack file (File ▸ Import…) to bring yours in.",
        GoalsTableModel(context.services.listings, context.clock.today()),
        "goalsTable",
        topics=(Topic.GOALS,),
        stretch_column=0,
        widths={1: 34, 2: 14, 3: 16, 4: 13, 5: 26},
    )
    tab.view.setItemDelegateForColumn(
        GoalsTableModel.PROGRESS_COLUMN, ProgressBarDelegate(tab.view)
    )
    return tab
