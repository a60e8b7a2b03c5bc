"""One running OnTrack per data file: two ends of the local socket in one process, the window
coming forward when asked, and two real launches on one file. Each exchange runs with
Python's Unix sockets (Linux and macOS) and with QtNetwork's (Windows), and the two talk
to each other, since a person may run two versions side by side."""

from __future__ import annotations

import os
import socket as pysocket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from pytestqt.qtbot import QtBot

from ontrack.app import WindowManager
from ontrack.domain.clock import FixedClock
from ontrack.ui.single_instance import Reply, SingleInstance, server_name
from ontrack.ui.unix_instance import socket_path

UNIX = sys.platform != "win32"


@pytest.fixture
def scope() -> str:
    return f"test-{uuid.uuid4().hex}"  # each test its own set of socket names


@pytest.fixture(
    params=[False, True] if UNIX else [True], ids=["python", "qtnetwork"][: 2 if UNIX else 1]
)
def qt_network(request: pytest.FixtureRequest) -> bool:
    return bool(request.param)


def test_names_depend_on_the_file_and_the_scope_only(tmp_path: Path) -> None:
    file = tmp_path / "a.sqlite"
    assert server_name(file, "s") == server_name(tmp_path / "." / "a.sqlite", "s")
    assert server_name(file, "s") != server_name(tmp_path / "b.sqlite", "s")
    assert server_name(file, "s") != server_name(file, "t")
    assert len(server_name(file, "s")) < 40  # socket paths are limited to about 100 bytes


def test_nobody_listening_means_not_running(
    qtbot: QtBot, tmp_path: Path, scope: str, qt_network: bool
) -> None:
    assert (
        SingleInstance(scope, qt_network=qt_network).ask_running_instance(tmp_path / "a.sqlite")
        is Reply.NOT_RUNNING
    )


def test_a_second_launch_asks_the_first_to_come_forward(
    qtbot: QtBot, tmp_path: Path, scope: str, qt_network: bool
) -> None:
    first, second = (
        SingleInstance(scope, qt_network=qt_network),
        SingleInstance(scope, qt_network=qt_network),
    )
    file = tmp_path / "career.sqlite"
    assert first.listen(file)
    with qtbot.waitSignal(first.activation_requested, timeout=3000):
        assert second.ask_running_instance(file) is Reply.RAISED
    # Another file is not the same instance's business.
    assert second.ask_running_instance(tmp_path / "other.sqlite") is Reply.NOT_RUNNING
    first.stop()
    assert second.ask_running_instance(file) is Reply.NOT_RUNNING


def test_listening_on_another_file_releases_the_first(
    qtbot: QtBot, tmp_path: Path, scope: str, qt_network: bool
) -> None:
    first, second = (
        SingleInstance(scope, qt_network=qt_network),
        SingleInstance(scope, qt_network=qt_network),
    )
    assert first.listen(tmp_path / "a.sqlite")
    assert first.listen(tmp_path / "b.sqlite")  # File ▸ Open switched files
    assert second.ask_running_instance(tmp_path / "a.sqlite") is Reply.NOT_RUNNING
    assert second.ask_running_instance(tmp_path / "b.sqlite") is Reply.RAISED
    first.stop()


def test_listening_again_on_the_same_file_keeps_a_waiting_launch(
    qtbot: QtBot, tmp_path: Path, scope: str, qt_network: bool
) -> None:
    first = SingleInstance(scope, qt_network=qt_network)
    file = tmp_path / "a.sqlite"
    assert first.listen(file)
    waiting = QLocalSocket()
    waiting.connectToServer(server_name(file, scope))  # a launch while the window opens
    assert waiting.waitForConnected(1000)
    assert first.listen(file)  # the window is up: OnTrack confirms its file
    waiting.write(b"ontrack raise 1\n")
    with qtbot.waitSignal(first.activation_requested, timeout=3000):
        waiting.flush()
    qtbot.waitUntil(lambda: waiting.bytesAvailable() > 0 or waiting.waitForReadyRead(10))
    assert bytes(waiting.readAll().data()) == b"raised\n"
    first.stop()


def test_a_socket_left_by_a_crash_is_taken_over(
    qtbot: QtBot, tmp_path: Path, scope: str, qt_network: bool
) -> None:
    file = tmp_path / "a.sqlite"
    name = server_name(file, scope)
    if sys.platform == "win32":
        pytest.skip("named pipes vanish with their process")
    probe = QLocalServer()
    assert probe.listen(name + "-probe")
    stale = Path(probe.fullServerName()).with_name(name)  # where Qt puts its sockets
    probe.close()
    crashed = pysocket.socket(pysocket.AF_UNIX)
    crashed.bind(str(stale))  # bound, never listening, then abandoned: as after a crash
    crashed.close()
    try:
        instance = SingleInstance(scope, qt_network=qt_network)
        assert instance.ask_running_instance(file) is Reply.NOT_RUNNING
        assert instance.listen(file)
        assert (
            SingleInstance(scope, qt_network=qt_network).ask_running_instance(file) is Reply.RAISED
        )
        instance.stop()
    finally:
        stale.unlink(missing_ok=True)


