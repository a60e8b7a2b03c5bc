"""The package's import graph: no module imports another's private name, and no two
modules import each other (directly or round a longer loop) when they are loaded."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "desktop" / "ontrack"


def _name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_name(path): path for path in PACKAGE.rglob("*.py")}


def _source(node: ast.ImportFrom, path: Path) -> str:
    """The absolute module an `import from` reads from."""
    if not node.level:
        return node.module or ""
    package = _name(path) if path.name == "__init__.py" else _name(path).rpartition(".")[0]
    base = package.split(".")[: package.count(".") + 2 - node.level]
    return ".".join(base + ([node.module] if node.module else []))


def _imports(path: Path, body: list[ast.stmt]) -> list[tuple[str, str | None]]:
    """(module, name) for each OnTrack import run when `body` runs, nested blocks included
    but not functions, nor `if TYPE_CHECKING:` (never run)."""
    found: list[tuple[str, str | None]] = []
    for node in body:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            continue
        if isinstance(node, ast.ImportFrom):
            source = _source(node, path)
            for alias in node.names:
                submodule = f"{source}.{alias.name}"
                found.append((submodule, None) if submodule in MODULES else (source, alias.name))
        elif isinstance(node, ast.Import):
            found += [(alias.name, None) for alias in node.names]
        elif isinstance(node, ast.If | ast.Try | ast.With):
            for block in ("body", "orelse", "finalbody"):
                found += _imports(path, getattr(node, block, []))
            for handler in getattr(node, "handlers", []):
                found += _imports(path, handler.body)
    return [(module, name) for module, name in found if module.startswith("ontrack")]


def test_no_module_imports_a_private_name_from_another() -> None:
    wrong = []
    for module, path in MODULES.items():
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.ImportFrom) and _source(node, path).startswith("ontrack"):
                private = [a.name for a in node.names if a.name.startswith("_")]
                wrong += [f"{module}: {name}" for name in private if not name.startswith("__")]
    assert wrong == []


def _loop_from(start: str, graph: dict[str, set[str]]) -> list[str] | None:
    """A path of imports from `start` back to itself, if there is one."""
    stack, seen = [(start, [start])], set()
    while stack:
        module, trail = stack.pop()
        for target in sorted(graph[module]):
            if target == start:
                return [*trail, start]
            if target not in seen:
                seen.add(target)
                stack.append((target, [*trail, target]))
    return None


def test_no_import_cycle_anywhere_in_the_package() -> None:
    graph = {
        module: {target for target, _ in _imports(path, ast.parse(path.read_text()).body)}
        & set(MODULES) - {module}
        for module, path in MODULES.items()
    }
    loops = [loop for module in sorted(graph) if (loop := _loop_from(module, graph))]
    assert loops == []


def test_the_walk_sees_an_import_loop() -> None:
    # The check above must be able to fail: a made-up pair that imports each other.
    graph = {"a": {"b"}, "b": {"a"}, "c": {"a"}}
    assert _loop_from("a", graph) == ["a", "b", "a"]
    assert _loop_from("c", graph) is None
