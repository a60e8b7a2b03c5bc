"""One running OnTrack per data file.

The first instance on a data file listens on a local socket (a Unix domain socket, or a named
pipe on Windows) whose name is derived from the file's absolute path. A second launch on the
same file connects to it first and asks it to bring its window forward, then exits instead
of opening the file twice. If something answers the connection but not the request (the
first instance is stuck), the caller is told so that it can explain rather than guess.

Both sides run on Qt's event loop (the asking side in a short local loop of its own), so
two ends in one process work too, which is how the tests drive it.
"""

from __future__ import annotations

import enum
import hashlib
from pathlib import Path

from PySide6.QtCore import QEventLoop, QObject, QTimer, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

REQUEST = b"ontrack raise 1\n"
ANSWER = b"raised\n"
DEFAULT_TIMEOUT_MS = 5000  # a first instance still opening answers once its window is up


class Reply(enum.Enum):
    """What a launch learns from asking for a running instance."""

    NOT_RUNNING = "not running"  # nobody listens: this launch opens the file
    RAISED = "raised"  # the running instance brought its window forward
    NOT_ANSWERING = "not answering"  # it is there but did not answer in time


def server_name(data_path: Path, scope: str = "") -> str:
    """The socket name for one data file: short (socket paths are limited to ~100 bytes),
    and private to this user, since the user's home is part of what is hashed."""
    key = f"{scope or Path.home()}\0{data_path.expanduser().resolve()}"
    return "ontrack-" + hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:24]


class SingleInstance(QObject):
    """Listens for later launches on the data file this instance has open, and asks an
    earlier one to come forward. `scope` separates independent sets (tests give each its
    own); by default it is the user's home folder."""

    activation_requested = Signal()

    def __init__(self, scope: str = "", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._scope = scope
        self._server: QLocalServer | None = None

    @property
    def listening_name(self) -> str | None:
        return self._server.serverName() if self._server is not None else None

    def name_for(self, data_path: Path) -> str:
        return server_name(data_path, self._scope)

    # -- the later launch -------------------------------------------------------------
    def ask_running_instance(self, data_path: Path, timeout_ms: int = DEFAULT_TIMEOUT_MS) -> Reply:
        """Ask whoever has `data_path` open to bring its window forward."""
        return _Request(self.name_for(data_path)).run(timeout_ms)

    # -- the running instance ---------------------------------------------------------
    def listen(self, data_path: Path) -> bool:
        """Answer later launches on `data_path` (instead of any file listened for before).

        Returns False if the socket cannot be created; OnTrack then simply runs without
        this protection, which is no worse than before it existed."""
        name = self.name_for(data_path)
        if self._server is not None and self._server.serverName() == name:
            return True  # already: closing now would drop a launch waiting for its answer
        self.stop()
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        server.newConnection.connect(self._accept)
        if not server.listen(name):
            # A socket file left behind by an instance that crashed: nobody answers on it
            # (the caller asked first), so it is safe to remove and listen again.
            QLocalServer.removeServer(name)
            if not server.listen(name):
                server.deleteLater()
                return False
        self._server = server
        return True

    def stop(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server.deleteLater()
            self._server = None

    def _accept(self) -> None:
        server = self._server
        while server is not None and server.hasPendingConnections():
            connection = server.nextPendingConnection()
            # Bound methods, not closures over the socket: a closure kept alive by the
            # socket's own signal outlives the C++ object and crashes when it is deleted.
            connection.readyRead.connect(self._answer)
            connection.disconnected.connect(connection.deleteLater)

    def _answer(self) -> None:
        connection = self.sender()
        if not isinstance(connection, QLocalSocket):
            return
        if connection.canReadLine():
            if bytes(connection.readLine().data()) == REQUEST:
                connection.write(ANSWER)
                connection.flush()
                self.activation_requested.emit()
            connection.disconnectFromServer()
        elif connection.bytesAvailable() > len(REQUEST):
            connection.disconnectFromServer()  # not OnTrack asking


class _Request(QObject):
    """One question to a running instance, answered within a short local event loop."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self._name = name
        self._reply: Reply | None = None
        self._loop = QEventLoop(self)
        self._socket = QLocalSocket(self)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._socket.connected.connect(self._send)
        self._socket.readyRead.connect(self._read)
        self._socket.errorOccurred.connect(self._failed)
        self._timer.timeout.connect(self._timed_out)

    def run(self, timeout_ms: int) -> Reply:
        self._timer.start(timeout_ms)
        self._socket.connectToServer(self._name)
        if self._reply is None:
            self._loop.exec()
        self._timer.stop()
        self._socket.abort()
        assert self._reply is not None
        return self._reply

    def _finish(self, reply: Reply) -> None:
        if self._reply is None:
            self._reply = reply
            self._loop.quit()

    def _send(self) -> None:
        self._socket.write(REQUEST)
        self._socket.flush()

    def _read(self) -> None:
        if self._socket.canReadLine():
            answer = bytes(self._socket.readLine().data())
            self._finish(Reply.RAISED if answer == ANSWER else Reply.NOT_ANSWERING)

    def _failed(self, error: QLocalSocket.LocalSocketError) -> None:
        if self._socket.state() == QLocalSocket.LocalSocketState.ConnectedState:
            self._finish(Reply.NOT_ANSWERING)  # it hung up without answering
        else:
            # Refused or not found: nobody listens (a stale socket file counts as nobody).
            self._finish(Reply.NOT_RUNNING)

    def _timed_out(self) -> None:
        self._finish(Reply.NOT_ANSWERING)
