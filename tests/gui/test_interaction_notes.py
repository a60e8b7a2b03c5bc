"""A contact's interactions show their notes as text: bold markers that older prompts and
sample data wrote into notes are not shown; the note itself is kept as it was."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from ontrack.domain.enums import InteractionKind
from ontrack.domain.network import Interaction
from ontrack.ui.network.models import InteractionsTableModel
from ontrack.ui.roles import RECORD_ROLE

NOTE = "**What surprised you most?** How slow the feedback loops are.\n**Advice?** C# and 5 * 3"


def test_notes_show_without_markdown_markers(qtmodeltester, qapp) -> None:  # type: ignore[no-untyped-def]
    model = InteractionsTableModel()
    interview = Interaction("i1", date(2026, 11, 2), InteractionKind.INFORMATIONAL_INTERVIEW,
                            notes=NOTE)  # fmt: skip
    model.show([interview], {})
    qtmodeltester.check(model)
    notes = next(c for c in range(model.columnCount())
                 if model.headerData(c, Qt.Orientation.Horizontal) == "Notes")  # fmt: skip
    shown = model.index(0, notes).data(Qt.ItemDataRole.DisplayRole)
    assert shown == (
        "What surprised you most? How slow the feedback loops are. ⏎ Advice? C# and 5 * 3"
    )
    assert model.index(0, 0).data(RECORD_ROLE).notes == NOTE  # stored as it was
