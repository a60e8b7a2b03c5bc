"""The Network tab on the large demo data (5,000 contacts, 50,000 interactions, 500 events):
building and opening the tab (first page, counts, events, first contact shown), searching,
and each filter. Target: under 50 ms each. Medians of interleaved runs, in-process."""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from _fixtures import TODAY, large_demo_file

TARGET_MS = 50.0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()
    path = large_demo_file()

    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QApplication, QTabWidget, QWidget

    from ontrack.domain.clock import FixedClock
    from ontrack.services.network import NetworkService
    from ontrack.services.registry import Services
    from ontrack.storage.database import open_data_file
    from ontrack.ui.network.page import NetworkPage

    app = QApplication(sys.argv[:1])
    data = open_data_file(path, create=False)
    clock = FixedClock.on(TODAY)
    services = Services.create(data, clock)
    settings = QSettings(str(Path(data.path).with_suffix(".bench.ini")), QSettings.Format.IniFormat)
    network = NetworkService(services.context)
    page = NetworkPage(network, QUndoStack(), clock, settings)
    page.resize(1180, 700)
    page.show()
    page.load()
    page.table.setFocus()
    app.processEvents()
    tag = page.tag.itemData(1)

    # The tab as the window holds it: a page inside an already visible tab widget.
    host = QTabWidget()
    host.resize(1180, 700)
    host.addTab(QWidget(), "Other tab")
    host.show()
    app.processEvents()

    def build_page() -> None:
        NetworkPage(network, QUndoStack(), clock, settings).deleteLater()
        app.processEvents()

    built: list[NetworkPage] = []

    def prepare_open() -> None:
        fresh = NetworkPage(network, QUndoStack(), clock, settings)
        host.addTab(fresh, "Network")
        built.append(fresh)

    def open_tab() -> None:
        fresh = built[-1]
        host.setCurrentWidget(fresh)
        fresh.load()
        app.processEvents()  # paints, and runs the keep-in-touch counts queued by load

    def finish_open() -> None:
        fresh = built.pop()
        host.setCurrentIndex(0)
        host.removeTab(1)
        fresh.deleteLater()
        app.processEvents()

    def search(text: str) -> Callable[[], None]:
        def run() -> None:
            page.search.setText(text)
            app.processEvents()
            page.search.clear()

        return run

    def toggle(button: object) -> Callable[[], None]:
        def run() -> None:
            button.click()  # type: ignore[attr-defined]
            app.processEvents()
            button.click()  # type: ignore[attr-defined]

        return run

    def by_tag() -> None:
        page.tag.setCurrentIndex(1)
        page.tag.activated.emit(1)
        app.processEvents()
        page.tag.setCurrentIndex(0)
        page.tag.activated.emit(0)

    cases: dict[str, tuple[Callable[[], None], int]] = {
        "build the page (at window start-up)": (build_page, 1),
        "open the tab (load the data, first paint)": (open_tab, 1),
        "search 'engineer' (type, then clear)": (search("engineer"), 2),
        "search 'zz' (no match, then clear)": (search("zz"), 2),
        f"filter by tag {tag!r} (on, off)": (by_tag, 2),
        "filter due to reconnect (on, off)": (toggle(page.due), 2),
        "filter follow-ups due (on, off)": (toggle(page.follow_ups), 2),
    }
    samples: dict[str, list[float]] = {name: [] for name in cases}
    setup = {open_tab: prepare_open}
    teardown = {open_tab: finish_open}
    for _ in range(args.rounds + 1):  # the first round warms up and is not counted
        for name, (run, steps) in cases.items():
            if run in setup:
                setup[run]()
            start = time.perf_counter()
            run()
            elapsed = (time.perf_counter() - start) * 1000 / steps
            if run in teardown:
                teardown[run]()
            samples[name].append(elapsed)
    samples = {name: values[1:] for name, values in samples.items()}
    print(
        f"Network tab on the large demo data ({network.find_count(page.model.search):,} contacts)"
    )
    print("  (search and filter figures are per change: each run types or toggles, then undoes)")
    for name, values in samples.items():
        median = statistics.median(values)
        verdict = "ok" if median < TARGET_MS else f"OVER {TARGET_MS:.0f} ms"
        print(
            f"  {name:<44} median {median:6.1f} ms   max {max(values):6.1f} ms   "
            f"n={len(values)}   {verdict}"
        )
    data.close()


if __name__ == "__main__":
    main()
