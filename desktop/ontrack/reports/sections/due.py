"""A due list laid out: one table, the same in a section and in Next 30 days (there with a
box to tick), so the two can never tell a different story."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph

from ...domain.report_options import Section
from ...domain.report_period import format_day
from ..charts import CheckBox
from ..model import DueItem, DueList
from ..styles import BAD, BODY_WIDTH, Kit
from .common import block

DUE_WIDTH = 26 * mm
BOX_WIDTH = 8 * mm


def due_cell(item: DueItem) -> str:
    """The date as plain cell text, with "overdue" in words under a past date (the table
    draws it red: `overdue_colours`), as colour alone says nothing on a grey print-out."""
    if item.due is None:
        return "now"
    return f"{format_day(item.due)}\noverdue" if item.overdue else format_day(item.due)


def overdue_colours(items: Sequence[DueItem], column: int, first_row: int = 1) -> list[Any]:
    """Table style commands that draw the overdue dates in `column` red."""
    return [
        ("TEXTCOLOR", (column, row), (column, row), BAD)
        for row, item in enumerate(items, start=first_row)
        if item.overdue
    ]


def _what(kit: Kit, item: DueItem) -> list[Paragraph]:
    # Two plain paragraphs lay out faster than one with a coloured run in it: these lists
    # are printed twice, in their section and in Next 30 days.
    cell = [kit.cell(item.text)]
    if item.context:
        cell.append(kit.cell(item.context, "muted"))
    return cell


def stale_note(due: DueList) -> list[str]:
    if not due.stale:
        return []
    return [
        f"Not listed: {due.stale:,} overdue for more than 90 days. "
        "Reschedule them in OnTrack or let them go."
    ]


def window_note(due: DueList) -> str:
    return (
        f"Due by {format_day(due.until)}, soonest first; then overdue (in red), the oldest "
        "last. The same list is in Next 30 days."
    )


def due_block(
    kit: Kit, section: Section, due: DueList, title: str = "", notes: Sequence[str] = ()
) -> list[Any]:
    """A section's sub-list of what is due: heading, window, table (with `notes`, our own
    markup, under it)."""
    body = [kit.ours(window_note(due), "meta")] if due.items else []
    body += due_table(kit, due, empty=f"Nothing due by {format_day(due.until)}.", notes=notes)
    return block(kit, section, title or f"{due.title} due", body)


def due_table(
    kit: Kit, due: DueList, *, boxes: bool = False, empty: str, notes: Sequence[str] = ()
) -> list[Any]:
    """The items of `due` with their dates (upcoming soonest first, then overdue, the
    oldest last), "… and N more" and the notes in the table's last rows; or, when there
    is nothing, `empty` and the notes in one statement (nothing left to stray alone)."""
    notes = [*stale_note(due), *notes]
    if not due.items:
        statement = " ".join([empty, *notes])
        # In the checklist a plain line will do: a shaded box per empty group is a lot of
        # paper for "nothing".
        return [kit.ours(statement, "muted") if boxes else kit.empty(statement)]
    rows: list[list[Any]] = []
    for item in due.items.items:
        row = [due_cell(item), _what(kit, item)]
        rows.append([CheckBox(overdue=item.overdue), *row] if boxes else row)
    if boxes:
        header = ["", "Due", "What"]
        widths = [BOX_WIDTH, DUE_WIDTH, BODY_WIDTH - DUE_WIDTH - BOX_WIDTH]
    else:
        header = ["Due", "What"]
        widths = [DUE_WIDTH, BODY_WIDTH - DUE_WIDTH]
    red = overdue_colours(due.items.items, 1 if boxes else 0)
    more = (due.items.more, f"{due.title.lower()} due")
    return [kit.table(header, rows, widths, more=more, extra=red, notes=notes)]
