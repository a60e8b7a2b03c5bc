"""The house rules of shared/DESIGN.md that code can check: which layers stay free of Qt,
and that ReportLab is not loaded until a report is made."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

QT_FREE = ("ontrack.domain", "ontrack.storage", "ontrack.reports", "ontrack.interchange")


def _modules_loaded_after_importing(packages: tuple[str, ...]) -> set[str]:
    script = textwrap.dedent(
        f"""
        import importlib, pkgutil, sys
        for name in {packages!r}:
            package = importlib.import_module(name)
            for info in pkgutil.walk_packages(package.__path__, name + "."):
                importlib.import_module(info.name)
        print("\\n".join(sorted(sys.modules)))
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    return set(result.stdout.split())


def test_qt_free_layers_import_no_pyside6() -> None:
    loaded = _modules_loaded_after_importing(QT_FREE)
    assert not {m for m in loaded if m.startswith(("PySide6", "shiboken6"))}


@pytest.mark.parametrize("entry", ["ontrack.app", "ontrack.cli", "ontrack.ui.main_window"])
def test_starting_up_does_not_import_reportlab(entry: str) -> None:
    script = f"import {entry}, sys; print('\\n'.join(sys.modules))"
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    loaded = set(result.stdout.split())
    assert not {m for m in loaded if m.startswith("reportlab")}


def test_opening_the_window_loads_neither_peewee_nor_the_interchange_code(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # Start-up reads through plain sqlite3; Peewee (about 40 ms to import) waits for a write.
    script = textwrap.dedent(
        f"""
        import sys
        from PySide6.QtWidgets import QApplication
        from ontrack.app import create_main_window
        app = QApplication([])
        window = create_main_window({str(tmp_path / "d.sqlite")!r})
        window.show()
        window.load_all_tabs()
        loaded = sorted(m for m in sys.modules if m.startswith(("peewee", "ontrack.interchange",
                                                               "ontrack.storage.dataset")))
        window.close()
        print(" ".join(loaded))
        """
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, env=env
    )
    assert result.stdout.split() == []
