"""Install OnTrack into a temporary home with install.sh, check every file, start the app the
way the application menu does (the desktop entry's Exec line), then uninstall and check that
exactly OnTrack's files went and the person's data stayed.

Shared by the everyday test (a staging folder whose `ontrack` starts OnTrack from the
virtual environment) and the bundle test (the real archive)."""

from __future__ import annotations

import configparser
import os
import shlex
import subprocess
from pathlib import Path

import bundle_config as config

ICON_FOLDERS = [f"{s}x{s}" for s in (16, 24, 32, 48, 64, 128, 256, 512)]


def run(command: list[str], env: dict[str, str], timeout: float = 120) -> str:
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=timeout)
    assert result.returncode == 0, f"{command}: {result.stdout}\n{result.stderr}"
    return result.stdout


def files_under(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*") if not p.is_dir()}


def exec_line(desktop_file: Path) -> list[str]:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(desktop_file, encoding="utf-8")
    entry = parser["Desktop Entry"]
    assert "%" not in entry["Exec"]  # no field codes: nothing for the launcher to expand
    return shlex.split(entry["Exec"])


def install_use_and_uninstall(staging: Path, env: dict[str, str], tmp_path: Path) -> None:
    home = Path(env["HOME"])
    share = home / ".local" / "share"
    target = share / config.APP_ID
    # What the person already has: their data and settings, which must survive everything.
    data_file = share / "OnTrack" / "OnTrack" / "ontrack.sqlite"
    settings = home / ".config" / "OnTrack" / "OnTrack.ini"
    run([str(staging / "ontrack" / "ontrack"), "demo", "--data", str(data_file)], env)
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text("[window]\ntab=2\n", encoding="utf-8")
    before = files_under(home)

    output = run(["sh", str(staging / "install.sh")], env)
    assert str(target) in output

    # The files, where desktops look for them.
    executable = target / "ontrack"
    assert os.access(executable, os.X_OK)
    assert (target / ".ontrack-bundle").is_file()
    assert os.access(target / "uninstall.sh", os.X_OK)
    desktop_file = share / "applications" / f"{config.APP_ID}.desktop"
    assert exec_line(desktop_file) == [str(executable)]
    assert (share / "metainfo" / f"{config.APP_ID}.metainfo.xml").is_file()
    for folder in ICON_FOLDERS:
        assert (share / "icons" / "hicolor" / folder / "apps" / f"{config.APP_ID}.png").is_file()
    assert (share / "icons" / "hicolor" / "scalable" / "apps" / f"{config.APP_ID}.svg").is_file()
    command_link = home / ".local" / "bin" / "ontrack"
    assert command_link.resolve() == executable.resolve()

    # Started as the application menu starts it: the Exec line, and nothing else.
    launch = exec_line(desktop_file)
    assert run([*launch, "--version"], env).strip() == f"OnTrack {config.version()}"
    run([*launch, "--exit-after-startup"], env)  # opens the person's own data file
    run([*launch, "--data", str(data_file), "--exit-after-startup"], env)
    pdf = tmp_path / "report.pdf"
    run([str(command_link), "report", "--data", str(data_file), "--out", str(pdf)], env)
    assert pdf.read_bytes().startswith(b"%PDF")

    # Installing again is an upgrade in place.
    run(["sh", str(staging / "install.sh")], env)
    assert exec_line(desktop_file) == [str(executable)]

    data_bytes = data_file.read_bytes()  # as OnTrack left it (opening may have written)
    output = run(["sh", str(target / "uninstall.sh")], env)
    assert "data" in output
    assert not target.exists()
    assert files_under(home) == before  # exactly OnTrack's files went
    assert data_file.read_bytes() == data_bytes
    assert not (share / "icons").exists()  # the folders it made are gone too
    assert not (share / "applications").exists()


def refuses_to_replace_a_folder_it_did_not_make(staging: Path, env: dict[str, str]) -> None:
    target = Path(env["HOME"]) / ".local" / "share" / config.APP_ID
    target.mkdir(parents=True)
    (target / "precious.txt").write_text("not OnTrack's", encoding="utf-8")
    result = subprocess.run(
        ["sh", str(staging / "install.sh")], env=env, capture_output=True, text=True
    )
    assert result.returncode == 1
    assert "not an OnTrack installation" in result.stderr
    assert (target / "precious.txt").read_text(encoding="utf-8") == "not OnTrack's"
    # Uninstalling leaves it alone as well.
    subprocess.run(["sh", str(config.LINUX / "uninstall.sh")], env=env, capture_output=True)
    assert (target / "precious.txt").is_file()
