"""Registering the report's faces reads their own files and nothing else (#19)."""

from __future__ import annotations

import subprocess
import sys

# In a process of its own: faces are registered once per process.
SCRIPT = """
from reportlab.pdfbase import pdfmetrics
searched = []
search = pdfmetrics.bruteForceSearchForAFM
pdfmetrics.bruteForceSearchForAFM = lambda name: searched.append(name) or search(name)
from ontrack.reports import fonts
fonts.register_main()
fonts.register_main()  # again: found registered
print(sorted(set(pdfmetrics.getRegisteredFontNames()) & {fonts.REGULAR, fonts.BOLD}), searched)
"""


def test_registering_the_faces_searches_no_type1_font_files() -> None:
    # Asking ReportLab for a font it lacks parses every AFM file it ships (25 ms a face).
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["['OnTrackSans',", "'OnTrackSans-Bold']", "[]"]
