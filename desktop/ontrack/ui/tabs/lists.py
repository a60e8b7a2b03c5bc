"""The four list tabs as they stand until their own features build them out."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QWidget

from ...services.listings import ListingService
from ..delegates import ProgressBarDelegate
from ..table_models import (
    AssessmentsTableModel,
    ContactsTableModel,
    GoalsTableModel,
    JournalTableModel,
)
from .table_tab import TableTab


def assessment_tab(listings: ListingService, parent: QWidget | None = None) -> TableTab:
    return TableTab(
        "Assessment",
        "Every assessment you have taken: how you rated yourself on the eight career "
        "derailers, and how others rated you.",
        "No assessments yet.\nImport an OnTrack file (File ▸ Import…) to bring yours in.",
        AssessmentsTableModel(listings),
        "assessmentList",
        stretch_column=2,
        widths={0: 16, 1: 12, 3: 14, 4: 16},
        parent=parent,
    )


def goals_tab(listings: ListingService, today: date, parent: QWidget | None = None) -> TableTab:
    tab = TableTab(
        "Goals",
        "Your SMART goals: what you are working towards, the next step, and how far along "
        "you are. Overdue and at-risk goals are marked.",
        "No goals yet.\nImport an OnTrack file (File ▸ Import…) to bring yours in.",
        GoalsTableModel(listings, today),
        "goalsTable",
        stretch_column=0,
        widths={1: 34, 2: 14, 3: 16, 4: 13, 5: 26},
        parent=parent,
    )
    tab.view.setItemDelegateForColumn(
        GoalsTableModel.PROGRESS_COLUMN, ProgressBarDelegate(tab.view)
    )
    return tab


def journal_tab(listings: ListingService, today: date, parent: QWidget | None = None) -> TableTab:
    return TableTab(
        "Journal",
        "Feedback you received or asked for, newest first. Entries whose follow-up is due "
        "are marked.",
        "No feedback recorded yet.\nImport an OnTrack file (File ▸ Import…) to bring yours in.",
        JournalTableModel(listings, today),
        "journalList",
        stretch_column=3,
        widths={0: 14, 1: 22, 2: 14},
        parent=parent,
    )


def network_tab(listings: ListingService, today: date, parent: QWidget | None = None) -> TableTab:
    return TableTab(
        "Network",
        "The people in your professional network, when you last spoke, and when to "
        "reconnect. Contacts due to reconnect are marked.",
        "No contacts yet.\nImport an OnTrack file (File ▸ Import…) to bring yours in.",
        ContactsTableModel(listings, today),
        "contactsTable",
        stretch_column=0,
        widths={1: 22, 2: 26, 3: 20, 4: 17, 5: 17},
        parent=parent,
    )
