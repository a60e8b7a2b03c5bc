"""Network: interactions over time (a chart), new contacts, events attended,
informational interviews, and who is due for a reconnect."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm

from ..charts import bar_chart
from ..model import NetworkPart
from ..options import Section
from ..styles import BODY_WIDTH, Kit
from ..text import plural
from .common import block, section_start

_SECTION = Section.NETWORK


def network(kit: Kit, part: NetworkPart) -> list[Any]:
    story = section_start(kit, _SECTION)
    if not (part.interactions or part.new_contacts or part.events or part.reconnect):
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
    story += block(kit, _SECTION, f"Interactions per {part.bin_unit}", body, room=75 * mm)

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

    body = kit.listing(
        part.reconnect,
        ["Due", "Name", "Role, company", "Last contact"],
        [23 * mm, 45 * mm, BODY_WIDTH - 93 * mm, 25 * mm],
        lambda r: [
            kit.day(r.due, late=r.overdue) if r.due else kit.ours("now", "cell"),
            kit.cell(r.name, "cell_bold"),
            kit.cell(r.detail or "—"),
            kit.day(r.last),
        ],
        more="contacts due to reconnect",
        empty="Nobody is due for a reconnect in the next 30 days.",
        note="Keep-in-touch dates missed in the last 90 days or falling in the next 30, "
        "soonest first; dates in red are past.",
    )
    if part.reconnect_stale:
        body.append(kit.ours(f"Not listed: {part.reconnect_stale:,} contacts whose keep-in-touch "
                             "date passed more than 90 days ago.", "muted"))  # fmt: skip
    story += block(kit, _SECTION, "Due to reconnect", body)
    return story
