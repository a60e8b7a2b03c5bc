"""The desktop entry, the AppStream metadata and the icons: their structure with Python alone
(the everyday suite), and Debian's own validators (`python3 dev.py package-test`)."""

from __future__ import annotations

import configparser
import struct
import subprocess
import xml.etree.ElementTree as ElementTree

import bundle_config as config
import pytest

import ontrack
from tests.packaging.conftest import validator

DESKTOP = config.LINUX / f"{config.APP_ID}.desktop"
METAINFO = config.LINUX / f"{config.APP_ID}.metainfo.xml"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def test_the_desktop_entry_launches_ontrack_with_its_icon() -> None:
    entry = _desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Name"] == ontrack.APP_NAME
    assert entry["Icon"] == ontrack.APP_ID  # the icon theme name install.sh uses
    assert entry["Exec"] == entry["TryExec"] == "ontrack"  # install.sh makes both absolute
    assert entry["Terminal"] == "false"
    # Qt names the window's X11 class after the application; docks group windows by it.
    assert entry["StartupWMClass"] == ontrack.APP_NAME
    assert entry["Categories"].endswith(";")
    assert entry["Comment"]
    assert entry["GenericName"]


def test_the_metainfo_describes_ontrack_and_matches_the_desktop_entry() -> None:
    root = ElementTree.parse(METAINFO).getroot()
    assert root.tag == "component"
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == ontrack.APP_ID
    assert root.findtext("name") == ontrack.APP_NAME
    assert root.findtext("launchable") == DESKTOP.name
    assert root.findtext("metadata_license") == "CC0-1.0"
    paragraphs = root.findall("description/p")
    assert paragraphs
    assert "career" in " ".join(p.text or "" for p in paragraphs)
    image = root.findtext("screenshots/screenshot/image") or ""
    assert image.startswith("https://")
    assert image.endswith("/" + "main-window.png")
    assert (config.ROOT / "packaging" / "screenshots" / "main-window.png").is_file()
    assert root.find("releases/release").get("version") == ontrack.__version__  # type: ignore[union-attr]


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


@pytest.mark.parametrize("size", ICON_SIZES)
def test_every_icon_size_is_rendered(size: int) -> None:
    png = config.ICONS / f"ontrack-{size}.png"
    assert _png_size(png.read_bytes()) == (size, size)


def test_the_icon_source_is_a_square_svg() -> None:
    root = ElementTree.parse(config.ICONS / "ontrack.svg").getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("viewBox") == "0 0 64 64"


def test_desktop_file_validate_accepts_the_entry() -> None:
    tool = validator("desktop-file-validate", "desktop-file-utils")
    result = subprocess.run([tool, str(DESKTOP)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == ""  # not even a hint


def test_appstreamcli_validates_the_metainfo() -> None:
    tool = validator("appstreamcli", "appstream")
    result = subprocess.run(
        [tool, "validate", "--no-net", str(METAINFO)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
