#!/usr/bin/env python3
"""Set up OnTrack's virtual environment and run the app, the tests or the benchmarks.

    python3 dev.py run [ARGS...]     create .venv if needed, install OnTrack, open the window;
                                     ARGS go to the `ontrack` command (`run report --data F
                                     --out R.pdf` makes a report, as `ontrack report` would)
    python3 dev.py test              the same set-up, then the whole test suite, the bundle
                                     built and tested too (what CI runs)
    python3 dev.py test --fast       the suite without building the bundle and without the
                                     tests marked slow: the everyday inner loop
    python3 dev.py test ARGS...      just pytest ARGS (e.g. `dev.py test tests/reports -x`)
    python3 dev.py bench             the same set-up, then the benchmarks in tests/benchmarks
    python3 dev.py check             ruff check, ruff format --check and mypy
    python3 dev.py package [ARGS...] build the installable bundle with PyInstaller:
                                     dist/ontrack-<version>-linux-x86_64.tar.gz
    python3 dev.py package-test      build the bundle, then test it (run, report, install)

Only the Python standard library is used here, so it runs on a fresh machine with Python 3.11+.
The environment is re-installed only when pyproject.toml changes.
"""

from __future__ import annotations

import ctypes.util
import hashlib
import os
import shutil
import subprocess
import sys
import venv
from collections.abc import Callable, Mapping
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = Path(os.environ.get("ONTRACK_VENV", ROOT / ".venv"))
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".ontrack-installed"


def _fingerprint() -> str:
    return hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()


