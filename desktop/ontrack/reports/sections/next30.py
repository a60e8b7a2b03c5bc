"""Next 30 days: the open action steps, deadlines, follow-ups and reconnects due, as a
checklist with boxes to tick by hand."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Table, TableStyle

from ..charts import CheckBox
from ..model import NextPart, TodoGroup
from ..options import Section
from ..period import format_day
from ..styles import BODY_WIDTH, RULE, Kit
from .common import block, section_start

_SECTION = Section.NEXT_30_DAYS


def _group(kit: Kit, group: TodoGroup) -> list[Any]:
    story: list[Any] = []
    if group.todos:
        rows = []
        for todo in group.todos.items:
            text = [kit.cell(todo.text)]
            if todo.context:
                text.append(kit.cell(todo.context, "muted"))
            due = kit.day(todo.due, late=todo.overdue) if todo.due else kit.ours("now", "cell")
            rows.append([CheckBox(overdue=todo.overdue), text, due])
        table = Table(rows, colWidths=[8 * mm, BODY_WIDTH - 33 * mm, 25 * mm], hAlign="LEFT")
        table.setStyle(TableStyle([
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 4),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ("LEFTPADDING", (0, 0), (0, -1), 1),
            ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
        ]))  # fmt: skip
        story.append(table)
        story += kit.more(group.todos.more, "due by then")
    else:
        story.append(kit.ours("Nothing due.", "muted"))
    if group.stale:
        story.append(kit.ours(f"Not listed: {group.stale:,} overdue for more than 90 days. "
                              "Reschedule them or let them go.", "muted"))  # fmt: skip
    return block(kit, _SECTION, group.title, story, room=30 * mm)


def next_30_days(kit: Kit, part: NextPart) -> list[Any]:
    story = section_start(kit, _SECTION)
    if not part.total and not any(g.stale for g in part.groups):
        return [
            *story,
            kit.empty(
                f"Nothing is due between now and {format_day(part.until)}. "
                "A good moment to set the next goal or ask for feedback."
            ),
        ]
    story.append(
        kit.ours(
            f"Everything due by {format_day(part.until)}, and anything that fell "
            "due in the last 90 days. Dates in red are past.",
            "meta",
        )
    )
    for group in part.groups:
        story += _group(kit, group)
    story.append(kit.ours("Contacts due for a reconnect are listed under Network.", "muted"))
    return story
