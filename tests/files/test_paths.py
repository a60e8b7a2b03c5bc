"""The default data path reads the application's names and never sets them."""

from __future__ import annotations

import subprocess
import sys
import textwrap


def _run(script: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(script)], capture_output=True, text=True, check=True
    )
    return result.stdout.strip()


def test_the_default_path_leaves_the_application_names_alone() -> None:
    # The names are the process's own (Qt keeps them globally): a fresh process shows it.
    out = _run(
        """
        from PySide6.QtCore import QCoreApplication
        from ontrack.files.paths import default_data_path
        try:
            default_data_path()
        except RuntimeError as error:
            print("refused:", error)
        print(repr(QCoreApplication.organizationName()), repr(QCoreApplication.applicationName()))
        """
    )
    assert out.splitlines() == [
        "refused: set_application_names() must run before default_data_path()",
        "'' ''",
    ]


def test_once_named_the_path_is_in_the_apps_own_folder() -> None:
    out = _run(
        """
        from ontrack.files.paths import default_data_path, set_application_names
        set_application_names()
        path = default_data_path()
        print(path.name, path.parent.name, path.parent.parent.name)
        """
    )
    assert out == "ontrack.sqlite OnTrack OnTrack"
