"""The weekly review on the large demo data (2,000 goals, 10,000 check-ins, 5,000 contacts,
50,000 interactions): reading what the review walks through, and opening its dialog.
Target: the read well under 200 ms. Baseline, interleaved in the same rounds: the
Overview's read of what needs attention (the read the review sits beside). Medians,
in-process."""

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

TARGET_MS = 200.0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=21)
    args = parser.parse_args()
    path = large_demo_file()

    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QApplication, QWidget

    from ontrack.domain.clock import FixedClock
    from ontrack.services.registry import Services
    from ontrack.services.weekly_review import WeeklyReviewService
    from ontrack.storage.database import open_data_file
    from ontrack.ui.tabs.base import TabContext
    from ontrack.ui.weekly_review.dialog import WeeklyReviewDialog

    app = QApplication(sys.argv[:1])
    data = open_data_file(path, create=False)
    clock = FixedClock.on(TODAY)
    services = Services.create(data, clock)
    settings = QSettings(str(Path(data.path).with_suffix(".bench.ini")), QSettings.Format.IniFormat)
    review = WeeklyReviewService(services.context)
    context = TabContext(services, QUndoStack(), clock, settings, lambda tab, record: None)
    parent = QWidget()

    def open_dialog() -> None:
        dialog = WeeklyReviewDialog(context, parent)
        dialog.show()
        app.processEvents()
        dialog.close()
        dialog.deleteLater()
        app.processEvents()

    cases: dict[str, Callable[[], object]] = {
        "baseline: Overview attention read": lambda: services.agenda.attention(settle=False),
        "weekly review read": review.review,
        "weekly review dialog opened": open_dialog,
    }
    for case in cases.values():  # warm the caches once
        case()
    samples: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(args.rounds):
        for name, case in cases.items():
            start = time.perf_counter()
            case()
            samples[name].append((time.perf_counter() - start) * 1000)
    print(f"Weekly review on the large demo data (target: read under {TARGET_MS:.0f} ms)")
    for name, values in samples.items():
        print(
            f"  {name:<36} median {statistics.median(values):7.1f} ms   "
            f"min {min(values):7.1f} ms   max {max(values):7.1f} ms   n={len(values)}"
        )
    data.close()


if __name__ == "__main__":
    main()
