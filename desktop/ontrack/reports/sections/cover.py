"""The cover: who, from which role to which, the period, the day it was made, and what
is inside."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import NextPageTemplate, PageBreak, Spacer

from ...domain.report_period import format_day
from ..document import OutlineEntry
from ..model import ReportData
from ..styles import Kit
from ..text import one_line
from .common import heading


def cover(kit: Kit, data: ReportData) -> list[Any]:
    info = data.cover
    name = one_line(info.name, 120)
    story: list[Any] = [
        NextPageTemplate("body"),
        Spacer(1, 38 * mm),
        kit.ours("PROGRESS REPORT", "cover_title"),
        heading(
            kit,
            kit.esc(name) if name else "Your progress",
            "cover_name",
            OutlineEntry("Cover", 0, "cover"),
        ),
    ]
    now, then = one_line(info.current_role, 120), one_line(info.target_role, 120)
    if now and then:
        roles = f"{kit.esc(now)} <font color='#5F6B7A'>→</font> {kit.esc(then)}"
    elif now or then:
        roles = kit.esc(now) if now else f"Aiming for: {kit.esc(then)}"
    else:
        roles = "<font color='#5F6B7A'>No current or target role given yet</font>"
    story += [
        kit.ours(roles, "cover_line"),
        Spacer(1, 16 * mm),
        kit.ours(f"<b>Period</b>  {info.period_label}", "cover_line"),
        kit.ours(f"<b>Made on</b>  {format_day(info.made_on)}", "cover_line"),
        Spacer(1, 22 * mm),
        kit.ours("<b>In this report</b>", "cover_line"),
    ]
    for number, section in enumerate(data.sections, start=1):
        story.append(kit.ours(f"{number}.  {section.heading}", "cover_line"))
    story += [
        Spacer(1, 30 * mm),
        kit.ours(
            "Private: made from your own OnTrack data on your own computer. Share it with "
            "whom you choose, such as a coach, a mentor or your manager.",
            "muted",
        ),
        PageBreak(),
    ]
    return story
