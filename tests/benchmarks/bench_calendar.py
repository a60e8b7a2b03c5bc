"""Export to calendar on the large demo data (ten years: 2,000 goals, 20,000 steps, 10,000
feedback entries, 5,000 contacts, 50,000 interactions; 6,718 dated items), in-process.

Part 1, the work, in interleaved runs with a baseline read (every contact row, plain SQL)
that shows how busy the machine is: reading the dated items, building the .ics document as
the export does now and as it did before (a `Calendar` of `Event`s built with `add()`), the
whole export in the window's old way (all in one call) and the worker's way (reading through
a connection of its own).

Part 2, what the person feels: how long the GUI thread is blocked. A timer ticks every 5 ms
in the GUI thread while an export runs; the longest gap between ticks is the longest the
window could not answer. Before: the whole export ran in the GUI thread. Now:
`export_calendar` starts a worker and returns, and the event loop runs until it is done.
Medians of interleaved runs."""

from __future__ import annotations

import argparse
import itertools
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ontrack.domain.calendar import CalendarItem
    from ontrack.services.registry import Services

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _fixtures import ENV, TODAY, large_demo_file


def build_with_event_objects(items: Iterable[CalendarItem], stamp: datetime) -> bytes:
    """How the document was built before: every property through `Event.add()`."""
    from icalendar import Calendar, Event

    from ontrack.interchange.icalendar_export import CALENDAR_NAME, PRODUCT_ID, calendar_text

    calendar = Calendar()
    for name, value in (
        ("prodid", PRODUCT_ID), ("version", "2.0"), ("calscale", "GREGORIAN"),
        ("method", "PUBLISH"), ("x-wr-calname", CALENDAR_NAME),
    ):  # fmt: skip
        calendar.add(name, value)
    for item in items:
        event = Event()
        event.add("uid", item.uid)
        event.add("dtstamp", stamp)
        event.add("dtstart", item.day)
        if item.day != date.max:
            event.add("dtend", item.day + timedelta(days=1))
        event.add("summary", calendar_text(item.summary))
        if item.description:
            event.add("description", calendar_text(item.description))
        event.add("categories", [item.kind.label])
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    document: bytes = calendar.to_ical()
    return document


def describe(name: str, values: list[float]) -> str:
    return (
        f"  {name:<46} median {statistics.median(values):7.0f} ms   "
        f"min {min(values):7.0f} ms   max {max(values):7.0f} ms   n={len(values)}"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", ENV["QT_QPA_PLATFORM"])
    path = large_demo_file()

    from ontrack.domain.clock import FixedClock
    from ontrack.interchange.icalendar_export import calendar_bytes
    from ontrack.services.calendar import CalendarService
    from ontrack.services.registry import Services
    from ontrack.storage.database import open_data_file

    data = open_data_file(path, create=False)
    clock = FixedClock.on(TODAY)
    services = Services.create(data, clock)
    calendar = CalendarService(services.context)
    items = calendar.items()
    folder = Path(tempfile.mkdtemp())
    out = folder / "ontrack.ics"
    stamp = clock.now()
    assert calendar_bytes(items, stamp=stamp) == build_with_event_objects(items, stamp)

    runs: dict[str, Callable[[], object]] = {
        "baseline: read every contact row": lambda: data.execute(
            "SELECT * FROM contact"
        ).fetchall(),
        "read the dated items": calendar.items,
        "build the .ics: now": lambda: calendar_bytes(items, stamp=stamp),
        "build the .ics: before (Event objects)": lambda: build_with_event_objects(items, stamp),
        "export to a file, all of it (one call)": lambda: calendar.export(out),
        "export to a file, the worker's function": calendar.export_for_worker(out),
    }
    samples: dict[str, list[float]] = {name: [] for name in runs}
    for run in runs.values():  # warm caches once
        run()
    for _ in range(args.rounds):
        for name, run in runs.items():
            start = time.perf_counter()
            run()
            samples[name].append((time.perf_counter() - start) * 1000)
    print(
        f"Export to calendar, large demo data: {len(items):,} events, {out.stat().st_size:,} bytes"
    )
    for name, values in samples.items():
        print(describe(name, values))

    blocked = gui_thread_blocked(services, out, args.rounds)
    print("The GUI thread during an export (longest gap between 5 ms timer ticks):")
    for name, values in blocked.items():
        print(describe(name, values))
    data.close()


def gui_thread_blocked(services: Services, out: Path, rounds: int) -> dict[str, list[float]]:
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QSettings, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    from ontrack.files.atomic import write_bytes_atomically
    from ontrack.services.calendar import CalendarService
    from ontrack.ui.calendar_export import CalendarExporter, export_calendar

    app = QApplication.instance() or QApplication([])
    window = QMainWindow()
    window.show()
    settings = QSettings(str(out.parent / "bench.ini"), QSettings.Format.IniFormat)
    calendar = CalendarService(services.context)
    exporter = CalendarExporter.of(window)
    clock = QElapsedTimer()
    ticks: list[int] = []
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks.append(clock.elapsed()))

    def longest_gap(start: Callable[[], object], done: Callable[[], bool]) -> tuple[float, float]:
        ticks.clear()
        clock.start()
        timer.start()
        loop = QEventLoop()
        QTimer.singleShot(20, loop.quit)
        loop.exec()  # ticking steadily before the export starts
        begun = time.perf_counter()
        start()
        returned = (time.perf_counter() - begun) * 1000
        while not done():
            app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)
        loop = QEventLoop()
        QTimer.singleShot(20, loop.quit)
        loop.exec()
        timer.stop()
        gaps = [b - a for a, b in itertools.pairwise(ticks)]
        return max(gaps), returned

    def old_export() -> None:  # before: the old build, all in the GUI thread
        write_bytes_atomically(out, build_with_event_objects(calendar.items(), stamp))

    stamp = services.context.clock.now()
    finished: list[object] = []
    exporter.done.connect(finished.append)
    results: dict[str, list[float]] = {
        "before: all in the GUI thread, longest gap": [],
        "the new build, in the GUI thread, longest gap": [],
        "now: export_calendar() returns after": [],
        "now: in the worker, longest gap": [],
    }
    for _ in range(rounds):
        gap, _returned = longest_gap(old_export, lambda: True)
        results["before: all in the GUI thread, longest gap"].append(gap)
        gap, _returned = longest_gap(lambda: calendar.export(out), lambda: True)
        results["the new build, in the GUI thread, longest gap"].append(gap)
        finished.clear()
        gap, returned = longest_gap(
            lambda: export_calendar(window, services, settings, path=out),
            lambda: bool(finished),
        )
        results["now: export_calendar() returns after"].append(returned)
        results["now: in the worker, longest gap"].append(gap)
    window.close()
    return results


if __name__ == "__main__":
    main()