def test_a_listener_that_does_not_answer_is_reported(
    qtbot: QtBot, tmp_path: Path, scope: str, qt_network: bool
) -> None:
    file = tmp_path / "a.sqlite"
    silent = QLocalServer()
    assert silent.listen(server_name(file, scope))
    held: list[QLocalSocket] = []
    silent.newConnection.connect(lambda: held.append(silent.nextPendingConnection()))
    assert (
        SingleInstance(scope, qt_network=qt_network).ask_running_instance(file, timeout_ms=300)
        is Reply.NOT_ANSWERING
    )
    silent.close()


def test_a_stranger_gets_no_answer_and_raises_nothing(
    qtbot: QtBot, tmp_path: Path, scope: str, qt_network: bool
) -> None:
    file = tmp_path / "a.sqlite"
    instance = SingleInstance(scope, qt_network=qt_network)
    assert instance.listen(file)
    raised: list[bool] = []
    instance.activation_requested.connect(lambda: raised.append(True))
    stranger = QLocalSocket()
    stranger.connectToServer(server_name(file, scope))
    assert stranger.waitForConnected(1000)
    stranger.write(b"x" * 100)
    stranger.flush()
    qtbot.waitUntil(lambda: stranger.state() == QLocalSocket.LocalSocketState.UnconnectedState)
    assert raised == []
    instance.stop()


@pytest.mark.skipif(not UNIX, reason="Unix domain sockets")
@pytest.mark.parametrize("listener_on_qt", [False, True], ids=["python-listens", "qt-listens"])
def test_python_and_qtnetwork_sockets_talk_to_each_other(
    qtbot: QtBot, tmp_path: Path, scope: str, listener_on_qt: bool
) -> None:
    # Another OnTrack version (or Windows' way, tried on Unix) on the same file still finds
    # this one: both put the socket where QLocalServer does.
    file = tmp_path / "a.sqlite"
    listening = SingleInstance(scope, qt_network=listener_on_qt)
    asking = SingleInstance(scope, qt_network=not listener_on_qt)
    assert listening.listen(file)
    with qtbot.waitSignal(listening.activation_requested, timeout=3000):
        assert asking.ask_running_instance(file) is Reply.RAISED
    listening.stop()
    assert asking.ask_running_instance(file) is Reply.NOT_RUNNING


@pytest.mark.skipif(not UNIX, reason="Unix domain sockets")
def test_the_python_socket_is_its_owners_alone_and_goes_with_it(
    qtbot: QtBot, tmp_path: Path, scope: str
) -> None:
    file = tmp_path / "a.sqlite"
    instance = SingleInstance(scope, qt_network=False)
    assert instance.listen(file)
    path = Path(socket_path(server_name(file, scope)))
    assert path.is_socket()
    assert path.stat().st_mode & 0o077 == 0  # like QLocalServer's UserAccessOption
    assert not list(path.parent.glob("ontrack-*/s"))  # its private folder is gone
    instance.stop()
    assert not path.exists()


def test_the_start_path_does_not_load_qtnetwork_on_unix(tmp_path: Path) -> None:
    # What the Python sockets are for (#19): QtNetwork and its enums cost start-up ~15 ms.
    script = (
        "import sys; from pathlib import Path; "
        "from ontrack.ui.single_instance import SingleInstance; "
        "from PySide6.QtWidgets import QApplication; app = QApplication([]); "
        f"i = SingleInstance({uuid.uuid4().hex!r}); data = Path({str(tmp_path / 'd')!r}); "
        "i.ask_running_instance(data); i.listen(data); i.stop(); "
        "print('PySide6.QtNetwork' in sys.modules)"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, env=env
    )
    assert result.stdout.split() == [str(not UNIX)]


@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_the_window_comes_forward_when_asked(
    qtbot: QtBot,
    demo_file: Path,
    clock: FixedClock,
    settings: QSettings,
    scope: str,
    qt_network: bool,
) -> None:
    instance = SingleInstance(scope, qt_network=qt_network)
    manager = WindowManager(settings, clock, instance)
    assert manager.open(demo_file)
    window = manager.window
    assert window is not None
    qtbot.addWidget(window)
    window.showMinimized()
    qtbot.waitUntil(window.isMinimized)
    assert (
        SingleInstance(scope, qt_network=qt_network).ask_running_instance(demo_file) is Reply.RAISED
    )
    qtbot.waitUntil(lambda: not window.isMinimized() and window.isVisible())
    # Opening the file already open (File ▸ Open on it) keeps this window.
    assert manager.open(demo_file)
    assert manager.window is window
    instance.stop()
    window.close()


@pytest.mark.slow
def test_a_second_ontrack_on_the_same_file_exits_and_the_first_stays(demo_file: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    command = [sys.executable, "-m", "ontrack", "--data", str(demo_file)]
    first = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 30
        reply = Reply.NOT_RUNNING
        while reply is Reply.NOT_RUNNING and time.monotonic() < deadline:
            assert first.poll() is None, first.communicate()
            time.sleep(0.2)
            reply = SingleInstance().ask_running_instance(demo_file)
        assert reply is Reply.RAISED
        second = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60)
        assert second.returncode == 0, second.stderr
        assert "already open" in second.stdout
        assert first.poll() is None  # the first one is still running
    finally:
        first.terminate()
        first.communicate(timeout=30)
