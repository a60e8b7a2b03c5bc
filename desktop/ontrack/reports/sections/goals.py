"""Goals: the table of open goals (Goal · Action steps · Deadline · Progress · Status)
with drawn progress bars, goals completed in the period, deadlines and action steps due
(the lists Next 30 days shows too), goals at risk, and the latest check-ins."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm

from ...domain.report_options import Section
from ..charts import ProgressBar
from ..model import GoalLine, GoalsPart
from ..styles import BAD, BODY_WIDTH, WARN, Kit, hex_colour
from .common import block, section_start
from .due import due_block

_SECTION = Section.GOALS
_PROGRESS_WIDTH = 22 * mm


def _goal_cell(kit: Kit, row: GoalLine) -> list[Any]:
    cell = [kit.cell(row.title, "cell_bold")]
    if row.factor:
        cell.append(kit.cell(row.factor, "muted"))
    return cell


def _status(kit: Kit, row: GoalLine) -> Any:
    text = kit.esc(row.status)
    if row.at_risk:
        text = f'<font color="{hex_colour(WARN)}"><b>{text}</b></font>'
    elif row.overdue:
        text += f'<br/><font color="{hex_colour(BAD)}">overdue</font>'
    return kit.ours(text, "cell")


def goal_table(kit: Kit, rows: tuple[GoalLine, ...], more: tuple[int, str]) -> Any:
    widths = [52 * mm, 47 * mm, 22 * mm, _PROGRESS_WIDTH + 8]
    widths.append(BODY_WIDTH - sum(widths))
    body = [
        [
            _goal_cell(kit, row),
            kit.cell(row.steps, multiline=True),
            kit.day(row.deadline, late=row.overdue),
            ProgressBar(row.progress, _PROGRESS_WIDTH, at_risk=row.at_risk),
            _status(kit, row),
        ]
        for row in rows
    ]
    headers = ["Goal", "Action steps", "Deadline", "Progress", "Status"]
    return kit.table(headers, body, widths, more=more)


def goals(kit: Kit, part: GoalsPart) -> list[Any]:
    story = section_start(kit, _SECTION)
    if not (part.open_goals or part.completed or part.checkins or part.deadlines.items):
        return [
            *story,
            kit.empty(
                "No goals yet, and none completed in this period. Set one in "
                "OnTrack's Goals tab, perhaps from an assessment opportunity."
            ),
        ]
    if part.open_goals:
        body = [
            kit.ours("At risk first, then overdue, then by deadline.", "meta"),
            goal_table(kit, part.open_goals.items, more=(part.open_goals.more, "open goals")),
        ]
    else:
        body = [kit.empty("No goals are open.")]
    story += section(kit, "Open goals", body)

    body = kit.listing(
        part.completed,
        ["Completed", "Goal", "Factor"],
        [25 * mm, 95 * mm, BODY_WIDTH - 120 * mm],
        lambda g: [kit.day(g.completed_on), kit.cell(g.title, "cell_bold"), kit.cell(g.factor)],
        more="goals completed in the period",
        empty="No goal was completed in this period.",
    )
    story += section(kit, "Completed in the period", body)

    story += due_block(kit, _SECTION, part.deadlines, "Deadlines due")
    story += due_block(kit, _SECTION, part.steps, "Action steps due")

    widths = [95 * mm, 25 * mm, _PROGRESS_WIDTH + 8]
    widths.append(BODY_WIDTH - sum(widths))
    body = kit.listing(
        part.at_risk,
        ["Goal", "Deadline", "Progress", "Status"],
        widths,
        lambda g: [
            _goal_cell(kit, g),
            kit.day(g.deadline, late=g.overdue),
            ProgressBar(g.progress, _PROGRESS_WIDTH, at_risk=g.at_risk),
            _status(kit, g),
        ],
        more="goals at risk",
        empty="No open goal is marked at risk.",
    )
    story += section(kit, "At risk", body)

    body = kit.listing(
        part.checkins,
        ["Date", "Goal", "Note", "Progress"],
        [23 * mm, 55 * mm, BODY_WIDTH - 95 * mm, 17 * mm],
        lambda c: [
            kit.day(c.date),
            kit.cell(c.goal, "cell_bold"),
            kit.cell(c.note or "—"),
            kit.ours("—" if c.progress is None else f"{c.progress}%", "cell_right"),
        ],
        more="check-ins in the period",
        empty="No check-ins in this period.",
        numeric=(3,),
    )
    story += section(kit, "Recent check-ins", body)
    return story


def section(kit: Kit, title: str, body: list[Any]) -> list[Any]:
    return block(kit, _SECTION, title, body)
