"""Filling a questionnaire the way PDF readers do, with two independent libraries.

pypdf and PyMuPDF each write the ticked boxes and the typed comments into a copy of the
form: as a full rewrite or as an incremental update appended to the file (as Acrobat and
Preview save), with both the value (`/V`) and the appearance state (`/AS`), or only one of
them (as some readers do). `flatten` bakes the fields into the page, as "print to PDF" does.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Literal

from pypdf import PdfWriter
from pypdf.generic import NameObject, TextStringObject

Which = Literal["both", "value", "state"]


def fill_with_pypdf(
    source: Path,
    target: Path,
    ticked: set[str],
    texts: dict[str, str] | None = None,
    *,
    which: Which = "both",
    incremental: bool = False,
) -> Path:
    writer = PdfWriter(source, incremental=True) if incremental else PdfWriter(clone_from=source)
    texts = texts or {}
    for page in writer.pages:
        for reference in page.get("/Annots") or ():
            widget = reference.get_object()
            name = str(widget.get("/T"))
            if name in ticked:
                if which in ("both", "value"):
                    widget[NameObject("/V")] = NameObject("/Yes")
                if which in ("both", "state"):
                    widget[NameObject("/AS")] = NameObject("/Yes")
            elif name in texts:
                widget[NameObject("/V")] = TextStringObject(texts[name])
    with target.open("wb") as out:
        writer.write(out)
    return target


def fill_with_pymupdf(
    source: Path, target: Path, ticked: set[str], texts: dict[str, str] | None = None,
    *, incremental: bool = False,
) -> Path:  # fmt: skip
    import pymupdf

    texts = texts or {}
    if incremental:
        shutil.copyfile(source, target)
    document = pymupdf.open(target if incremental else source)
    for page in document:
        for widget in page.widgets():
            if widget.field_name in ticked:
                widget.field_value = widget.on_state()
                widget.update()
            elif widget.field_name in texts:
                widget.field_value = texts[widget.field_name]
                widget.update()
    if incremental:
        document.saveIncr()
    else:
        document.save(target)
    document.close()
    return target


def flatten(source: Path, target: Path) -> Path:
    """The form as "print to PDF" leaves it: what the boxes showed, and no fields."""
    import pymupdf

    document = pymupdf.open(source)
    document.bake()
    document.save(target)
    document.close()
    return target
