"""At a glance: the period's numbers as a grid of figures, and the latest assessment's
top strength and top opportunity."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Paragraph, Table, TableStyle

from ...domain.report_options import Section
from ...domain.report_period import format_day
from ..model import Glance
from ..styles import ACCENT_LIGHT, BODY_WIDTH, RULE, SHADE, Kit
from .common import keep_with_next, section_start


def _figure(kit: Kit, value: int, label: str) -> list[Paragraph]:
    return [kit.ours(f"{value:,}", "stat"), kit.ours(label, "stat_label")]


def glance(kit: Kit, part: Glance) -> list[Any]:
    story = section_start(kit, Section.GLANCE)
    figures = [
        [
            _figure(kit, part.goals_done, "goals completed"),
            _figure(kit, part.goals_on_track, "goals on track"),
            _figure(kit, part.goals_at_risk, "goals at risk"),
            _figure(kit, part.feedback_received, "pieces of feedback received"),
        ],
        [
            _figure(kit, part.feedback_followed_up, "feedback followed up"),
            _figure(kit, part.people_met, "people met"),
            _figure(kit, part.people_reconnected, "people reconnected with"),
            _figure(kit, part.events_attended, "events attended"),
        ],
    ]
    width = BODY_WIDTH / 4
    grid = Table(figures, colWidths=[width] * 4, hAlign="LEFT")
    grid.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), SHADE),
                ("LINEAFTER", (0, 0), (2, -1), 3, "white"),
                ("LINEBELOW", (0, 0), (-1, 0), 3, "white"),
                ("TOPPADDING", (0, 0), (-1, -1), 8),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 9),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    story += [
        keep_with_next(
            kit.ours(
                "Goal counts are for goals open now (on track, at risk) and goals completed in the "
                "period. Feedback counts what was received and what was followed up in the period.",
                "meta",
            )
        ),
        grid,
    ]
    if part.assessed_on is None:
        story.append(
            kit.empty(
                "No assessment has been completed yet, so there is no profile "
                "to summarise. Take the assessment in OnTrack's Assessment tab."
            )
        )
        return story
    strength = part.top_strength or "None stands out yet (no factor scored 70 or more)"
    opportunity = part.top_opportunity or "None: every factor scored 70 or more"
    cards = Table(
        [[
            [kit.ours("TOP STRENGTH", "cell_head"), kit.ours(f"<b>{kit.esc(strength)}</b>",
                                                             "lead")],
            [kit.ours("TOP OPPORTUNITY", "cell_head"), kit.ours(f"<b>{kit.esc(opportunity)}</b>",
                                                                "lead")],
        ]],
        colWidths=[BODY_WIDTH / 2] * 2,
        hAlign="LEFT",
    )  # fmt: skip
    cards.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), ACCENT_LIGHT),
                ("LINEAFTER", (0, 0), (0, 0), 3, "white"),
                ("BOX", (0, 0), (-1, -1), 0.25, RULE),
                ("TOPPADDING", (0, 0), (-1, -1), 8),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
                ("LEFTPADDING", (0, 0), (-1, -1), 10),
            ]
        )
    )
    story += [
        keep_with_next(kit.ours(f"From the assessment of {format_day(part.assessed_on)}", "h3")),
        cards,
    ]
    return story
