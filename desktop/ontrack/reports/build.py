"""Turning a Dataset into PDF bytes: gather the model, lay out the story, build.

Imported only when a report is made (ReportLab loads with it); `ontrack.reports`
re-exports the entry points without importing this module until they are called.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from .. import APP_NAME, __version__
from ..domain.content import Content
from ..domain.dataset import Dataset, Profile
from ..domain.report_options import ReportOptions, Section
from . import fonts
from .document import NumberedCanvas, ReportTemplate, running_for
from .gather import factor_labels, gather, gather_cover
from .model import ReportData
from .sections import story
from .sections.common import keep_headings
from .sections.cover import cover
from .styles import Kit
from .text import clean, one_line


def warm_up() -> None:
    """What every report needs first, whatever its data: the text faces (ReportLab itself
    is loaded by importing this module)."""
    fonts.register_main()


def render(dataset: Dataset, content: Content, options: ReportOptions, today: dt.date) -> bytes:
    if options.summary:
        from .summary import render_summary

        return render_summary(dataset, content, options, today)
    data = gather(dataset, content, options, today)
    kit = Kit(fonts.coverage())
    return _build(kit, data, options, today, story(kit, data, factor_labels(content)))


def render_cover(profile: Profile, options: ReportOptions, today: dt.date) -> bytes:
    """The report's first page alone, as `render` makes it: the cover needs only the
    profile and the choices, so a preview can show it before the data is read."""
    period = options.period_for(today)
    data = ReportData(
        cover=gather_cover(Dataset(profile=profile), period, today),
        sections=tuple(s for s in Section if options.includes(s)),
        glance=None,
        assessment=None,
        assessment_drafts=0,
        goals=None,
        feedback=None,
        network=None,
        next_30_days=None,
    )
    kit = Kit(fonts.coverage())
    flowables = keep_headings(cover(kit, data)[:-1])  # without the break to an empty page
    return _build(kit, data, options, today, flowables)


def _build(
    kit: Kit, data: ReportData, options: ReportOptions, today: dt.date, flowables: Any
) -> bytes:
    name = one_line(clean(data.cover.name), 80)
    title = f"Progress report · {name}" if name else "Progress report"
    who = f" · {kit.esc(name)}" if name else ""
    running = running_for(f"{APP_NAME} progress report{who}", data.cover.period_label, today)
    buffer = io.BytesIO()
    template = ReportTemplate(
        buffer,
        running,
        options.page_size.points,
        title=title,
        author=name or APP_NAME,
        subject=f"{APP_NAME} progress report, {data.cover.period_label}",
        creator=f"{APP_NAME} {__version__}",
        keywords=["career", "progress report", APP_NAME],
        invariant=1 if options.invariant else 0,
        lang="en",
    )
    template.build(
        flowables,
        canvasmaker=lambda *args, **kwargs: NumberedCanvas(
            *args, running=running, made_on=today, **kwargs
        ),
    )
    return buffer.getvalue()
