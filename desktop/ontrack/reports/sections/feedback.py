"""Feedback: what was received in the period, grouped by factor with the action plans,
follow-ups done, and the follow-ups and requests due (the lists Next 30 days shows too)."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Spacer

from ...domain.report_options import Section
from ...domain.report_period import format_day
from ..model import FactorGroup, FeedbackItem, FeedbackPart
from ..styles import BODY_WIDTH, Kit
from ..text import plural
from .common import block, group, section_start
from .due import due_block

_SECTION = Section.FEEDBACK


def _item(kit: Kit, item: FeedbackItem) -> Any:
    block = [
        kit.ours(f"{format_day(item.date)} · {item.kind} · {kit.esc(item.source)}", "meta"),
        kit.user(item.said or "(nothing written down)", "body"),
    ]
    if item.action_plan:
        block.append(kit.ours(f"<b>Action plan:</b> {kit.esc(item.action_plan)}", "quote"))
    block.append(Spacer(1, 4))
    return KeepTogether(block)


def _summary(kit: Kit, groups: tuple[FactorGroup, ...]) -> Any:
    rows = [
        [kit.cell(g.label), kit.ours(f"{g.praise:,}", "cell_right"),
         kit.ours(f"{g.constructive:,}", "cell_right"), kit.ours(f"{g.with_plan:,}", "cell_right")]
        for g in groups
    ]  # fmt: skip
    return kit.table(["Factor", "Praise", "Constructive", "With an action plan"], rows,
                     [80 * mm, 25 * mm, 30 * mm, BODY_WIDTH - 135 * mm],
                     numeric=(1, 2, 3))  # fmt: skip


def feedback(kit: Kit, part: FeedbackPart) -> list[Any]:
    story = section_start(kit, _SECTION)
    open_items = part.still_due.items or part.requests.items or part.requests_waiting
    if not (part.received or part.followed_up or open_items):
        return [
            *story,
            kit.empty(
                "No feedback was received in this period, and nothing is "
                "waiting for a follow-up or an answer. Ask for some: OnTrack's "
                "Journal tab keeps track of requests."
            ),
        ]
    if part.received:
        body = [
            kit.ours(f"{plural(part.received, 'piece')} of feedback, filed under the first "
                     "factor each names; the latest few under each.", "meta"),
            _summary(kit, part.groups),
        ]  # fmt: skip
    else:
        body = [kit.empty("No feedback was received in this period.")]
    story += block(kit, _SECTION, "Received in the period", body)
    for factor_group in part.groups:
        items = [_item(kit, item) for item in factor_group.items.items]
        story += group(kit, factor_group.label, items[:1])
        story += items[1:]
        story += kit.more(factor_group.items.more, f"under {kit.esc(factor_group.label)}")

    three = [23 * mm, 45 * mm, BODY_WIDTH - 68 * mm]
    body = kit.listing(
        part.followed_up,
        ["Done", "Feedback from", "What you showed or said"],
        three,
        lambda f: [kit.day(f.date), kit.cell(f.source), kit.cell(f.note or f.said)],
        more="follow-ups done in the period",
        empty="No follow-up was done in this period.",
    )
    story += block(kit, _SECTION, "Follow-ups done", body)

    story += due_block(kit, _SECTION, part.still_due, "Follow-ups due")
    waiting = (
        [f"{plural(part.requests_waiting, 'request')} for feedback in all are waiting for an "
         "answer; OnTrack's Journal tab lists them."]
        if part.requests_waiting
        else []
    )  # fmt: skip
    story += due_block(kit, _SECTION, part.requests, "Requests to chase", notes=waiting)
    return story
