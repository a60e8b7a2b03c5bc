"""The Overview on the large demo data (ten years): opening the tab (build, read what needs
attention, the month and the latest assessment, paint) against the same tab on a file with
one goal, interleaved; and each read on its own. Medians over several rounds.

    .venv/bin/python tests/benchmarks/bench_overview.py [--rounds N]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _fixtures import TODAY, large_demo_file

os.environ["QT_QPA_PLATFORM"] = "offscreen"


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=9)
    args = parser.parse_args()

    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QApplication

    from ontrack.domain.clock import FixedClock
    from ontrack.domain.dataset import Dataset
    from ontrack.domain.goals import Goal
    from ontrack.services.registry import Services
    from ontrack.storage.database import open_data_file
    from ontrack.ui.tabs import overview
    from ontrack.ui.tabs.base import TabContext

    app = QApplication([])
    samples: dict[str, list[float]] = {}
    clock = FixedClock.on(TODAY)

    def context_on(path: Path, settings: QSettings) -> TabContext:
        services = Services.create(open_data_file(path), clock)
        return TabContext(services, QUndoStack(), clock, settings, lambda *a: None)

    def open_once(context: TabContext) -> float:
        start = time.perf_counter()
        page = overview.build(context)
        page.resize(1280, 760)
        page.show()
        page.load()
        app.processEvents()
        took = (time.perf_counter() - start) * 1000
        page.close()
        page.deleteLater()
        app.processEvents()
        return took

    with tempfile.TemporaryDirectory() as folder:
        settings = QSettings(str(Path(folder) / "s.ini"), QSettings.Format.IniFormat)
        small_path = Path(folder) / "one-goal.sqlite"
        small = context_on(small_path, settings)
        small.services.transfer.import_dataset(Dataset(goals=(Goal("g", "One goal"),)))
        path = Path(folder) / "large.sqlite"
        shutil.copyfile(large_demo_file(), path)
        large = context_on(path, settings)
        open_once(small)
        open_once(large)  # settles the statuses time has moved (writes once)
        for _ in range(args.rounds):
            samples.setdefault("baseline: open on a file with one goal", []).append(
                open_once(small)
            )
            samples.setdefault("open on the large demo", []).append(open_once(large))
        agenda = large.services.agenda
        for _ in range(args.rounds):
            samples.setdefault("  read: what needs attention (settled)", []).append(
                timed(agenda.attention)
            )
            samples.setdefault("  read: this month", []).append(timed(agenda.month))
            samples.setdefault("  read: latest assessment", []).append(
                timed(agenda.assessment_snapshot)
            )

    print("Overview, large demo data")
    for name, values in samples.items():
        print(
            f"  {name:<44} median {statistics.median(values):6.1f} ms   "
            f"max {max(values):6.1f} ms   (n={len(values)})"
        )
    baseline = statistics.median(samples["baseline: open on a file with one goal"])
    large_open = statistics.median(samples["open on the large demo"])
    print(f"  ratio: {large_open / baseline:.2f}× the baseline")


if __name__ == "__main__":
    main()
