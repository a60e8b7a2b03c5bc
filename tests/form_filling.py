"""Filling a questionnaire the way PDF readers do, with two independent libraries.

pypdf and PyMuPDF each write the ticked boxes and the typed comments into a copy of the
form: as a full rewrite or as an incremental update appended to the file (as Acrobat and
Preview save), with both the value (`/V`) and the appearance state (`/AS`), or only one of
them (as some readers do). `flatten` bakes the fields into the page, as "print to PDF" does.
"""

from __future__ import annotations

import json
import subprocess
import sys
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


# PyMuPDF runs in a child process: importing it starts onnxruntime's thread pool (through
# pymupdf_layout), and a test worker holding those threads was seen to deadlock later on.
# The child leaves out the page-layout add-ons (pymupdf.layout and pymupdf4llm, with
# onnxruntime and numpy): filling a form needs neither, and they took 1.5 s of each start.
_PYMUPDF = """
import json, shutil, sys
sys.modules["pymupdf.layout"] = sys.modules["pymupdf4llm"] = None  # import them: ImportError
import pymupdf

job = json.loads(sys.stdin.read())
if job["kind"] == "flatten":
    document = pymupdf.open(job["source"])
    document.bake()
    document.save(job["target"])
    sys.exit(0)
if job["incremental"]:
    shutil.copyfile(job["source"], job["target"])
document = pymupdf.open(job["target"] if job["incremental"] else job["source"])
for page in document:
    for widget in page.widgets():
        if widget.field_name in job["ticked"]:
            widget.field_value = widget.on_state()
            widget.update()
        elif widget.field_name in job["texts"]:
            widget.field_value = job["texts"][widget.field_name]
            widget.update()
if job["incremental"]:
    document.saveIncr()
else:
    document.save(job["target"])
"""


def _pymupdf(job: dict[str, object]) -> None:
    subprocess.run(
        [sys.executable, "-c", _PYMUPDF], input=json.dumps(job), text=True, check=True,
        capture_output=True,
    )  # fmt: skip


def fill_with_pymupdf(
    source: Path, target: Path, ticked: set[str], texts: dict[str, str] | None = None,
    *, incremental: bool = False,
) -> Path:  # fmt: skip
    _pymupdf(
        {
            "kind": "fill",
            "source": str(source),
            "target": str(target),
            "ticked": sorted(ticked),
            "texts": texts or {},
            "incremental": incremental,
        }
    )
    return target


def flatten(source: Path, target: Path) -> Path:
    """The form as "print to PDF" leaves it: what the boxes showed, and no fields."""
    _pymupdf({"kind": "flatten", "source": str(source), "target": str(target)})
    return target
