"""What goes into OnTrack's PyInstaller bundle and what stays out, shared by the spec
(ontrack.spec), the build script (build.py) and the tests that check both.

Only the standard library here: PyInstaller imports this module while it reads the spec.
"""

from __future__ import annotations

import platform
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE_DIR = ROOT / "desktop" / "ontrack"
RESOURCES = ROOT / "resources"
ICONS = RESOURCES / "icons"
LINUX = ROOT / "packaging" / "linux"

APP_ID = "org.ontrack.OnTrack"
BUNDLE_NAME = "ontrack"  # the folder and the executable inside it

# Qt modules OnTrack never uses; leaving them out keeps their libraries, plugins and QML
# files out of the bundle. Whatever OnTrack does import (Core, Gui, Widgets, Network,
# PrintSupport, Pdf, PdfWidgets, Svg, …) is collected by PyInstaller's own hooks, so a tab
# that starts using a new module needs no change here unless the module is on this list
# (tests/packaging/test_bundle_config.py checks that no OnTrack module imports one).
EXCLUDED_QT_MODULES = (
    "Qt3DAnimation", "Qt3DCore", "Qt3DExtras", "Qt3DInput", "Qt3DLogic", "Qt3DRender",
    "QtAxContainer", "QtBluetooth", "QtCanvasPainter", "QtCharts", "QtDataVisualization",
    "QtDesigner", "QtGraphs", "QtGraphsWidgets", "QtHelp", "QtHttpServer", "QtLocation",
    "QtMultimedia", "QtMultimediaWidgets", "QtNetworkAuth", "QtNfc", "QtOpenGL",
    "QtOpenGLWidgets", "QtPositioning", "QtQml", "QtQuick", "QtQuick3D", "QtQuickControls2",
    "QtQuickTest", "QtQuickWidgets", "QtRemoteObjects", "QtScxml", "QtSensors", "QtSerialBus",
    "QtSerialPort", "QtSpatialAudio", "QtSql", "QtStateMachine", "QtTest", "QtTextToSpeech",
    "QtUiTools", "QtWebChannel", "QtWebEngineCore", "QtWebEngineQuick", "QtWebEngineWidgets",
    "QtWebSockets", "QtWebView", "QtXml",
)  # fmt: skip

# Python packages that come along with the tools in the virtual environment, never with
# the app (tkinter from the standard library too). Pillow stays: ReportLab imports it
# when it starts (reportlab.lib.utils), images or not.
EXCLUDED_PYTHON = (
    "tkinter", "pytest", "_pytest", "pytestqt", "hypothesis", "pypdf", "mypy", "ruff",
    "PyInstaller", "setuptools", "pip", "IPython", "numpy",
)  # fmt: skip


# Modules OnTrack imports only inside functions, in packages PyInstaller's analysis would
# otherwise not see whole: a protected data file needs SQLCipher (`sqlcipher3`, whose
# extension module carries the library), Argon2id, AES-GCM and the keyring's backends.
HIDDEN_IMPORTS = (
    "sqlcipher3",
    "sqlcipher3.dbapi2",
    "argon2.low_level",
    "_argon2_cffi_bindings",
    "cryptography.hazmat.primitives.ciphers.aead",
    "keyring",
    "keyring.backends.SecretService",
    "keyring.backends.macOS",
    "keyring.backends.Windows",
    "keyring.backends.fail",
)

# Pieces that PySide6's hooks collect for the modules OnTrack does use, but that it never
# needs: TLS backends and network-reachability plugins (OnTrack's only socket is the local
# one that keeps a single instance per data file), SQL drivers, Qt's translations (OnTrack
# is in English and installs no translator, so they would never be loaded), the on-screen
# virtual keyboard (a QML application that would bring QtQml and QtQuick along), and the
# EGLFS platforms for embedded devices without a window system.
EXCLUDED_QT_PATH_PARTS = (
    "/plugins/tls/",
    "/plugins/networkinformation/",
    "/plugins/sqldrivers/",
    "/plugins/qmltooling/",
    "/plugins/egldeviceintegrations/",
    "/plugins/platforms/libqeglfs",
    "/plugins/platforms/libqminimalegl",
    "/plugins/platforminputcontexts/libqtvirtualkeyboard",
    "/translations/",
    "/libQt6Qml",
    "/libQt6Quick",
    "/libQt6VirtualKeyboard",
    "/libQt6EglFS",  # compared without regard to case: also libQt6EglFsKmsSupport
)


def version() -> str:
    text = (PACKAGE_DIR / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__ = "([^"]+)"', text, re.MULTILINE)
    if not match:
        raise SystemExit("no __version__ in desktop/ontrack/__init__.py")
    return match.group(1)


def platform_tag() -> str:
    system = {"linux": "linux", "win32": "windows", "darwin": "macos"}.get(sys.platform)
    machine = platform.machine().lower().replace("amd64", "x86_64").replace("arm64", "aarch64")
    return f"{system or sys.platform}-{machine}"


def archive_name() -> str:
    return f"ontrack-{version()}-{platform_tag()}"


def keep_collected(destination: str) -> bool:
    """False for collected files (by their place in the bundle) that OnTrack never needs."""
    path = "/" + destination.replace("\\", "/").lower()
    return not any(part.lower() in path for part in EXCLUDED_QT_PATH_PARTS)
