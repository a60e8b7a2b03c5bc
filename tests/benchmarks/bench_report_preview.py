"""The report dialog's preview on the large demo data (ten years): from showing the dialog
(which asks for its preview as it opens) to its first page on screen, and to the whole
report. Each round in
a fresh process, as a person's first preview pays for loading ReportLab and the fonts.
Medians over several rounds; figures only, never a threshold.

    .venv/bin/python tests/benchmarks/bench_report_preview.py [--rounds N]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _fixtures import ENV, TODAY, describe, large_demo_file

# One round: open the dialog on a copy of the file and note when it first shows a page and
# when the whole report is ready to save.
ROUND = """
import sys, time
from datetime import date
from pathlib import Path
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication
from ontrack.domain.clock import FixedClock
from ontrack.services.registry import Services
from ontrack.storage.database import open_data_file
from ontrack.ui.report.dialog import ReportDialog

app = QApplication([])
clock = FixedClock.on(date.fromisoformat(sys.argv[3]))
services = Services.create(open_data_file(Path(sys.argv[1]), writer=False), clock)
settings = QSettings(sys.argv[2], QSettings.Format.IniFormat)
dialog = ReportDialog(services, clock, settings)
shown = []

def poll():
    if not shown and dialog.preview.page_count() and dialog.preview.view.isVisible():
        shown.append(time.perf_counter())
    if dialog.save_button.isEnabled():
        print(shown[0] - asked, time.perf_counter() - asked)
        app.quit()

timer = QTimer()
timer.timeout.connect(poll)
timer.start(2)
asked = time.perf_counter()
dialog.show()  # the dialog asks for its preview as it is first shown
app.exec()
"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    env = dict(ENV, QT_QPA_PLATFORM="offscreen")
    first: list[float] = []
    whole: list[float] = []
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder) / "large.sqlite"
        shutil.copyfile(large_demo_file(), data)
        settings = str(Path(folder) / "settings.ini")
        command = [sys.executable, "-c", ROUND, str(data), settings, TODAY.isoformat()]
        for _ in range(args.rounds):
            out = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
            seconds = [float(value) for value in out.stdout.split()]
            first.append(seconds[0])
            whole.append(seconds[1])
    print("Report preview on the large demo data (one year, from showing the dialog)")
    print("  " + describe("first page shown", first))
    print("  " + describe("whole report ready", whole))
    print(f"  ({os.cpu_count()} cores)")


if __name__ == "__main__":
    main()
