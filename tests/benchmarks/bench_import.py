"""Import of the large demo export into a new data file, and export of the large file."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _fixtures import describe, large_demo_file, large_export, ontrack, time_command


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    source = large_export()
    size_mb = source.stat().st_size / 1e6
    imports: list[float] = []
    exports: list[float] = []
    with tempfile.TemporaryDirectory() as folder:
        for round_ in range(args.rounds):
            target = Path(folder) / f"import-{round_}.sqlite"
            imports.append(time_command(ontrack("import", "--data", str(target), str(source))))
            out = Path(folder) / f"export-{round_}.json"
            exports.append(
                time_command(ontrack("export", "--data", str(large_demo_file()), "--out", str(out)))
            )
    print(f"Interchange with the large demo data ({size_mb:.1f} MB of JSON)")
    print("  " + describe("import into a new file (whole command)", imports))
    print("  " + describe("export (whole command)", exports))


if __name__ == "__main__":
    main()
