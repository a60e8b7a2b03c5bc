"""The built bundle, as users get it: unpacked from the archive, run with no virtual
environment, then installed into a temporary home. Run by `python3 dev.py package-test`,
which builds the archive first (PyInstaller takes minutes on two cores)."""

from __future__ import annotations

import subprocess
import tarfile
import time
from pathlib import Path

import bundle_config as config
import pytest
from pypdf import PdfReader

from ontrack.ui.single_instance import Reply, SingleInstance
from tests.packaging.conftest import needs_package_test
from tests.packaging.install_checks import install_use_and_uninstall, run

pytestmark = [needs_package_test, pytest.mark.slow]

ARCHIVE = config.ROOT / "dist" / f"{config.archive_name()}.tar.gz"


@pytest.fixture(scope="module")
def unpacked(tmp_path_factory: pytest.TempPathFactory) -> Path:
    assert ARCHIVE.is_file(), f"build it first: python3 dev.py package ({ARCHIVE.name})"
    folder = tmp_path_factory.mktemp("unpacked")
    with tarfile.open(ARCHIVE) as tar:
        tar.extractall(folder, filter="tar")
    return folder / config.archive_name()


def test_the_archive_holds_the_bundle_and_the_desktop_integration(unpacked: Path) -> None:
    assert (unpacked / "VERSION").read_text(encoding="utf-8").strip() == config.version()
    for name in ("install.sh", "uninstall.sh", "INSTALL.txt", "ontrack/ontrack"):
        assert (unpacked / name).is_file(), name
    internal = unpacked / "ontrack" / "_internal"
    for name in ("content/factors.toml", "fonts/DejaVuSans.ttf", "icons/ontrack-256.png"):
        assert (internal / "resources" / name).is_file(), name
    collected = [str(p.relative_to(internal)) for p in internal.rglob("*")]
    for left_out in ("libQt6Qml", "libQt6Quick", "WebEngine", "Qt6Multimedia", "Qt63D"):
        assert not [p for p in collected if left_out in p], left_out
    assert not [p for p in collected if "/translations/" in p]
    assert [p for p in collected if p.endswith("platforms/libqxcb.so")]
    assert [p for p in collected if p.endswith("platforms/libqwayland.so")]


def test_the_bundle_runs_starts_and_makes_a_report(
    unpacked: Path, home: dict[str, str], tmp_path: Path
) -> None:
    program = str(unpacked / "ontrack" / "ontrack")
    assert run([program, "--version"], home).strip() == f"OnTrack {config.version()}"
    data = tmp_path / "demo.sqlite"
    run([program, "demo", "--data", str(data)], home)
    run([program, "--data", str(data), "--exit-after-startup"], home)
    pdf = tmp_path / "report.pdf"
    run([program, "report", "--data", str(data), "--out", str(pdf)], home)
    reader = PdfReader(pdf)
    fonts = {
        str(font.get_object()["/BaseFont"])
        for page in reader.pages
        for font in (page["/Resources"].get("/Font") or {}).values()
    }
    assert any(name.endswith("+DejaVuSans") for name in fonts), fonts  # from resources/fonts
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "Importance of people" in text  # a factor from resources/content/factors.toml
    dates = tmp_path / "dates.ics"  # icalendar, imported only when exporting, is bundled too
    run([program, "export-calendar", "--data", str(data), "--out", str(dates)], home)
    assert dates.read_text("utf-8").count("BEGIN:VEVENT") > 10


def test_the_bundle_protects_a_file_and_opens_it(
    unpacked: Path, home: dict[str, str], tmp_path: Path
) -> None:
    # SQLCipher, Argon2id and AES-GCM are imported only when a protected file is met.
    program = str(unpacked / "ontrack" / "ontrack")
    data, secret = tmp_path / "demo.sqlite", tmp_path / "passphrase"
    secret.write_text("plum orchard by the sea\n")
    run([program, "demo", "--data", str(data)], home)
    run([program, "protect", "--data", str(data), "--new-passphrase-file", str(secret)], home)
    assert data.read_bytes()[:16] != b"SQLite format 3\x00"
    opened = ["--passphrase-file", str(secret), "--data", str(data)]
    run([program, *opened, "--exit-after-startup"], home)
    out = tmp_path / "out.json"
    run([program, *opened, "export", "--out", str(out)], home)
    assert out.stat().st_size > 10_000


def test_a_second_launch_of_the_bundle_brings_the_first_forward(
    unpacked: Path, home: dict[str, str], tmp_path: Path, qtbot: object
) -> None:
    program = str(unpacked / "ontrack" / "ontrack")
    data = tmp_path / "demo.sqlite"
    run([program, "demo", "--data", str(data)], home)
    first = subprocess.Popen(
        [program, "--data", str(data)], env=home, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    try:
        asking = SingleInstance(scope=home["HOME"])
        deadline = time.monotonic() + 60
        while asking.ask_running_instance(data) is Reply.NOT_RUNNING:
            assert first.poll() is None, first.communicate()
            assert time.monotonic() < deadline
            time.sleep(0.2)
        second = run([program, "--data", str(data)], home)
        assert "already open" in second
        assert first.poll() is None
    finally:
        first.terminate()
        first.communicate(timeout=30)


def test_install_launch_from_the_menu_entry_and_uninstall(
    unpacked: Path, home: dict[str, str], tmp_path: Path
) -> None:
    install_use_and_uninstall(unpacked, home, tmp_path)
