"""Where OnTrack's bundled resources (content, icons, fonts) are, however it was installed.

Three cases, one answer:
- a frozen bundle (PyInstaller) carries them in `<bundle>/resources`;
- an installed wheel carries them inside the package as `ontrack/resources_data`;
- a checkout (or an editable install) has them at the repository's top level, `resources/`.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parents[1]  # ontrack/, this module is in ontrack/files


@cache
def resources_root() -> Path:
    candidates = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.append(Path(bundle) / "resources")
    candidates.append(_PACKAGE_DIR / "resources_data")
    candidates.append(_PACKAGE_DIR.parent.parent / "resources")
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    searched = ", ".join(str(c) for c in candidates)
    raise FileNotFoundError(f"OnTrack's resources are missing (looked in {searched})")


def resource_path(*parts: str) -> Path:
    """The path of a bundled resource, e.g. `resource_path("content", "factors.toml")`."""
    return resources_root().joinpath(*parts)
