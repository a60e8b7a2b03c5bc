"""The house rules of shared/DESIGN.md that code can check: which layers stay free of Qt,
and that ReportLab is not loaded until a report is made."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
import textwrap
from pathlib import Path

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


@pytest.mark.parametrize("entry", ["ontrack.app", "ontrack.cli", "ontrack.ui.main_window"])
def test_starting_up_does_not_import_peewee(entry: str) -> None:
    # Every read goes through Peewee (#18): it is imported by the first read of the data,
    # never by importing the program, so `--help` and commands that read nothing do not pay.
    script = f"import {entry}, sys; print('\\n'.join(sys.modules))"
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert not {m for m in result.stdout.split() if m.startswith(("peewee", "playhouse"))}


def test_opening_the_window_loads_no_interchange_code(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # The window reads through Peewee; the interchange formats and the whole-file dataset
    # code wait until an import, export or report asks for them.
    script = textwrap.dedent(
        f"""
        import sys
        from PySide6.QtWidgets import QApplication
        from ontrack.app import create_main_window
        app = QApplication([])
        window = create_main_window({str(tmp_path / "d.sqlite")!r})
        window.show()
        window.load_all_tabs()
        loaded = sorted(m for m in sys.modules if m.startswith(("ontrack.interchange",
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


# The allowed import edges between OnTrack's packages (shared/DESIGN.md, "Layers").
# "files" is `ontrack.files` (atomic writes, the default data path, the bundled resources);
# "root" is the package's own `__init__` (its name and version), which everything may read.
ALLOWED = {
    "domain": {"domain"},
    "storage": {"storage", "domain", "files", "root"},
    "interchange": {"interchange", "domain", "files", "root"},
    "reports": {"reports", "domain", "files", "root"},
    "demo": {"demo", "domain"},
    "services": {
        "services",
        "storage",
        "interchange",
        "reports",
        "domain",
        "demo",
        "files",
        "root",
    },
    "commands": {"commands", "services", "domain"},
    "ui": {"ui", "commands", "services", "domain", "files", "root"},
    "files": {"files", "root"},
    "root": {"root"},
}
LAYERS = set(ALLOWED)
ENTRY = {"app", "cli", "__main__"}
PACKAGE = Path(__file__).resolve().parents[1] / "desktop" / "ontrack"


def _layer(parts: list[str]) -> str:
    if parts[0] in LAYERS:
        return parts[0]
    return "entry" if parts[0] in ENTRY else "root"


def _imported(path: Path) -> list[list[str]]:
    """The OnTrack modules `path` imports, as parts under `ontrack`."""
    here = list(path.relative_to(PACKAGE).with_suffix("").parts[:-1])
    found = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = here[: len(here) - node.level + 1]
            module = node.module.split(".") if node.module else [node.names[0].name]
            found.append(base + module)
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("ontrack."):
            found.append((node.module or "").split(".")[1:])
        elif isinstance(node, ast.Import):
            found += [a.name.split(".")[1:] for a in node.names if a.name.startswith("ontrack.")]
    return [parts for parts in found if parts]


def test_each_layer_imports_only_what_the_design_allows() -> None:
    wrong = set()
    for path in PACKAGE.rglob("*.py"):
        name = path.relative_to(PACKAGE).as_posix()
        source = _layer(list(path.relative_to(PACKAGE).with_suffix("").parts))
        if source == "entry":
            continue  # the composition root and the command line may use everything
        for target in map(_layer, _imported(path)):
            if target not in ALLOWED[source]:
                wrong.add((name, target))
    assert sorted(wrong) == []


def test_the_package_top_holds_only_the_entry_points() -> None:
    # Small helpers belong in a package that says what they are for (ontrack.files …).
    top = {path.name for path in PACKAGE.glob("*.py")}
    assert top == {"__init__.py", "__main__.py", "app.py"}
