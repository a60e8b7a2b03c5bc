"""Next 30 days: everything due from the report's last day to 30 days later, and what is
overdue, as a checklist with boxes to tick by hand. The lists are the very ones the Goals,
Feedback and Network sections show (`gather_due`)."""

from __future__ import annotations

from typing import Any

from ...domain.report_options import Section
from ...domain.report_period import format_day
from ..model import NextPart
from ..styles import Kit
from .common import block, keep_with_next, section_start
from .due import due_table

_SECTION = Section.NEXT_30_DAYS


def next_30_days(kit: Kit, part: NextPart) -> list[Any]:
    story = section_start(kit, _SECTION)
    due = part.due
    if not due.total and not due.stale:
        return [
            *story,
            kit.empty(
                f"Nothing is due between {format_day(due.start)} and {format_day(due.until)}, "
                "and nothing is overdue. A good moment to set the next goal or ask for feedback."
            ),
        ]
    story.append(
        keep_with_next(
            kit.ours(
                f"Due from {format_day(due.start)} to {format_day(due.until)}, soonest first; "
                "then what is overdue (in red), the oldest last.",
                "meta",
            )
        )
    )
    for group in part.groups:
        body = due_table(kit, group, boxes=True, empty="Nothing due.")
        story += block(kit, _SECTION, group.title, body)
    return story
