"""Search as you type, in the window, on the large demo data: from the moment the search runs
(Enter in the Journal, each keystroke in Goals and Network) to the list showing its new rows
(the event loop has painted them). Journal, contacts and goals, for common, rare, prefix,
one-letter and no-match text. Target: every query under 30 ms, the usual ones under one
frame (16 ms), medians.

    python tests/benchmarks/bench_search.py [--rounds N]

Each case types its text, then clears it again; only the search is timed, and the clear
(the whole list back) is timed as a case of its own. Beside each median: the part until
the list's model holds its new rows ("search": the queries, the page's rows, the page's
own reaction), the rest ("paint": Qt's layout and painting), and the CPU time."""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _fixtures import TODAY, large_demo_file

TARGET_MS = 30.0


class Sample(NamedTuple):
    """One search, in ms: until the list shows it, until its model held the new rows
    (the rest is Qt laying out and painting), and the process's CPU time (which other
    programs on a busy machine disturb less than the wall clock)."""

    total: float
    search: float
    cpu: float


FRAME_MS = 16.0
# Tab, search box, and the texts a person types there.
CASES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("journalTab", "journalSearch", ("meeting", "retrospective", "pr", "a", "zzq")),
    ("networkTab", "contactsSearch", ("engineer", "ana", "a", "zzq")),
    ("goalsTab", "goalsSearch", ("present", "lead", "a", "zzq")),
)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()

    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QLineEdit

    from ontrack.app import create_main_window
    from ontrack.domain.clock import FixedClock

    app = QApplication(sys.argv[:1])
    folder = Path(tempfile.mkdtemp(prefix="ontrack-bench-"))
    path = folder / "large.sqlite"
    shutil.copyfile(large_demo_file(), path)
    settings = QSettings(str(folder / "bench.ini"), QSettings.Format.IniFormat)
    window = create_main_window(path, clock=FixedClock.on(TODAY), settings=settings)
    window.resize(1280, 800)
    window.show()
    app.processEvents()

    def runner(tab: str, box: QLineEdit, text: str) -> Callable[[], Sample]:
        def run() -> Sample:
            start, cpu = time.perf_counter(), time.process_time()
            box.setText(text)
            if tab == "journalTab":  # the Journal searches on Enter (or after a pause)
                QTest.keyClick(box, Qt.Key.Key_Return)
            found = time.perf_counter()  # the list's model holds its new rows
            app.processEvents()  # and the window shows them
            end = time.perf_counter()
            return Sample(
                (end - start) * 1000, (found - start) * 1000, (time.process_time() - cpu) * 1000
            )

        return run

    samples: dict[str, list[Sample]] = {}
    # Each case: its name, what is typed first (not timed), what is timed, and the clear after.
    cases: list[tuple[str, Callable[[], Sample], Callable[[], Sample], Callable[[], Sample]]] = []
    for tab, box_name, texts in CASES:
        window.show_tab(tab)
        app.processEvents()
        box = window.findChild(QLineEdit, box_name)
        assert box is not None, box_name
        clear = runner(tab, box, "")
        for text in texts:
            cases.append((f"{tab[:-3]}: {text!r}", clear, runner(tab, box, text), clear))
        # From a search back to the whole list (timed from an empty box, it timed nothing).
        first = runner(tab, box, texts[0])
        cases.append((f"{tab[:-3]}: cleared (whole list)", first, clear, clear))
    for _ in range(args.rounds + 1):  # the first round warms up and is not counted
        for name, before, run, after in cases:
            window.show_tab(name.split(":")[0] + "Tab")
            app.processEvents()
            before()
            samples.setdefault(name, []).append(run())
            after()
    window.close()
    shutil.rmtree(folder, ignore_errors=True)
    print("Search as you type in the window, large demo data (medians of", args.rounds, "runs)")
    print(f"  {'':<34} {'total':>13} {'max':>8}   {'search':>7} {'paint':>6} {'cpu':>6}")
    for name, values in samples.items():
        counted = values[1:]
        median = statistics.median(s.total for s in counted)
        search = statistics.median(s.search for s in counted)
        paint = statistics.median(s.total - s.search for s in counted)
        cpu = statistics.median(s.cpu for s in counted)
        verdict = (
            "within a frame"
            if median < FRAME_MS
            else ("ok" if median < TARGET_MS else f"OVER {TARGET_MS:.0f} ms")
        )
        print(
            f"  {name:<34} median {median:6.1f} ms {max(s.total for s in counted):6.1f}   "
            f"{search:7.1f} {paint:6.1f} {cpu:6.1f}   {verdict}"
        )


if __name__ == "__main__":
    main()
