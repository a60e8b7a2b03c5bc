"""install.sh and uninstall.sh in a temporary home, on a staging folder laid out like the
Linux archive whose `ontrack` starts OnTrack from this virtual environment (the bundle test
in test_bundle.py does the same with the real archive)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import build
import pytest

from tests.packaging.install_checks import (
    install_use_and_uninstall,
    refuses_to_replace_a_folder_it_did_not_make,
)

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="Linux desktop integration")


@pytest.fixture
def staging(tmp_path: Path) -> Path:
    folder = tmp_path / "ontrack-unpacked"
    build.add_desktop_integration(folder)
    bundle = folder / "ontrack"
    bundle.mkdir()
    launcher = bundle / "ontrack"
    launcher.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m ontrack "$@"\n', encoding="utf-8")
    launcher.chmod(0o755)
    return folder


@pytest.mark.slow
def test_install_use_and_uninstall_in_a_temporary_home(
    staging: Path, home: dict[str, str], tmp_path: Path
) -> None:
    install_use_and_uninstall(staging, home, tmp_path)


def test_install_refuses_to_replace_a_folder_it_did_not_make(
    staging: Path, home: dict[str, str]
) -> None:
    refuses_to_replace_a_folder_it_did_not_make(staging, home)


def test_a_command_named_ontrack_that_is_not_ours_is_left_alone(
    staging: Path, home: dict[str, str]
) -> None:
    other = Path(home["HOME"]) / ".local" / "bin" / "ontrack"
    other.parent.mkdir(parents=True)
    other.write_text("#!/bin/sh\necho someone else's\n", encoding="utf-8")
    result = subprocess.run(
        ["sh", str(staging / "install.sh")], env=home, capture_output=True, text=True, check=True
    )
    assert "not adding the ontrack command" in result.stderr
    subprocess.run(["sh", str(staging / "uninstall.sh")], env=home, check=True, capture_output=True)
    assert other.read_text(encoding="utf-8") == "#!/bin/sh\necho someone else's\n"


def test_a_path_the_desktop_entry_cannot_hold_is_refused(
    staging: Path, home: dict[str, str], tmp_path: Path
) -> None:
    env = dict(home, XDG_DATA_HOME=str(tmp_path / 'odd"name'))
    result = subprocess.run(
        ["sh", str(staging / "install.sh")], env=env, capture_output=True, text=True
    )
    assert result.returncode == 1
    assert "cannot install under" in result.stderr
    assert not (tmp_path / 'odd"name').exists()


def test_xdg_data_home_is_honoured(staging: Path, home: dict[str, str], tmp_path: Path) -> None:
    data_home = tmp_path / "elsewhere"
    env = dict(home, XDG_DATA_HOME=str(data_home))
    subprocess.run(["sh", str(staging / "install.sh")], env=env, check=True, capture_output=True)
    assert (data_home / "org.ontrack.OnTrack" / "ontrack").is_file()
    assert (data_home / "applications" / "org.ontrack.OnTrack.desktop").is_file()
    subprocess.run(
        ["sh", str(data_home / "org.ontrack.OnTrack" / "uninstall.sh")],
        env=env,
        check=True,
        capture_output=True,
    )
    assert not (data_home / "org.ontrack.OnTrack").exists()
    assert not (data_home / "applications").exists()
