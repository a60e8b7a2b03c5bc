"""What the PyInstaller spec keeps and leaves out, checked without building anything."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import bundle_config as config
import pytest

import ontrack


def _qt_modules_imported_by_ontrack() -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for source in config.PACKAGE_DIR.rglob("*.py"):
        tree = ast.parse(source.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            for name in names:
                parts = name.split(".")
                if parts[0] == "PySide6" and len(parts) > 1:
                    found.setdefault(parts[1], set()).add(str(source.relative_to(config.ROOT)))
    return found


def test_no_ontrack_module_imports_a_qt_module_the_bundle_leaves_out() -> None:
    used = _qt_modules_imported_by_ontrack()
    assert {"QtCore", "QtGui", "QtWidgets"} <= set(used)
    left_out = {name: files for name, files in used.items() if name in config.EXCLUDED_QT_MODULES}
    assert left_out == {}, "remove these from EXCLUDED_QT_MODULES in packaging/bundle_config.py"


def test_the_version_and_archive_name_come_from_the_package() -> None:
    assert config.version() == ontrack.__version__
    assert config.APP_ID == ontrack.APP_ID
    assert config.archive_name().startswith(f"ontrack-{ontrack.__version__}-")


@pytest.mark.skipif(sys.platform != "linux", reason="the Linux archive's name")
def test_the_linux_archive_is_named_as_documented(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(config.platform, "machine", lambda: "x86_64")
    assert config.archive_name() == f"ontrack-{ontrack.__version__}-linux-x86_64"


@pytest.mark.parametrize(
    ("destination", "kept"),
    [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", True),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
        ("PySide6/Qt/plugins/imageformats/libqsvg.so", True),
        ("PySide6/Qt/plugins/printsupport/libcupsprintersupport.so", True),
        ("PySide6/Qt/lib/libQt6Pdf.so.6", True),
        ("PySide6/Qt/translations/qtbase_de.qm", False),
        ("PySide6/Qt/plugins/tls/libqopensslbackend.so", False),
        ("PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so", False),
        ("PySide6/Qt/plugins/platforms/libqeglfs.so", False),
        ("PySide6/Qt/lib/libQt6Quick.so.6", False),
        ("PySide6/Qt/lib/libQt6EglFsKmsSupport.so.6", False),
        ("PySide6\\Qt\\plugins\\tls\\qschannelbackend.dll", False),
    ],
)
def test_collected_files_kept_or_left_out(destination: str, kept: bool) -> None:
    assert config.keep_collected(destination) is kept


def test_the_spec_is_python_and_uses_the_shared_configuration() -> None:
    spec = (config.ROOT / "packaging" / "ontrack.spec").read_text(encoding="utf-8")
    compile(spec, "ontrack.spec", "exec")
    for name in ("EXCLUDED_QT_MODULES", "keep_collected", 'collect_submodules("ontrack")'):
        assert name in spec
    assert '(str(config.RESOURCES), "resources")' in spec  # where ontrack.files.resources looks


def test_the_bundle_entry_point_is_the_command_line() -> None:
    launcher = Path(config.ROOT / "packaging" / "launcher.py").read_text(encoding="utf-8")
    assert "from ontrack.cli import main" in launcher


def test_a_frozen_bundle_finds_its_resources_where_the_spec_puts_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ontrack.files import resources

    (tmp_path / "resources" / "content").mkdir(parents=True)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources.resources_root.__wrapped__() == tmp_path / "resources"


@pytest.mark.parametrize("name", config.HIDDEN_IMPORTS)
def test_every_hidden_import_exists(name: str) -> None:
    # A misspelt or vanished name would only show as a bundle that cannot open a protected
    # file; importing it here says so at once. (The Windows and macOS keyring backends
    # import on any system: they check for their platform when used.)
    import importlib

    importlib.import_module(name)
