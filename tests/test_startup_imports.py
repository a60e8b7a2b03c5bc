"""Start-up imports what the first paint needs and nothing more (#19): what a menu item or
a dialog needs loads when it is first used. Each guard runs the real start path
(`ontrack --exit-after-startup`) in a fresh interpreter and reads its `sys.modules`."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

# Loaded when first asked for: Edit ▸ Profile (its command, service, validation and
# dialog) and Help ▸ About. QtNetwork is Windows' single-instance socket only (Linux and
# macOS use Python's; see ui/unix_instance.py).
LATE = (
    "ontrack.commands",
    "ontrack.ui.dialogs.profile",
    "ontrack.ui.dialogs.about",
    "ontrack.ui.qt_instance",
    *(("PySide6.QtNetwork",) if sys.platform != "win32" else ()),
    # The Overview asks who is due through storage.repositories.contact_due; the contact,
    # feedback and removal records (and their ~20 dataclasses) wait for their tabs.
    "ontrack.storage.repositories.contact_records",
    "ontrack.storage.repositories.feedback_records",
    "ontrack.domain.contact_matching",
    "ontrack.domain.removed",
    # Goal lists, not whole goals: the row mapping of every kind waits for an edit.
    "ontrack.storage.repositories.goal_records",
    "ontrack.storage.rows",
    "ontrack.domain.journal",
    "ontrack.domain.network",
    # File ▸ Import's worker and service; the report's options (a remembered paper size).
    "ontrack.ui.import_worker",
    "ontrack.services.transfer",
    "ontrack.domain.report_options",
    # The assessment content and its scoring load once there is an assessment to show
    # (this file is new: none yet).
    "ontrack.domain.content",
    "ontrack.domain.scoring",
    "tomllib",
    "html",  # escapes only text that looks like HTML (ui/plain_text.py)
    # Qt classes whose enums cost ~1.5 ms (dialogs) to ~9 ms (QStyle) to make.
    "PySide6.QtWidgets.QStyle",
    "PySide6.QtWidgets.QProxyStyle",
    "PySide6.QtWidgets.QMessageBox",
    "PySide6.QtWidgets.QFileDialog",
)


def _loaded_at_start_up(data: Path, home: Path) -> set[str]:
    script = textwrap.dedent(
        f"""
        import sys
        from ontrack.cli import main
        code = main(["--data", {str(data)!r}, "--exit-after-startup"])
        feature = sys.modules["PySide6.support.feature"]
        if hasattr(feature._mod_uses_pyside, "__wrapped__"):
            print("cheap-feature-scan")  # ui/pyside_hook.py, put in before the window loads
        # PySide makes a Qt class (and its Python enums) when it is first asked for.
        widgets = vars(sys.modules["PySide6.QtWidgets"])
        print(" ".join(f"PySide6.QtWidgets.{{name}}" for name in widgets if name.startswith("Q")))
        print(" ".join(sorted(sys.modules)))
        sys.exit(code)
        """
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(home))
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, env=env
    )
    return set(result.stdout.split())


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> set[str]:
    folder = tmp_path_factory.mktemp("startup")
    return _loaded_at_start_up(folder / "data.sqlite", folder)


def test_start_up_paints_the_overview(loaded: set[str]) -> None:
    # The guard below means something only if the start path really ran.
    assert "ontrack.ui.tabs.overview" in loaded


def test_start_up_scans_imported_modules_cheaply(loaded: set[str]) -> None:
    assert "cheap-feature-scan" in loaded


@pytest.mark.parametrize("module", LATE)
def test_start_up_leaves_for_later(loaded: set[str], module: str) -> None:
    assert not {m for m in loaded if m == module or m.startswith(module + ".")}


def test_a_second_start_reads_the_content_from_its_cache(tmp_path: Path) -> None:
    # The sample data has an assessment, so the Overview's card needs the content: parsed
    # at the first start, read from the cache folder's copy (services/content_cache.py)
    # at the next.
    data = tmp_path / "sample.sqlite"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path))
    command = [sys.executable, "-m", "ontrack", "demo", "--data", str(data)]
    subprocess.run(command, check=True, env=env, capture_output=True)
    first = _loaded_at_start_up(data, tmp_path)
    second = _loaded_at_start_up(data, tmp_path)
    assert "ontrack.domain.content" in first & second
    assert "tomllib" in first
    assert "tomllib" not in second


def test_the_first_paint_makes_no_qevent_class(tmp_path: Path) -> None:
    # QEvent's Python enum of ~180 event types costs ~8 ms to make; PySide makes it when an
    # event class is first named (main_window's drag, drop and close handlers name three)
    # or a Python event handler first runs. None runs before the first paint of a new file.
    script = textwrap.dedent(
        f"""
        import sys
        from pathlib import Path
        import ontrack.app as app
        qt = app._application(["ontrack"])
        window = app.create_main_window(Path({str(tmp_path / "new.sqlite")!r}))
        window.backups.enabled = False
        window.show()
        window.repaint()
        qt.processEvents()
        print("QEvent" in vars(sys.modules["PySide6.QtCore"]))
        window.close()
        """
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path))
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, env=env
    )
    assert result.stdout.split() == ["False"]
