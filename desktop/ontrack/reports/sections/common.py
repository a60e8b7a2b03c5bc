"""What every section shares: how a section starts (on a fresh page when little room is
left, with a bookmarked heading) and how a sub-heading is made."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, KeepTogether, Paragraph

from ..document import OutlineEntry
from ..options import Section
from ..styles import Kit

# A heading never sits at the foot of a page with its content overleaf: it starts a new
# page unless this much room is left.
SECTION_ROOM = 70 * mm
SUBSECTION_ROOM = 40 * mm
# A sub-section shorter than this moves whole to the next page rather than split; a longer
# one starts where it is and breaks between table rows (header repeated).
SHORT_BLOCK = 85 * mm


class KeepIfShort(KeepTogether):  # type: ignore[misc]  # ReportLab has no type hints
    """KeepTogether for short content only, so a long table never leaves a blank half page.

    Nested KeepTogethers are measured by their content (a KeepTogether alone claims an
    endless height to force a split) and kept as they are when the content is long.
    """

    def __init__(self, flowables: list[Any]) -> None:
        self._parts = flowables
        flat: list[Any] = []
        for flowable in flowables:
            inner = flowable._content if isinstance(flowable, KeepTogether) else [flowable]
            flat.extend(inner)
        super().__init__(flat)

    def split(self, available_width: float, available_height: float) -> list[Any]:
        if getattr(self, "_wrapInfo", None) != (available_width, available_height):
            self.wrap(available_width, available_height)
        if self._H > SHORT_BLOCK:
            return list(self._parts)
        result: list[Any] = super().split(available_width, available_height)
        return result


def heading(kit: Kit, markup: str, style: str, entry: OutlineEntry) -> Paragraph:
    paragraph = kit.ours(markup, style)
    paragraph.outline_entry = entry
    return paragraph


def section_start(kit: Kit, section: Section, intro: str = "") -> list[Any]:
    story: list[Any] = [
        CondPageBreak(SECTION_ROOM),
        heading(kit, section.heading, "h1", OutlineEntry(section.heading, 0, section.value)),
    ]
    if intro:
        story.append(kit.ours(intro, "meta"))
    return story


def block(
    kit: Kit, section: Section, title: str, body: list[Any], room: float = SUBSECTION_ROOM
) -> list[Any]:
    """A bookmarked sub-heading (level 1 under its section) with its content."""
    key = f"{section.value}.{title}"
    head = heading(kit, kit.esc(title), "h2", OutlineEntry(title, 1, key))
    return [CondPageBreak(room), KeepIfShort([head, *body])]


def group(kit: Kit, title: str, body: list[Any]) -> list[Any]:
    """A minor heading (not in the outline) with its content, kept together when short."""
    return [CondPageBreak(30 * mm), KeepIfShort([kit.ours(kit.esc(title), "h3"), *body])]
