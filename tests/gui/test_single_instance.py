"""One running OnTrack per data file: two ends of the local socket in one process, the window
coming forward when asked, and two real launches on one file."""

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


@pytest.fixture
def scope() -> str:
    return f"test-{uuid.uuid4().hex}"  # each test its own set of socket names


def test_names_depend_on_the_file_and_the_scope_only(tmp_path: Path) -> None:
    file = tmp_path / "a.sqlite"
    assert server_name(file, "s") == server_name(tmp_path / "." / "a.sqlite", "s")
    assert server_name(file, "s") != server_name(tmp_path / "b.sqlite", "s")
    assert server_name(file, "s") != server_name(file, "t")
    assert len(server_name(file, "s")) < 40  # socket paths are limited to about 100 bytes


def test_nobody_listening_means_not_running(qtbot: QtBot, tmp_path: Path, scope: str) -> None:
    assert SingleInstance(scope).ask_running_instance(tmp_path / "a.sqlite") is Reply.NOT_RUNNING


def test_a_second_launch_asks_the_first_to_come_forward(
    qtbot: QtBot, tmp_path: Path, scope: str
) -> None:
    first, second = SingleInstance(scope), SingleInstance(scope)
    file = tmp_path / "career.sqlite"
    assert first.listen(file)
    with qtbot.waitSignal(first.activation_requested, timeout=3000):
        assert second.ask_running_instance(file) is Reply.RAISED
    # Another file is not the same instance's business.
    assert second.ask_running_instance(tmp_path / "other.sqlite") is Reply.NOT_RUNNING
    first.stop()
    assert second.ask_running_instance(file) is Reply.NOT_RUNNING


def test_listening_on_another_file_releases_the_first(
    qtbot: QtBot, tmp_path: Path, scope: str
) -> None:
    first, second = SingleInstance(scope), SingleInstance(scope)
    assert first.listen(tmp_path / "a.sqlite")
    assert first.listen(tmp_path / "b.sqlite")  # File ▸ Open switched files
    assert second.ask_running_instance(tmp_path / "a.sqlite") is Reply.NOT_RUNNING
    assert second.ask_running_instance(tmp_path / "b.sqlite") is Reply.RAISED
    first.stop()


def test_listening_again_on_the_same_file_keeps_a_waiting_launch(
    qtbot: QtBot, tmp_path: Path, scope: str
) -> None:
    first = SingleInstance(scope)
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


def test_a_socket_left_by_a_crash_is_taken_over(qtbot: QtBot, tmp_path: Path, scope: str) -> None:
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
        instance = SingleInstance(scope)
        assert instance.ask_running_instance(file) is Reply.NOT_RUNNING
        assert instance.listen(file)
        assert SingleInstance(scope).ask_running_instance(file) is Reply.RAISED
        instance.stop()
    finally:
        stale.unlink(missing_ok=True)


def test_a_listener_that_does_not_answer_is_reported(
    qtbot: QtBot, tmp_path: Path, scope: str
) -> None:
    file = tmp_path / "a.sqlite"
    silent = QLocalServer()
    assert silent.listen(server_name(file, scope))
    held: list[QLocalSocket] = []
    silent.newConnection.connect(lambda: held.append(silent.nextPendingConnection()))
    assert SingleInstance(scope).ask_running_instance(file, timeout_ms=300) is Reply.NOT_ANSWERING
    silent.close()


def test_a_stranger_gets_no_answer_and_raises_nothing(
    qtbot: QtBot, tmp_path: Path, scope: str
) -> None:
    file = tmp_path / "a.sqlite"
    instance = SingleInstance(scope)
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


@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_the_window_comes_forward_when_asked(
    qtbot: QtBot, demo_file: Path, clock: FixedClock, settings: QSettings, scope: str
) -> None:
    instance = SingleInstance(scope)
    manager = WindowManager(settings, clock, instance)
    assert manager.open(demo_file)
    window = manager.window
    assert window is not None
    qtbot.addWidget(window)
    window.showMinimized()
    qtbot.waitUntil(window.isMinimized)
    assert SingleInstance(scope).ask_running_instance(demo_file) is Reply.RAISED
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
