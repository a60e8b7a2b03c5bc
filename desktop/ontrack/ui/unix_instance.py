"""The single-instance socket on Linux and macOS, in Python's `socket` on Qt's event loop.

Both ends are what `QLocalServer` and `QLocalSocket` would do there (a Unix domain socket
named `<Qt's temporary folder>/<name>`, readable by its owner alone, set up in a private
folder and renamed into place), so either end talks to Qt's own. Python's socket module
loads at start-up anyway (Peewee uses it); QtNetwork did not, and loading it (with its
Python enums) cost start-up about 15 ms, for two system calls. A `QSocketNotifier` tells
when a socket can be read, so the asking side's short wait and the listening side both
run on the event loop, and two ends in one process work as before.
"""

from __future__ import annotations

import contextlib
import os
import socket

from PySide6.QtCore import QDir, QEventLoop, QObject, QSocketNotifier, QTimer, Signal

from .single_instance import ANSWER, REQUEST, Reply


def socket_path(name: str) -> str:
    """Where QLocalServer puts a socket called `name`."""
    return f"{QDir.cleanPath(QDir.tempPath())}/{name}"


def ask(name: str, timeout_ms: int) -> Reply:
    """Ask whoever listens on `name` to bring its window forward."""
    client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        try:
            client.connect(socket_path(name))  # a Unix socket connects or fails at once
            client.sendall(REQUEST)
        except OSError:
            return Reply.NOT_RUNNING  # no socket, or one left by a crash: nobody listens
        return _Answer(client).wait(timeout_ms)
    finally:
        client.close()


class _Answer(QObject):
    """The running instance's one-line answer, waited for on a local event loop."""

    def __init__(self, client: socket.socket) -> None:
        super().__init__()
        client.setblocking(False)
        self._client = client
        self._received = b""
        self._reply: Reply | None = None
        self._loop = QEventLoop(self)
        self._notifier = QSocketNotifier(client.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._read)

    def wait(self, timeout_ms: int) -> Reply:
        QTimer.singleShot(timeout_ms, self._loop, lambda: self._finish(Reply.NOT_ANSWERING))
        self._read()  # it may be there already
        if self._reply is None:
            self._loop.exec()
        self._notifier.setEnabled(False)
        assert self._reply is not None
        return self._reply

    def _finish(self, reply: Reply) -> None:
        if self._reply is None:
            self._reply = reply
            self._loop.quit()

    def _read(self) -> None:
        try:
            chunk = self._client.recv(64)
        except BlockingIOError:
            return
        except OSError:
            chunk = b""
        if not chunk:
            self._finish(Reply.NOT_ANSWERING)  # it hung up without answering
            return
        self._received += chunk
        if b"\n" in self._received:
            line = self._received.partition(b"\n")[0] + b"\n"
            self._finish(Reply.RAISED if line == ANSWER else Reply.NOT_ANSWERING)


class UnixServer(QObject):
    """Listens on one name; emits `asked` when a later launch asks for the window."""

    asked = Signal()

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self._path = socket_path(name)
        self._listener: socket.socket | None = None
        self._inode = 0
        self._connections: dict[int, tuple[socket.socket, QSocketNotifier, bytearray]] = {}

    def listen(self) -> bool:
        """Listen, replacing a socket file left by a crash; False if it cannot be made."""
        folder = f"{os.path.dirname(self._path)}/ontrack-{os.urandom(6).hex()}"
        listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            os.mkdir(folder, 0o700)  # nobody else can reach the socket before its chmod
            try:
                listener.bind(f"{folder}/s")
                os.chmod(f"{folder}/s", 0o700)
                listener.listen(16)
                os.rename(f"{folder}/s", self._path)
            finally:
                _remove_quietly(f"{folder}/s")
                os.rmdir(folder)
            self._inode = os.stat(self._path).st_ino
        except OSError:
            listener.close()
            return False
        listener.setblocking(False)
        self._listener = listener
        notifier = QSocketNotifier(listener.fileno(), QSocketNotifier.Type.Read, self)
        notifier.activated.connect(self._accept)
        self._listener_notifier = notifier
        return True

    def close(self) -> None:
        for fd in list(self._connections):
            self._hang_up(fd)
        if self._listener is not None:
            self._listener_notifier.setEnabled(False)
            self._listener_notifier.deleteLater()
            self._listener.close()
            self._listener = None
            try:
                if os.stat(self._path).st_ino == self._inode:  # not another's socket since
                    os.unlink(self._path)
            except OSError:
                pass

    def _accept(self) -> None:
        while self._listener is not None:
            try:
                connection, _ = self._listener.accept()
            except OSError:
                return  # none waiting (BlockingIOError) or a connection gone already
            connection.setblocking(False)
            notifier = QSocketNotifier(connection.fileno(), QSocketNotifier.Type.Read, self)
            fd = connection.fileno()
            notifier.activated.connect(lambda *_, fd=fd: self._answer(fd))
            self._connections[fd] = (connection, notifier, bytearray())

    def _answer(self, fd: int) -> None:
        connection, _, received = self._connections[fd]
        try:
            chunk = connection.recv(64)
        except BlockingIOError:
            return
        except OSError:
            chunk = b""
        received += chunk
        if b"\n" in received:
            if bytes(received[: received.index(b"\n") + 1]) == REQUEST:
                try:
                    connection.sendall(ANSWER)
                except OSError:
                    pass  # it gave up waiting: it says so itself
                else:
                    self.asked.emit()
            self._hang_up(fd)  # one question per connection
        elif not chunk or len(received) > len(REQUEST):
            self._hang_up(fd)  # gone, or not OnTrack asking

    def _hang_up(self, fd: int) -> None:
        connection, notifier, _ = self._connections.pop(fd)
        notifier.setEnabled(False)
        notifier.deleteLater()
        connection.close()


def _remove_quietly(path: str) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.unlink(path)
