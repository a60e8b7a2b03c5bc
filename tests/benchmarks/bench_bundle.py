"""The bundle against the virtual environment: `ontrack --exit-after-startup` on an empty and on
the large demo file, from the PyInstaller bundle (built by `python3 dev.py package`) and from
.venv/bin/ontrack; interleaved runs, medians, ratios. The target: under 1.5× the venv."""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "packaging"))
import bundle_config
from _fixtures import describe, large_demo_file, time_command


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=11)
    args = parser.parse_args()
    bundle = bundle_config.ROOT / "dist" / bundle_config.archive_name() / "ontrack" / "ontrack"
    if not bundle.exists():
        print(f"Bundle start-up: skipped, no bundle ({bundle.name}); python3 dev.py package")
        return
    venv = Path(sys.executable).with_name("ontrack")
    large = large_demo_file()
    with tempfile.TemporaryDirectory() as folder:
        empty = Path(folder) / "empty.sqlite"
        commands = {}
        for label, data in (("empty", empty), ("large", large)):
            for where, program in (("venv", venv), ("bundle", bundle)):
                commands[f"{where}, {label} data file"] = [
                    str(program), "--data", str(data), "--exit-after-startup"
                ]  # fmt: skip
        for command in commands.values():  # warm the OS file cache once
            time_command(command)
        samples: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.rounds):
            for name, command in commands.items():
                samples[name].append(time_command(command))
    print("Bundle start-up (open, load every tab, paint once, exit)")
    for name, values in samples.items():
        print("  " + describe(name, values))
    for label in ("empty", "large"):
        ratio = statistics.median(samples[f"bundle, {label} data file"]) / statistics.median(
            samples[f"venv, {label} data file"]
        )
        print(f"  ratio bundle / venv, {label} data file: {ratio:.2f}× (target < 1.5×)")


if __name__ == "__main__":
    main()
