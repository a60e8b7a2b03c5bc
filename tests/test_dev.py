"""dev.py, the one script a newcomer runs: `test --fast`, the window's missing library
said in one apt line before Qt would abort, and the packaging validators named."""

from __future__ import annotations

import ast
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def dev() -> ModuleType:
    spec = importlib.util.spec_from_file_location("dev_script", ROOT / "dev.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_dev_py_uses_the_standard_library_only() -> None:
    tree = ast.parse((ROOT / "dev.py").read_text())
    names = {a.name.split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.Import)
             for a in n.names}  # fmt: skip
    names |= {n.module.split(".")[0] for n in ast.walk(tree)
              if isinstance(n, ast.ImportFrom) and n.module}  # fmt: skip
    assert names - {"__future__"} <= set(sys.stdlib_module_names)


def test_plain_test_is_the_whole_suite_with_the_bundle_and_fast_leaves_out_both(
    dev: ModuleType,
) -> None:
    parallel = ["-n", "auto", "--dist", "loadfile"]
    assert dev.pytest_plan([]) == (parallel, True)  # what CI runs
    assert dev.pytest_plan(["--fast"]) == ([*parallel, "-m", "not slow"], False)
    assert dev.pytest_plan(["--fast", "tests/reports", "-x"]) == (
        [*parallel, "-m", "not slow", "tests/reports", "-x"], False,
    )  # fmt: skip
    assert dev.pytest_plan(["tests/gui"]) == (["tests/gui"], False)


@pytest.mark.parametrize(
    ("args", "window"),
    [
        ([], True),
        (["--data", "/tmp/x.sqlite"], True),
        (["--data", "report"], True),  # a data file named "report"
        (["report", "--data", "x", "--out", "r.pdf"], False),
        (["--data", "x", "demo"], False),
        (["--version"], False),
        (["--help"], False),
    ],
)
def test_only_the_window_needs_the_x11_library(
    dev: ModuleType, args: list[str], window: bool
) -> None:
    assert dev.opens_window(args) is window


def test_a_missing_x11_library_is_one_apt_line(dev: ModuleType) -> None:
    if not sys.platform.startswith("linux"):
        pytest.skip("X11 libraries are a Linux matter")
    assert dev.missing_window_library({}, lambda name: None) == "sudo apt install libxcb-cursor0"
    assert dev.missing_window_library({}, lambda name: f"lib{name}.so.0") is None
    # Not X11: offscreen (tests) or Wayland need nothing of it.
    assert dev.missing_window_library({"QT_QPA_PLATFORM": "offscreen"}, lambda n: None) is None
    assert dev.missing_window_library({"QT_QPA_PLATFORM": "wayland"}, lambda n: None) is None
    assert dev.missing_window_library({"QT_QPA_PLATFORM": "xcb"}, lambda n: None) is not None


def test_the_missing_library_stops_run_before_qt_starts(
    dev: ModuleType, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    started: list[list[str]] = []
    monkeypatch.setattr(dev, "missing_window_library", lambda: "sudo apt install libxcb-cursor0")
    monkeypatch.setattr(dev.subprocess, "call", lambda command, **_: started.append(command) or 0)
    assert dev.run(["--data", "x.sqlite"]) == 1
    assert started == []
    assert "sudo apt install libxcb-cursor0" in capsys.readouterr().err
    assert dev.run(["report", "--data", "x", "--out", "r.pdf"]) == 0  # no window, no need
    assert started[0][-5:] == ["report", "--data", "x", "--out", "r.pdf"]


def test_the_packaging_validators_are_named_by_their_packages(dev: ModuleType) -> None:
    assert dev.missing_validators(lambda tool: None) == ["desktop-file-utils", "appstream"]
    assert dev.missing_validators(lambda tool: f"/usr/bin/{tool}") == []
