"""A person who never protects a file pays nothing for protection at start-up: none of
SQLCipher, Argon2, the cryptography package or the keyring is loaded for a plain file."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

HEAVY = ("sqlcipher3", "argon2", "_argon2_cffi_bindings", "cryptography", "keyring")


def _loaded_after_opening(path: Path, prelude: str = "") -> set[str]:
    script = textwrap.dedent(
        f"""
        import sys
        from pathlib import Path
        from PySide6.QtWidgets import QApplication
        from ontrack.app import create_main_window, _unlocked_without_asking
        {prelude}
        app = QApplication([])
        assert _unlocked_without_asking(Path({str(path)!r}))
        window = create_main_window({str(path)!r})
        window.show()
        window.load_all_tabs()
        window.close()
        print(" ".join(sorted(sys.modules)))
        """
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, env=env
    )
    return {name.split(".")[0] for name in result.stdout.split()}


def test_a_plain_file_loads_none_of_the_protection_libraries(tmp_path: Path) -> None:
    loaded = _loaded_after_opening(tmp_path / "plain.sqlite")
    assert not loaded & set(HEAVY)


def test_a_protected_file_does_load_them(tmp_path: Path) -> None:
    # The check above can fail: a protected file opened the same way loads SQLCipher.
    from ontrack.services import protection
    from tests.storage.protected_data import fill

    path = fill(tmp_path / "secret.sqlite")
    protection.protect(path, "pass")
    prelude = f"from ontrack.services.protection import unlock; unlock(Path({str(path)!r}), 'pass')"
    assert "sqlcipher3" in _loaded_after_opening(path, prelude)
