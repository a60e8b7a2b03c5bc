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

from PySide6.QtCore import QByteArray, QEventLoop, QObject, QTimer, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

REQUEST = b"ontrack raise 1\n"
ANSWER = b"raised\n"
DEFAULT_TIMEOUT_MS = 2000


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
        socket = QLocalSocket()
        loop = QEventLoop()
        received = QByteArray()
        outcome: list[Reply] = []

        def finish(reply: Reply) -> None:
            if not outcome:
                outcome.append(reply)
                loop.quit()

        def on_connected() -> None:
            socket.write(REQUEST)
            socket.flush()

        def on_ready_read() -> None:
            received.append(socket.readAll())
            if bytes(received.data()).endswith(b"\n"):
                finish(Reply.RAISED if bytes(received.data()) == ANSWER else Reply.NOT_ANSWERING)

        def on_error(error: QLocalSocket.LocalSocketError) -> None:
            if socket.state() != QLocalSocket.LocalSocketState.ConnectedState:
                # Refused or not found: nobody listens (a stale socket file counts as nobody).
                finish(Reply.NOT_RUNNING)
            else:
                finish(Reply.NOT_ANSWERING)

        socket.connected.connect(on_connected)
        socket.readyRead.connect(on_ready_read)
        socket.errorOccurred.connect(on_error)
        timer = QTimer()
        timer.setSingleShot(True)
        timer.timeout.connect(lambda: finish(Reply.NOT_ANSWERING))
        timer.start(timeout_ms)
        socket.connectToServer(self.name_for(data_path))
        if not outcome:
            loop.exec()
        timer.stop()
        socket.abort()
        return outcome[0]

    # -- the running instance ---------------------------------------------------------
    def listen(self, data_path: Path) -> bool:
        """Answer later launches on `data_path` (instead of any file listened for before).

        Returns False if the socket cannot be created; OnTrack then simply runs without
        this protection, which is no worse than before it existed."""
        self.stop()
        name = self.name_for(data_path)
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
            buffer = QByteArray()

            def on_ready_read(
                connection: QLocalSocket = connection, buffer: QByteArray = buffer
            ) -> None:
                buffer.append(connection.readAll())
                if not bytes(buffer.data()).endswith(b"\n") and buffer.size() <= len(REQUEST):
                    return
                if bytes(buffer.data()) == REQUEST:
                    connection.write(ANSWER)
                    connection.flush()
                    self.activation_requested.emit()
                connection.disconnectFromServer()

            connection.readyRead.connect(on_ready_read)
            connection.disconnected.connect(connection.deleteLater)
