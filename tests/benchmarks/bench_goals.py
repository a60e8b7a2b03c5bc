"""The Goals tab on the large demo data (2,000 goals, 20,000 steps): opening the tab (build,
settle statuses, read every row, paint), sorting by each column, and filtering by text.
Target: each under 50 ms. Medians over several rounds, on a copy of the cached large file.

    .venv/bin/python tests/benchmarks/bench_goals.py [--rounds N]
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


def line(name: str, values: list[float]) -> str:
    return (
        f"{name:<46} median {statistics.median(values):6.1f} ms   "
        f"max {max(values):6.1f} ms   (n={len(values)})"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()

    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QApplication

    from ontrack.domain.clock import FixedClock
    from ontrack.services.registry import Services
    from ontrack.storage.database import open_data_file
    from ontrack.ui.goals.table_model import HEADERS
    from ontrack.ui.tabs import goals
    from ontrack.ui.tabs.base import TabContext

    app = QApplication([])
    samples: dict[str, list[float]] = {}

    def page_opener(context: TabContext) -> Callable[[], object]:
        def open_tab() -> object:
            page = goals.build(context)
            page.resize(1280, 760)
            page.show()
            page.load()
            app.processEvents()  # lays out and paints once
            return page

        return open_tab

    with tempfile.TemporaryDirectory() as folder:
        # Baseline: the same page over an empty file (Qt's own cost of building and
        # painting the widgets, whatever the data).
        empty = open_data_file(Path(folder) / "empty.sqlite")
        clock = FixedClock.on(TODAY)
        settings = QSettings(str(Path(folder) / "s.ini"), QSettings.Format.IniFormat)
        empty_context = TabContext(
            Services.create(empty, clock), QUndoStack(), clock, settings, lambda *a: None
        )
        open_empty = page_opener(empty_context)
        open_empty()
        samples["baseline: open the tab on an empty file"] = [
            timed(open_empty) for _ in range(args.rounds)
        ]
        empty.close()

        path = Path(folder) / "large.sqlite"
        shutil.copyfile(large_demo_file(), path)
        data = open_data_file(path)  # migrates the copy if needed
        services = Services.create(data, clock)
        context = TabContext(services, QUndoStack(), clock, settings, lambda *a: None)
        open_tab = page_opener(context)

        first = timed(open_tab)  # settles statuses that time has moved (writes once)
        samples["open the tab (first time: settles statuses)"] = [first]
        pages = []
        for _ in range(args.rounds):
            start = time.perf_counter()
            pages.append(open_tab())
            samples.setdefault("open the tab", []).append((time.perf_counter() - start) * 1000)
        page = pages[-1]
        view = page.view
        total = page.model.total()
        samples["read all rows (one query)"] = [
            timed(page.service.items) for _ in range(args.rounds)
        ]
        page.show_closed.setChecked(True)
        for column, name in enumerate(HEADERS):
            for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
                for _ in range(args.rounds):
                    samples.setdefault(f"sort by {name}", []).append(
                        timed(lambda c=column, o=order: (view.sortByColumn(c, o), view.repaint()))
                    )
        for text in ("n", "ne", "net", "network", "zzz", ""):
            for _ in range(args.rounds):
                samples.setdefault("filter by text (per keystroke)", []).append(
                    timed(lambda t=text: (page.search.setText(t), view.repaint()))
                )
        page.show_closed.setChecked(False)
        data.close()
    print(f"Goals tab, large demo data ({total} goals)")
    for name, values in samples.items():
        print("  " + line(name, values))


if __name__ == "__main__":
    main()
