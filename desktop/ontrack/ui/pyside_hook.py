"""PySide's import hook, made cheap for the window's start-up (#19).

PySide6 (6.5 on) calls `feature_imported(module)` after every import, to remember whether
the module uses PySide (its `from __feature__ import snake_case` switches are per module).
To find out, it calls `inspect.getsource(module)` and looks for the word "PySide6" in it:
each call walks `sys.modules` (`inspect.getmodule`), decodes the whole file and keeps its
lines in `linecache` for good. Over the window's ~150 modules that is 20–40 ms and a few
MiB, for an answer the file's bytes give at once. OnTrack uses no `__feature__` switch,
but a library might, so the answer must stay the same: `cheapen_feature_scan` puts in a
function that reads a module's `.py` file as bytes and asks PySide's own function for
anything else (no file, a zip, a frozen module). Should PySide change its hook, nothing
is replaced and start-up is just slower.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType

FEATURE_MODULE = "PySide6.support.feature"


def cheapen_feature_scan() -> bool:
    """Replace PySide's per-import source scan by a cheap one with the same answers;
    False (and nothing changed) if this PySide has no such scan."""
    import PySide6.QtCore  # noqa: F401  (installs the hook and its module)

    feature = sys.modules.get(FEATURE_MODULE)
    original = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or not callable(original) or not hasattr(feature, "feature_imported"):
        return False
    if getattr(original, "__wrapped__", None) is not None:
        return True  # in place already
    feature._mod_uses_pyside = _byte_scan(original)  # type: ignore[attr-defined]
    return True


def _byte_scan(original: Callable[[ModuleType], bool]) -> Callable[[ModuleType], bool]:
    def uses_pyside(module: ModuleType) -> bool:
        """Whether `module`'s source says "PySide6", as PySide's own scan answers it."""
        file = getattr(module, "__file__", None)
        if isinstance(file, str) and file.endswith(".py"):
            try:
                with open(file, "rb") as source:
                    return b"PySide6" in source.read()
            except OSError:
                pass  # not on disk (a zip, a frozen program): PySide's way finds it
        return bool(original(module))

    uses_pyside.__wrapped__ = original  # type: ignore[attr-defined]
    return uses_pyside
