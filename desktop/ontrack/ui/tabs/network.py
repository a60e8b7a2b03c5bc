"""The Network tab: contacts, when you last spoke, and when to reconnect."""

from __future__ import annotations

from ...services.change import Topic
from ..table_models import ContactsTableModel
from .base import TabContext
from .table_tab import TableTab


def build(context: TabContext) -> TableTab:
    return TableTab(
        "Network",
        "The people in your professional network, when you last spoke, and when to "
        "reconnect. Contacts due to reconnect are marked.",
        "No contacts yet.\nImport an OnTrack file (File ▸ Import…) to bring yours in.",
        ContactsTableModel(context.services.listings, context.clock.today()),
        "contactsTable",
        topics=(Topic.CONTACTS, Topic.EVENTS),
        stretch_column=0,
        widths={1: 22, 2: 26, 3: 20, 4: 17, 5: 17},
    )