def ensure_environment() -> None:
    if sys.version_info < (3, 11):  # noqa: UP036 (dev.py runs before any venv exists)
        sys.exit("OnTrack needs Python 3.11 or newer; this is " + sys.version.split()[0])
    if STAMP.exists() and STAMP.read_text() == _fingerprint() and PYTHON.exists():
        return
    if not PYTHON.exists():
        print(f"Creating the virtual environment in {VENV.name}/ …", flush=True)
        try:
            venv.EnvBuilder(with_pip=True, upgrade_deps=False).create(VENV)
        except (subprocess.CalledProcessError, OSError) as error:
            sys.exit(
                f"Could not create the virtual environment ({error}).\n"
                "On Debian or Ubuntu, install Python's venv module first: "
                "sudo apt install python3-venv"
            )
    print("Installing OnTrack and its dependencies …", flush=True)
    pip = [str(PYTHON), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    subprocess.run([*pip, "--upgrade", "pip"], check=True)
    subprocess.run([*pip, "--editable", f"{ROOT}[dev]"], check=True)
    STAMP.write_text(_fingerprint())


# Qt's xcb platform plugin (the X11 window) aborts without this library, which a fresh
# Debian or Ubuntu desktop may lack; the other libraries it needs come with any desktop.
WINDOW_LIBRARY, WINDOW_PACKAGE = "xcb-cursor", "libxcb-cursor0"
# Options of `ontrack` that take a value: the word after them is not a command.
_OPTIONS_WITH_VALUE = {"--data"}


def opens_window(args: list[str]) -> bool:
    """Whether `ontrack ARGS` opens the window (no command such as `report` or `demo`)."""
    words = iter(args)
    for word in words:
        if word in _OPTIONS_WITH_VALUE:
            next(words, None)
        elif word in {"-h", "--help", "--version"} or not word.startswith("-"):
            return False
    return True


def missing_window_library(
    environ: Mapping[str, str] = os.environ,
    find: Callable[[str], str | None] = ctypes.util.find_library,
) -> str | None:
    """The apt line to run before the window can open on X11, or None if nothing is missing
    (or the window will not use X11: another system, Wayland, offscreen)."""
    if not sys.platform.startswith("linux"):
        return None
    platform = environ.get("QT_QPA_PLATFORM", "")
    if platform and not platform.startswith("xcb"):
        return None
    if find(WINDOW_LIBRARY) is not None:
        return None
    return f"sudo apt install {WINDOW_PACKAGE}"


def run(args: list[str]) -> int:
    if opens_window(args):
        missing = missing_window_library()
        if missing:
            print(
                f"OnTrack's window needs the {WINDOW_PACKAGE} library, which is not installed."
                f"\nInstall it with:\n\n    {missing}\n\nCommands such as "
                "`python3 dev.py run report …` work without it.",
                file=sys.stderr,
            )
            return 1
    return subprocess.call([str(PYTHON), "-m", "ontrack", *args])


# What the desktop-file and AppStream checks in tests/packaging run, and their packages.
VALIDATORS = {"desktop-file-validate": "desktop-file-utils", "appstreamcli": "appstream"}


def missing_validators(which: Callable[[str], str | None] = shutil.which) -> list[str]:
    """The Debian packages of the packaging validators that are not installed."""
    return [package for tool, package in VALIDATORS.items() if which(tool) is None]


def pytest_plan(args: list[str]) -> tuple[list[str], bool]:
    """pytest's arguments for `dev.py test ARGS`, and whether the bundle is built first:
    no ARGS is the whole suite with the bundle (CI); --fast leaves out the bundle and the
    tests marked slow; anything else is passed to pytest as it is."""
    # Both cores (pytest-xdist), one test module a worker: about half the time on two cores.
    parallel = ["-n", "auto", "--dist", "loadfile"]
    if not args:
        return parallel, True
    if args[0] == "--fast":
        return [*parallel, "-m", "not slow", *args[1:]], False
    return list(args), False


def test(args: list[str]) -> int:
    """The whole suite, the installable bundle included: it is built first (about half a
    minute) and then run, installed and uninstalled by tests/packaging."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    pytest_args, with_bundle = pytest_plan(args)
    if with_bundle:
        status = check([])  # ruff and mypy are part of the test command, CI's included
        if status:
            print("ruff or mypy found problems; see above.", file=sys.stderr)
            return status
        status = package([])
        if status:
            print("Building the bundle failed; see above.", file=sys.stderr)
            return status
        env["ONTRACK_TEST_BUNDLE"] = "1"
        missing = missing_validators()
        if missing:
            print(
                "Note: the desktop-entry and AppStream checks will be skipped: "
                f"sudo apt install {' '.join(missing)} to run them.",
                flush=True,
            )
    return subprocess.call([str(PYTHON), "-m", "pytest", *pytest_args], cwd=ROOT, env=env)


def bench(args: list[str]) -> int:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    status = 0
    for script in sorted((ROOT / "tests" / "benchmarks").glob("bench_*.py")):
        status |= subprocess.call([str(PYTHON), str(script), *args], cwd=ROOT, env=env)
    return status


def check(args: list[str]) -> int:
    status = subprocess.call([str(PYTHON), "-m", "ruff", "check", "."], cwd=ROOT)
    status |= subprocess.call([str(PYTHON), "-m", "ruff", "format", "--check", "."], cwd=ROOT)
    status |= subprocess.call([str(PYTHON), "-m", "mypy"], cwd=ROOT)
    return status


def _ensure_pyinstaller() -> None:
    """PyInstaller is only for building the bundle: installed (the `package` extra) on demand."""
    probe = subprocess.run([str(PYTHON), "-c", "import PyInstaller"], capture_output=True)
    if probe.returncode != 0:
        print("Installing PyInstaller into the virtual environment …", flush=True)
        subprocess.run(
            [str(PYTHON), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
             "--editable", f"{ROOT}[dev,package]"],
            check=True,
        )  # fmt: skip


def package(args: list[str]) -> int:
    _ensure_pyinstaller()
    command = [str(PYTHON), str(ROOT / "packaging" / "build.py"), *args]
    status = subprocess.call(command, cwd=ROOT)
    if status == 0:
        print(
            "(PyInstaller's warnings about Windows libraries such as user32 and about "
            "libgtk-3 are expected on Linux and harmless: see the README.)",
            flush=True,
        )
    return status


def _install_validators() -> bool:
    """Install the packaging validators with apt-get when running as root (as CI and a
    fresh container do); otherwise say what to install. True when they are there."""
    missing = missing_validators()
    if not missing:
        return True
    can_install = hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get")
    if can_install:
        print(f"Installing {' '.join(missing)} for the packaging checks …", flush=True)
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        install = ["apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing]
        if subprocess.call(install, env=env) != 0:
            subprocess.call(["apt-get", "update", "-qq"], env=env)
            subprocess.call(install, env=env)
    if missing_validators():
        print(
            "The packaging tests check the desktop entry and the AppStream metadata with "
            f"Debian's validators. Install them first:\n\n    sudo apt install {' '.join(missing)}",
            file=sys.stderr,
        )
        return False
    return True


def package_test(args: list[str]) -> int:
    """Build the bundle, then run tests/packaging with the bundle test switched on (it takes
    minutes, so the everyday suite skips it; see packaging/README.md). The validators are
    required here: installed with apt-get as root, else asked for."""
    if not _install_validators():
        return 2
    status = package([])
    if status:
        return status
    env = dict(
        os.environ, QT_QPA_PLATFORM="offscreen", ONTRACK_TEST_BUNDLE="1", ONTRACK_VALIDATE="1"
    )
    command = [str(PYTHON), "-m", "pytest", "tests/packaging", *args]
    return subprocess.call(command, cwd=ROOT, env=env)


COMMANDS = {
    "run": run,
    "test": test,
    "bench": bench,
    "check": check,
    "package": package,
    "package-test": package_test,
}


def main() -> int:
    if len(sys.argv) < 2 or sys.argv[1] not in COMMANDS:
        print(__doc__.strip())
        return 2
    try:
        ensure_environment()
    except subprocess.CalledProcessError as error:
        print(f"Set-up failed: {error}", file=sys.stderr)
        return 1
    return COMMANDS[sys.argv[1]](sys.argv[2:])


if __name__ == "__main__":
    sys.exit(main())
