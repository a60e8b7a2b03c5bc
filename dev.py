#!/usr/bin/env python3
"""Set up OnTrack's virtual environment and run the app, the tests or the benchmarks.

    python3 dev.py run [ARGS...]     create .venv if needed, install OnTrack, open the window
    python3 dev.py test [ARGS...]    the same set-up, then the whole test suite, the bundle
                                     built and tested too (with ARGS: just pytest ARGS)
    python3 dev.py bench             the same set-up, then the benchmarks in tests/benchmarks
    python3 dev.py check             ruff check, ruff format --check and mypy
    python3 dev.py package [ARGS...] build the installable bundle with PyInstaller:
                                     dist/ontrack-<version>-linux-x86_64.tar.gz
    python3 dev.py package-test      build the bundle, then test it (run, report, install)

Only the Python standard library is used here, so it runs on a fresh machine with Python 3.11+.
The environment is re-installed only when pyproject.toml changes.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
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


def run(args: list[str]) -> int:
    return subprocess.call([str(PYTHON), "-m", "ontrack", *args])


def test(args: list[str]) -> int:
    """The whole suite, the installable bundle included: it is built first (about half a
    minute) and then run, installed and uninstalled by tests/packaging."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    if not args:  # a developer running a few tests (`dev.py test tests/gui`) skips the bundle
        status = package([])
        if status:
            print("Building the bundle failed; see above.", file=sys.stderr)
            return status
        env["ONTRACK_TEST_BUNDLE"] = "1"
    return subprocess.call([str(PYTHON), "-m", "pytest", *args], cwd=ROOT, env=env)


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
    return subprocess.call([str(PYTHON), str(ROOT / "packaging" / "build.py"), *args], cwd=ROOT)


def package_test(args: list[str]) -> int:
    """Build the bundle, then run tests/packaging with the bundle test switched on (it takes
    minutes, so the everyday suite skips it; see packaging/README.md)."""
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
