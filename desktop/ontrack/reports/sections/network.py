"""Network: interactions over time (a chart), new contacts, events attended,
informational interviews, and the follow-ups and reconnects due (the lists Next 30 days
shows too)."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm

from ...domain.report_options import Section
from ..charts import bar_chart
from ..model import NetworkPart
from ..styles import BODY_WIDTH, Kit
from ..text import plural
from .common import block, section_start
from .due import due_block

_SECTION = Section.NETWORK


def network(kit: Kit, part: NetworkPart) -> list[Any]:
    story = section_start(kit, _SECTION)
    due = part.follow_ups.items or part.reconnect.items
    if not (part.interactions or part.new_contacts or part.events or due):
        return [
            *story,
            kit.empty(
                "No contacts or interactions in this period, and nobody is due "
                "for a reconnect. Add the people you know in OnTrack's Network "
                "tab, or import your LinkedIn connections."
            ),
        ]
    if part.interactions:
        kinds = " · ".join(f"{b.label} {b.count:,}" for b in part.by_kind)
        body = [
            kit.ours(f"{plural(part.interactions, 'interaction')} in the period: {kinds}.", "meta"),
            bar_chart(BODY_WIDTH, part.bins),
        ]
    else:
        body = [kit.empty("No interactions were recorded in this period.")]
    story += block(kit, _SECTION, f"Interactions per {part.bin_unit}", body)

    body = kit.listing(
        part.new_contacts,
        ["Met", "Name", "Role, company", "How you met"],
        [23 * mm, 42 * mm, 55 * mm, BODY_WIDTH - 120 * mm],
        lambda c: [
            kit.day(c.date),
            kit.cell(c.name, "cell_bold"),
            kit.cell(c.detail or "—"),
            kit.cell(c.note or "—"),
        ],
        more="new contacts",
        empty="Nobody new was met in this period.",
    )
    story += block(kit, _SECTION, "New contacts", body)

    body = kit.listing(
        part.events,
        ["Date", "Event", "Where", "People met"],
        [23 * mm, 70 * mm, BODY_WIDTH - 117 * mm, 24 * mm],
        lambda e: [
            kit.day(e.date),
            kit.cell(e.name, "cell_bold"),
            kit.cell(e.location or "—"),
            kit.ours(f"{e.people:,}", "cell_right"),
        ],
        more="events",
        empty="No events were attended in this period.",
        numeric=(3,),
    )
    story += block(kit, _SECTION, "Events attended", body)

    body = kit.listing(
        part.interviews,
        ["Date", "With", "Notes"],
        [23 * mm, 52 * mm, BODY_WIDTH - 75 * mm],
        lambda c: [
            kit.day(c.date),
            [kit.cell(c.name, "cell_bold"), kit.cell(c.detail, "muted")],
            kit.cell(c.note or "—"),
        ],
        more="informational interviews",
        empty="No informational interviews in this period.",
    )
    story += block(kit, _SECTION, "Informational interviews", body)

    story += due_block(kit, _SECTION, part.follow_ups, "Follow-ups due")
    story += due_block(kit, _SECTION, part.reconnect, "Due to reconnect")
    return story
