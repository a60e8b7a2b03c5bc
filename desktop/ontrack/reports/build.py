"""Turning a Dataset into PDF bytes: gather the model, lay out the story, build.

Imported only when a report is made (ReportLab loads with it); `ontrack.reports`
re-exports the entry points without importing this module until they are called.
"""

from __future__ import annotations

import datetime as dt
import io

from .. import APP_NAME, __version__
from ..domain.content import Content
from ..domain.dataset import Dataset
from ..domain.report_options import ReportOptions
from . import fonts
from .document import NumberedCanvas, ReportTemplate, running_for
from .gather import factor_labels, gather
from .sections import story
from .styles import Kit
from .text import clean, one_line


def render(dataset: Dataset, content: Content, options: ReportOptions, today: dt.date) -> bytes:
    if options.summary:
        from .summary import render_summary

        return render_summary(dataset, content, options, today)
    data = gather(dataset, content, options, today)
    kit = Kit(fonts.coverage())
    name = one_line(clean(data.cover.name), 80)
    title = f"Progress report · {name}" if name else "Progress report"
    who = f" · {kit.esc(name)}" if name else ""
    running = running_for(f"{APP_NAME} progress report{who}", data.cover.period_label, today)
    flowables = story(kit, data, factor_labels(content))
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
