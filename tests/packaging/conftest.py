"""Shared by the packaging tests: the packaging scripts made importable, the switch for the
tests that need the built bundle or Debian's validators, and a temporary home folder."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

PACKAGING = Path(__file__).resolve().parents[2] / "packaging"
sys.path.insert(0, str(PACKAGING))

# `python3 dev.py test` (no arguments) and `python3 dev.py package-test` build the bundle
# and set this; a partial run (`pytest tests/gui`) skips what needs the bundle.
BUNDLE_TESTS = os.environ.get("ONTRACK_TEST_BUNDLE") == "1"
needs_package_test = pytest.mark.skipif(
    not BUNDLE_TESTS, reason="run by `python3 dev.py test` or `package-test` (builds the bundle)"
)
# The validators are Debian tools (desktop-file-utils, appstream): `package-test` requires
# them; elsewhere their tests run when the tools are installed and say so when not.
REQUIRE_VALIDATORS = os.environ.get("ONTRACK_VALIDATE") == "1"


def validator(name: str, package: str) -> str:
    import shutil

    found = shutil.which(name)
    if found is None:
        if REQUIRE_VALIDATORS:
            pytest.fail(f"{name} is missing: apt-get install {package}")
        pytest.skip(f"{name} is not installed (apt-get install {package})")
    return found


@pytest.fixture
def home(tmp_path: Path) -> dict[str, str]:
    """An environment whose home folder is empty and private to the test."""
    folder = tmp_path / "person"
    folder.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_")}
    env.update(HOME=str(folder), QT_QPA_PLATFORM="offscreen")
    env["XDG_RUNTIME_DIR"] = os.environ.get("XDG_RUNTIME_DIR", str(tmp_path))
    return env
