#!/usr/bin/env python3
"""Build OnTrack's one-folder bundle with PyInstaller and, on Linux, the archive users install.

    python3 dev.py package            (sets up the environment, then runs this)
    .venv/bin/python packaging/build.py [--clean] [--no-archive]

Produces, on Linux:
    dist/ontrack-<version>-linux-x86_64/           the unpacked archive:
        ontrack/                                     the bundle (run ontrack/ontrack)
        install.sh, uninstall.sh, INSTALL.txt       per-user install, no root
        VERSION
        share/applications, share/metainfo, share/icons/hicolor/…
    dist/ontrack-<version>-linux-x86_64.tar.gz      the same, packed
On Windows and macOS: dist/ontrack-<version>-<platform>/ontrack/ (OnTrack.exe, or
OnTrack.app beside it on macOS); see packaging/README.md.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bundle_config as config

DIST = config.ROOT / "dist"
WORK = config.ROOT / "build" / "pyinstaller"
SPEC = config.ROOT / "packaging" / "ontrack.spec"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


# Every module of the package must import here, or the bundle would lack what it needs
# (PyInstaller only warns): typically a dependency used in code but missing from
# pyproject.toml, which a fresh virtual environment does not have.
IMPORT_EVERY_MODULE = """
import importlib, pkgutil, sys
import ontrack
failed = []
for module in pkgutil.walk_packages(ontrack.__path__, "ontrack."):
    if module.name.endswith("__main__"):
        continue
    try:
        importlib.import_module(module.name)
    except Exception as error:
        failed.append(f"  {module.name}: {error}")
print("\\n".join(failed))
sys.exit(1 if failed else 0)
"""


def check_every_module_imports() -> None:
    result = subprocess.run(
        [sys.executable, "-c", IMPORT_EVERY_MODULE],
        capture_output=True,
        text=True,
        cwd=config.ROOT,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
    )
    if result.returncode != 0:
        raise SystemExit(
            "These OnTrack modules cannot be imported, so the bundle would be broken "
            "(a dependency missing from pyproject.toml?):\n" + (result.stdout or result.stderr)
        )


def run_pyinstaller(staging: Path, clean: bool) -> None:
    command = [
        sys.executable, "-m", "PyInstaller", str(SPEC),
        "--noconfirm", "--log-level", "WARN",
        "--distpath", str(staging), "--workpath", str(WORK),
    ]  # fmt: skip
    if clean:
        command.append("--clean")
    subprocess.run(command, check=True, cwd=config.ROOT)


def add_desktop_integration(staging: Path) -> None:
    """The files install.sh puts in place, in the layout of an XDG data directory."""
    share = staging / "share"
    (share / "applications").mkdir(parents=True, exist_ok=True)
    (share / "metainfo").mkdir(parents=True, exist_ok=True)
    shutil.copy2(config.LINUX / f"{config.APP_ID}.desktop", share / "applications")
    shutil.copy2(config.LINUX / f"{config.APP_ID}.metainfo.xml", share / "metainfo")
    for size in ICON_SIZES:
        folder = share / "icons" / "hicolor" / f"{size}x{size}" / "apps"
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copy2(config.ICONS / f"ontrack-{size}.png", folder / f"{config.APP_ID}.png")
    scalable = share / "icons" / "hicolor" / "scalable" / "apps"
    scalable.mkdir(parents=True, exist_ok=True)
    shutil.copy2(config.ICONS / "ontrack.svg", scalable / f"{config.APP_ID}.svg")
    for script in ("install.sh", "uninstall.sh", "INSTALL.txt"):
        shutil.copy2(config.LINUX / script, staging / script)
    (staging / "VERSION").write_text(config.version() + "\n", encoding="utf-8")


def pack(staging: Path) -> Path:
    archive = staging.with_name(staging.name + ".tar.gz")
    temporary = archive.with_suffix(".part")
    with tarfile.open(temporary, "w:gz", compresslevel=6) as tar:
        tar.add(staging, arcname=staging.name)  # keeps the executable bits
    temporary.replace(archive)
    return archive


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clean", action="store_true", help="rebuild without PyInstaller's cache")
    parser.add_argument("--no-archive", action="store_true", help="stop after the bundle")
    args = parser.parse_args(argv)
    staging = DIST / config.archive_name()
    if staging.exists():
        shutil.rmtree(staging)
    started = time.perf_counter()
    check_every_module_imports()
    run_pyinstaller(staging, args.clean)
    bundle = staging / config.BUNDLE_NAME
    print(
        f"bundle: {bundle.relative_to(config.ROOT)} "
        f"({folder_size(bundle) / 1e6:.0f} MB, built in {time.perf_counter() - started:.0f} s)"
    )
    if sys.platform.startswith("linux"):
        add_desktop_integration(staging)
        if not args.no_archive:
            archive = pack(staging)
            print(
                f"archive: {archive.relative_to(config.ROOT)} "
                f"({archive.stat().st_size / 1e6:.0f} MB)"
            )
    return 0


if __name__ == "__main__":
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    sys.exit(main())
