"""Start-up: `ontrack --exit-after-startup` on an empty and on the large demo file, against a
bare QMainWindow with a QTabWidget started the same way; interleaved runs, medians, ratios."""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _fixtures import describe, large_demo_file, ontrack, time_command

# What a person waits for: the window on screen with its current tab (the Overview) loaded;
# the other tabs are built when first shown.
SHOWN = """
import sys
from PySide6.QtWidgets import QApplication
from ontrack.app import create_main_window
app = QApplication(sys.argv)
window = create_main_window(sys.argv[1])
window.show()
window.repaint()
app.processEvents()
window.close()
"""

BARE_QT = """
import sys
from PySide6.QtWidgets import QApplication, QMainWindow, QTabWidget, QWidget
app = QApplication(sys.argv)
window = QMainWindow()
tabs = QTabWidget()
for name in ("Overview", "Assessment", "Goals", "Journal", "Network"):
    tabs.addTab(QWidget(), name)
window.setCentralWidget(tabs)
window.resize(1180, 760)
window.show()
window.repaint()
app.processEvents()
"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=11)
    args = parser.parse_args()
    large = large_demo_file()
    with tempfile.TemporaryDirectory() as folder:
        empty = Path(folder) / "empty.sqlite"
        commands = {
            "bare QMainWindow + QTabWidget": [sys.executable, "-c", BARE_QT],
            "ontrack, empty data file": ontrack("--data", str(empty), "--exit-after-startup"),
            "ontrack, large demo data file": ontrack("--data", str(large), "--exit-after-startup"),
            "window shown (current tab), large file": [sys.executable, "-c", SHOWN, str(large)],
        }
        for command in commands.values():  # warm the OS file cache once
            time_command(command)
        samples: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.rounds):
            for name, command in commands.items():
                samples[name].append(time_command(command))
    print("Start-up (--exit-after-startup: open, load every tab, paint once, exit)")
    for name, values in samples.items():
        print("  " + describe(name, values))
    bare = statistics.median(samples["bare QMainWindow + QTabWidget"])
    for name in list(commands)[1:]:
        print(f"  ratio {name}: {statistics.median(samples[name]) / bare:.2f}× the bare window")


if __name__ == "__main__":
    main()
