"""Search as you type, in the window, on the large demo data: from the moment the search runs
(Enter in the Journal, each keystroke in Goals and Network) to the list showing its new rows
(the event loop has painted them). Journal, contacts and goals, for common, rare, prefix,
one-letter and no-match text. Target: every query under 30 ms, the usual ones under one
frame (16 ms), medians.

    python tests/benchmarks/bench_search.py [--rounds N]

Each case types its text, then clears it again; only the search is timed, and the clear
(the whole list back) is timed as a case of its own."""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _fixtures import TODAY, large_demo_file

TARGET_MS = 30.0
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

    def runner(tab: str, box: QLineEdit, text: str) -> Callable[[], float]:
        def run() -> float:
            start = time.perf_counter()
            box.setText(text)
            if tab == "journalTab":  # the Journal searches on Enter (or after a pause)
                QTest.keyClick(box, Qt.Key.Key_Return)
            app.processEvents()
            return (time.perf_counter() - start) * 1000

        return run

    samples: dict[str, list[float]] = {}
    cases: list[tuple[str, Callable[[], float], Callable[[], float]]] = []
    for tab, box_name, texts in CASES:
        window.show_tab(tab)
        app.processEvents()
        box = window.findChild(QLineEdit, box_name)
        assert box is not None, box_name
        clear = runner(tab, box, "")
        for text in texts:
            cases.append((f"{tab[:-3]}: {text!r}", runner(tab, box, text), clear))
        cases.append((f"{tab[:-3]}: cleared (whole list)", clear, clear))
    for _ in range(args.rounds + 1):  # the first round warms up and is not counted
        for name, run, clear in cases:
            window.show_tab(name.split(":")[0] + "Tab")
            app.processEvents()
            samples.setdefault(name, []).append(run())
            clear()
    window.close()
    shutil.rmtree(folder, ignore_errors=True)
    print("Search as you type in the window, large demo data (medians of", args.rounds, "runs)")
    for name, values in samples.items():
        median = statistics.median(values[1:])
        verdict = (
            "within a frame"
            if median < FRAME_MS
            else ("ok" if median < TARGET_MS else f"OVER {TARGET_MS:.0f} ms")
        )
        print(f"  {name:<34} median {median:6.1f} ms   max {max(values[1:]):6.1f} ms   {verdict}")


if __name__ == "__main__":
    main()
