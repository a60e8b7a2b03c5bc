"""Assessment tab on the large demo file: loading the tab (history page with overall
scores, results of the newest), showing another assessment's results, and saving one
answer of a draft (one transaction, as the wizard does for every rating). Medians."""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from _fixtures import TODAY, large_demo_file


def main() -> None:
    import shutil
    import tempfile

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from ontrack.app import create_main_window
    from ontrack.domain.clock import FixedClock

    app = QApplication(sys.argv)
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder) / "large.sqlite"
        shutil.copy(large_demo_file(), data)
        settings = QSettings(str(Path(folder) / "s.ini"), QSettings.Format.IniFormat)
        window = create_main_window(data, clock=FixedClock.on(TODAY), settings=settings)
        window.show()
        app.processEvents()
        page = window.pages["assessmentTab"]
        started = time.perf_counter()
        window.show_tab("assessmentTab")
        app.processEvents()
        first_load = time.perf_counter() - started
        shows, saves = [], []
        rows = page.model.rowCount()
        for n in range(21):
            started = time.perf_counter()
            page.view.selectRow(n % rows)
            app.processEvents()
            shows.append(time.perf_counter() - started)
        draft = page.service.start("Engineer", "Manager")
        for n, statement in enumerate(page.service.content.statements):
            started = time.perf_counter()
            page.service.rate(draft.id, statement.id, 1 + n % 5)
            saves.append(time.perf_counter() - started)
            app.processEvents()
        print(f"Assessment tab, large demo file ({page.model.total()} assessments)")
        print(f"  first load (history + results of the newest): {first_load * 1000:.0f} ms")
        print(
            f"  show another assessment's results: median {statistics.median(shows) * 1000:.0f} ms"
        )
        print(f"  save one answer of a draft: median {statistics.median(saves) * 1000:.1f} ms")
        window.close()


if __name__ == "__main__":
    main()
