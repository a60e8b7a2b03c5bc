"""What every section shares: bookmarked headings, sub-headings, and how a heading keeps
with what follows it.

A heading never sits at the foot of a page with its content overleaf, and a page is never
left two thirds blank to keep a table whole: a heading (and the short notes under it) is
kept with the *start* of what follows, the table's header and first rows, and the table
then runs on, breaking between rows with its header repeated (keep-with-next, not page
breaks). Only a block short enough to move whole without leaving much blank
(SMALL_BLOCK) moves whole.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Table
from reportlab.platypus.doctemplate import FrameBreak
from reportlab.platypus.flowables import _listWrapOn

from ...domain.report_options import Section
from ..document import OutlineEntry
from ..styles import Kit

SMALL_BLOCK = 55 * mm
FIRST_ROWS = 3  # a table's header and two rows stay with its heading


def keep_with_next(flowable: Any) -> Any:
    flowable.keep_with_next = True
    return flowable


class KeepWithStart(KeepTogether):  # type: ignore[misc]  # ReportLab has no type hints
    """Headings and notes (`keep_with_next`) kept with the start of what follows them."""

    def __init__(self, flowables: list[Any]) -> None:
        self.parts = flowables
        self._heights: list[float] = []
        super().__init__(flowables)

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        # KeepTogether's own wrap, keeping each part's height: measuring the start below
        # must not lay out a long table a second time.
        dims: list[tuple[float, float]] = []
        width, height = _listWrapOn(self._content, available_width, self.canv, dims=dims)
        self._H = height
        self._H0 = dims[0][1] if dims else 0
        self._wrapInfo = available_width, available_height
        self._heights = [float(h) for _, h in dims]
        return width, 0xFFFFFF  # force a split, as KeepTogether does

    def start_height(self) -> float:
        """The room needed for the headings and the first piece of the content."""
        total = 0.0
        for part, height in zip(self.parts, self._heights, strict=False):
            space = float(part.getSpaceBefore()) + float(part.getSpaceAfter())
            if isinstance(part, Table):
                return total + float(sum(part._rowHeights[:FIRST_ROWS]))
            if isinstance(part, KeepTogether):
                height = float(part._H)
            total += height + space
            if not getattr(part, "keep_with_next", False):
                break
        return total

    def split(self, available_width: float, available_height: float) -> list[Any]:
        if getattr(self, "_wrapInfo", None) != (available_width, available_height):
            self.wrap(available_width, available_height)
        if self._H <= SMALL_BLOCK:
            result: list[Any] = super().split(available_width, available_height)
            return result
        frame = getattr(self, "_frame", None)
        at_top = frame is not None and getattr(frame, "_atTop", False)
        if at_top or self.start_height() <= available_height:
            return list(self.parts)
        return [FrameBreak(), *self.parts]


def keep_headings(flowables: list[Any]) -> list[Any]:
    """Every run of `keep_with_next` flowables joined to the flowable after it."""
    result: list[Any] = []
    pending: list[Any] = []
    for flowable in flowables:
        if getattr(flowable, "keep_with_next", False):
            pending.append(flowable)
            continue
        if pending:
            inner = flowable.parts if isinstance(flowable, KeepWithStart) else [flowable]
            flowable = KeepWithStart([*pending, *inner])
            pending = []
        result.append(flowable)
    return result + pending


def heading(kit: Kit, markup: str, style: str, entry: OutlineEntry) -> Paragraph:
    paragraph = kit.ours(markup, style)
    paragraph.outline_entry = entry
    return keep_with_next(paragraph)


def section_start(kit: Kit, section: Section, intro: str = "") -> list[Any]:
    story: list[Any] = [
        heading(kit, section.heading, "h1", OutlineEntry(section.heading, 0, section.value)),
    ]
    if intro:
        story.append(keep_with_next(kit.ours(intro, "meta")))
    return story


def _lead_notes(body: list[Any]) -> list[Any]:
    """The short paragraphs before a block's table or chart keep with it."""
    if any(not isinstance(part, Paragraph) for part in body):
        for part in body:
            if not isinstance(part, Paragraph):
                break
            keep_with_next(part)
    return body


def block(kit: Kit, section: Section, title: str, body: list[Any]) -> list[Any]:
    """A bookmarked sub-heading (level 1 under its section) with its content."""
    key = f"{section.value}.{title}"
    head = heading(kit, kit.esc(title), "h2", OutlineEntry(title, 1, key))
    return [head, *_lead_notes(body)]


def group(kit: Kit, title: str, body: list[Any]) -> list[Any]:
    """A minor heading (not in the outline) with its content."""
    return [keep_with_next(kit.ours(kit.esc(title), "h3")), *_lead_notes(body)]
