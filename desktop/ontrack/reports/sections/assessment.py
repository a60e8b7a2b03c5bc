"""Assessment: the profile chart (latest, with the previous one overlaid), scores per
factor with their change, strengths and opportunities with what good looks like, how
others' ratings compare, and the person's reflections."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Spacer

from ...domain.enums import Factor
from ...domain.report_options import Section
from ...domain.report_period import format_day
from ...domain.scoring import PERCEPTION_GAP
from ..charts import radar
from ..model import AssessmentPart, Insight
from ..styles import BAD, BODY_WIDTH, GOOD, Kit, hex_colour
from ..text import plural
from .common import block, keep_with_next, section_start

_SECTION = Section.ASSESSMENT


def _change(kit: Kit, change: str) -> Any:
    colour = GOOD if change.startswith("+") else BAD if change.startswith("-") else None
    markup = change or "—"
    if colour is not None:
        markup = f'<font color="{hex_colour(colour)}">{change}</font>'
    return kit.ours(markup, "cell_right")


def assessment(
    kit: Kit, part: AssessmentPart | None, drafts: int, labels: dict[Factor, str]
) -> list[Any]:
    story = section_start(kit, _SECTION)
    if part is None:
        message = "No assessment has been completed by the end of this period."
        if drafts:
            some = f"is {drafts} unfinished draft" if drafts == 1 else f"are {drafts:,} drafts"
            message += f" There {some} to finish in OnTrack's Assessment tab."
        return [*story, kit.empty(message)]
    meta = f"Taken {format_day(part.taken_on)}"
    if part.transition:
        meta += f" · {kit.esc(part.transition)}"
    meta += (
        f" · compared with {format_day(part.previous_on)}"
        if part.previous_on
        else " · the first completed assessment, so there is nothing to compare with yet"
    )
    legend = (
        f"Latest, {format_day(part.taken_on)}",
        f"Previous, {format_day(part.previous_on)}" if part.previous_on else None,
    )
    story += [
        keep_with_next(kit.ours(meta, "meta")),
        radar(BODY_WIDTH, labels, part.scores, part.previous_scores, legend),
    ]
    rows = [
        [
            kit.cell(row.label),
            kit.ours("—" if row.score is None else str(row.score), "cell_right"),
            kit.ours("—" if row.previous is None else str(row.previous), "cell_right"),
            _change(kit, row.change),
            kit.cell(row.band),
        ]
        for row in part.rows
    ]
    story += block(kit, _SECTION, "Scores by factor", [
        kit.ours("0 to 100, higher is better. 70 or more is a strength; below 45 needs "
                 "attention.", "meta"),
        kit.table(["Factor", "Score", "Before", "Change", "Band"], rows,
                  [70 * mm, 20 * mm, 20 * mm, 20 * mm, BODY_WIDTH - 130 * mm], numeric=(1, 2, 3)),
    ])  # fmt: skip
    story += _insights(kit, "Strengths", part.strengths,
                       "No factor is in the strength band (70 or more) yet.")  # fmt: skip
    story += _insights(kit, "Opportunities", part.opportunities,
                       "Every factor is in the strength band.")  # fmt: skip
    story += _others(kit, part)
    reflections: list[Any] = []
    for reflection in part.reflections:
        reflections += [
            kit.ours(f"<b>{kit.esc(reflection.prompt)}</b>", "body"),
            kit.user(reflection.answer, "quote", multiline=True),
            Spacer(1, 3),
        ]
    if not reflections:
        reflections = [kit.empty("No reflections were written with this assessment.")]
    story += block(kit, _SECTION, "Reflections", reflections)
    return story


def _insights(kit: Kit, title: str, insights: tuple[Insight, ...], none: str) -> list[Any]:
    if not insights:
        return block(kit, _SECTION, title, [kit.empty(none)])
    story: list[Any] = []
    for insight in insights:
        lines = [
            kit.ours(f"{kit.esc(insight.label)} <font color='#5F6B7A'>· {insight.score}</font>",
                     "h3"),
            kit.user(insight.text, "body"),
        ]  # fmt: skip
        if insight.tip:
            lines.append(kit.ours(f"<b>Start now:</b> {kit.esc(insight.tip)}", "body"))
        story.append(KeepTogether(lines))
    return [*block(kit, _SECTION, title, story[:1]), *story[1:]]


def _groups(kit: Kit, part: AssessmentPart) -> list[Any]:
    """Each manager and group as the anonymity rules show them, with their comments."""
    story: list[Any] = []
    for group in part.groups:
        title = kit.esc(group.title)
        if group.withheld:
            story.append(kit.ours(f"<b>{title}</b>: {kit.esc(group.withheld)}", "meta"))
            continue
        story.append(kit.ours(f"<b>{title}</b>", "body"))
        for topic, words in group.comments:
            story.append(kit.user(f"“{words}” ({topic})", "body", multiline=True))
    return story


def _others(kit: Kit, part: AssessmentPart) -> list[Any]:
    story: list[Any] = []
    if not part.raters and not part.groups:
        message = (
            "Nobody else rated this assessment. Ask a colleague or two "
            "to rate you on the same statements to find blind spots."
        )
        return block(kit, _SECTION, "How others see you", [kit.empty(message)])
    story += _groups(kit, part)
    if not part.raters:
        message = "No group is large enough to show yet, so there is nothing to compare."
        story.append(kit.empty(message))
        return block(kit, _SECTION, "How others see you", story)
    story.append(
        kit.ours(
            f"Your own scores against the mean of {plural(part.raters, 'rater')}. "
            f"A gap of more than a third of the scale ({PERCEPTION_GAP} points or more)"
            " is worth a conversation.",
            "meta",
        )
    )
    rows = [
        [kit.cell(r.label), kit.ours(str(r.own), "cell_right"),
         kit.ours(str(r.others), "cell_right"), kit.ours(r.gap, "cell_right")]
        for r in part.perception
    ]  # fmt: skip
    story.append(kit.table(["Factor", "You", "Others", "Gap"], rows,
                           [80 * mm, 25 * mm, 25 * mm, 25 * mm], numeric=(1, 2, 3)))  # fmt: skip
    blind = ", ".join(kit.esc(label) for label in part.blind_spots) or "none"
    hidden = ", ".join(kit.esc(label) for label in part.hidden_strengths) or "none"
    story += [
        Spacer(1, 6),
        kit.ours(f"<b>Blind spots</b> (you rate yourself higher than others do): {blind}", "body"),
        kit.ours(f"<b>Hidden strengths</b> (others rate you higher): {hidden}", "body"),
    ]
    return block(kit, _SECTION, "How others see you", story)
