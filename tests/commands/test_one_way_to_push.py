"""Every change reaches the undo stack through `commands.undoable.push`, which makes the
change first: a plain `QUndoStack.push` would keep a refused change as if it were made."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "desktop" / "ontrack"
HELPER = PACKAGE / "commands" / "undoable.py"


def _direct_pushes(source: str) -> list[int]:
    """Lines that call `<something>.push(…)`: only the helper may."""
    return [
        node.lineno
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "push"
    ]


def test_no_module_pushes_on_a_stack_but_the_helper() -> None:
    found = {
        path.relative_to(PACKAGE).as_posix(): lines
        for path in PACKAGE.rglob("*.py")
        if path != HELPER and (lines := _direct_pushes(path.read_text("utf-8")))
    }
    assert found == {}


def test_the_check_sees_a_direct_push() -> None:
    assert _direct_pushes("self._undo.push(command)\npush(self._undo, command)\n") == [1]
