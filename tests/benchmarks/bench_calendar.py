"""Export to calendar on the large demo data (2,000 goals, 20,000 steps, 10,000 feedback
entries, 5,000 contacts, 50,000 interactions): the reads of every dated item, building the
.ics document with `icalendar`, and the whole export to a file, interleaved with a baseline
read (every contact row, plain SQL) that shows how busy the machine is. Target for the reads:
well under a second. Medians of interleaved runs, in-process."""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _fixtures import TODAY, large_demo_file


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    path = large_demo_file()

    from ontrack.domain.clock import FixedClock
    from ontrack.interchange.icalendar_export import calendar_bytes
    from ontrack.services.calendar import CalendarService
    from ontrack.services.registry import Services
    from ontrack.storage.database import open_data_file

    data = open_data_file(path, create=False)
    clock = FixedClock.on(TODAY)
    calendar = CalendarService(Services.create(data, clock).context)
    items = calendar.items()
    out = Path(tempfile.mkdtemp()) / "ontrack.ics"

    runs: dict[str, Callable[[], object]] = {
        "baseline: read every contact row": lambda: data.execute(
            "SELECT * FROM contact"
        ).fetchall(),
        "read the dated items": calendar.items,
        "build the .ics document": lambda: calendar_bytes(items, stamp=clock.now()),
        "export to a file (all of it)": lambda: calendar.export(out),
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
        print(
            f"  {name:<36} median {statistics.median(values):7.0f} ms   "
            f"min {min(values):7.0f} ms   max {max(values):7.0f} ms   n={len(values)}"
        )
    data.close()


if __name__ == "__main__":
    main()
