"""Start-up against its floor: `ontrack --exit-after-startup` (the real start path, up to the
window painted with its current tab) on an empty file and on the large demo, against
`shared/bench/qt_floor.py` (a window of OnTrack's shape made of plain Qt parts), run
interleaved; medians, the ratio of medians, and each program's peak memory.

    python tests/benchmarks/bench_startup.py [--rounds N] [--all]

`--all` also times `--exit-after-startup=all` (every tab built), the old measure."""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _fixtures import ENV, ROOT, describe, large_demo_file

FLOOR = ROOT.parent / "shared" / "bench" / "qt_floor.py"

# Runs a program's main module and reports its peak memory (KiB on Linux) on stderr.
MEASURED = """
import atexit, resource, runpy, sys
atexit.register(lambda: print("maxrss", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                              file=sys.stderr))
target = sys.argv[1]
sys.argv = sys.argv[1:]
if target.endswith(".py"):
    runpy.run_path(target, run_name="__main__")
else:
    runpy.run_module(target, run_name="__main__", alter_sys=True)
"""


def _run(command: list[str]) -> tuple[float, int]:
    """Seconds and peak memory (MiB) of one run of `command` (a script or `-m module`)."""
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", MEASURED, *command],
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=True,
    )
    seconds = time.perf_counter() - start
    peak = next(line for line in result.stderr.splitlines() if line.startswith("maxrss"))
    return seconds, int(peak.split()[1]) // 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=11)
    parser.add_argument("--all", action="store_true", help="also every tab built")
    args = parser.parse_args()
    if not FLOOR.exists():
        sys.exit(f"the floor {FLOOR} is missing: shared/ belongs beside the checkout")
    large = large_demo_file()
    with tempfile.TemporaryDirectory() as folder:
        empty = Path(folder) / "empty.sqlite"
        commands = {
            "floor: qt_floor.py": [str(FLOOR)],
            "ontrack, empty file": ["ontrack", "--data", str(empty), "--exit-after-startup"],
            "ontrack, large demo": ["ontrack", "--data", str(large), "--exit-after-startup"],
        }
        if args.all:
            commands["ontrack, large demo, every tab"] = [
                "ontrack", "--data", str(large), "--exit-after-startup=all"
            ]  # fmt: skip
        for command in commands.values():  # warm the file cache and the bytecode once
            _run(command)
        times: dict[str, list[float]] = {name: [] for name in commands}
        peaks: dict[str, list[int]] = {name: [] for name in commands}
        for _ in range(args.rounds):
            for name, command in commands.items():
                seconds, peak = _run(command)
                times[name].append(seconds)
                peaks[name].append(peak)
    print("Start-up: the window on screen with its current tab painted (medians, interleaved)")
    floor_time = statistics.median(times["floor: qt_floor.py"])
    floor_peak = statistics.median(peaks["floor: qt_floor.py"])
    for name in commands:
        print("  " + describe(name, times[name]) + f"   peak {statistics.median(peaks[name])} MiB")
    for name in list(commands)[1:]:
        ratio = statistics.median(times[name]) / floor_time
        extra = statistics.median(peaks[name]) - floor_peak
        print(f"  {name}: {ratio:.2f}× the floor, {extra:+.0f} MiB over its peak memory")


if __name__ == "__main__":
    main()
