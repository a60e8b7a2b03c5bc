"""PySide's per-import scan, made cheap at start-up (ui/pyside_hook.py): it must stay in place
and cheap, and give PySide the same answers, so that `__feature__` still works. Each test
runs in a fresh interpreter: the hook and the feature switches are global to a process."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path


def _run(folder: Path, script: str) -> list[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env["PYTHONPATH"] = os.pathsep.join([str(folder), env.get("PYTHONPATH", "")])
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(script)],
        capture_output=True,
        text=True,
        check=True,
        env=env,
        cwd=folder,
    )
    return result.stdout.split()


def test_modules_are_told_apart_without_reading_their_source_into_linecache(
    tmp_path: Path,
) -> None:
    (tmp_path / "with_qt.py").write_text("from PySide6.QtCore import QObject\n")
    (tmp_path / "plain.py").write_text("VALUE = 1\n")
    printed = _run(
        tmp_path,
        """
        import linecache, sys
        from ontrack.ui.pyside_hook import cheapen_feature_scan
        print(cheapen_feature_scan())
        import with_qt, plain
        known = sys.modules["PySide6.support.feature"].pyside_feature_dict
        print(known["with_qt"], known["plain"])
        print(any(name.endswith(("with_qt.py", "plain.py")) for name in linecache.cache))
        """,
    )
    # PySide's own scan keeps every module's lines in linecache: that is what it costs.
    assert printed == ["True", "0", "-1", "False"]


def test_without_it_pyside_reads_every_module_through_inspect(tmp_path: Path) -> None:
    # The check above can fail: PySide's own scan leaves the module's source in linecache.
    (tmp_path / "plain.py").write_text("VALUE = 1\n")
    printed = _run(
        tmp_path,
        """
        import linecache
        import PySide6.QtCore
        import plain
        print(any(name.endswith("plain.py") for name in linecache.cache))
        """,
    )
    assert printed == ["True"]


def test_a_module_that_asks_for_snake_case_still_gets_it(tmp_path: Path) -> None:
    (tmp_path / "snaky.py").write_text(
        "from PySide6.QtCore import QObject\n"
        "from __feature__ import snake_case\n"
        "def name(): o = QObject(); o.set_object_name('s'); return o.object_name()\n"
    )
    (tmp_path / "camel.py").write_text(
        "from PySide6.QtCore import QObject\n"
        "def name(): o = QObject(); o.setObjectName('c'); return o.objectName()\n"
    )
    printed = _run(
        tmp_path,
        """
        from ontrack.ui.pyside_hook import cheapen_feature_scan
        cheapen_feature_scan()
        import snaky, camel
        print(snaky.name(), camel.name())
        """,
    )
    assert printed == ["s", "c"]


def test_it_is_put_in_once(tmp_path: Path) -> None:
    printed = _run(
        tmp_path,
        """
        import sys
        from ontrack.ui.pyside_hook import cheapen_feature_scan
        cheapen_feature_scan()
        first = sys.modules["PySide6.support.feature"]._mod_uses_pyside
        print(cheapen_feature_scan())
        print(sys.modules["PySide6.support.feature"]._mod_uses_pyside is first)
        """,
    )
    assert printed == ["True", "True"]
