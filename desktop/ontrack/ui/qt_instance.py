"""The single-instance socket through QtNetwork: a named pipe on Windows (and what the
Unix version is checked against in the tests). Loaded only where it is used."""

from __future__ import annotations

from PySide6.QtCore import QEventLoop, QObject, QTimer, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from .single_instance import ANSWER, REQUEST, Reply


def ask(name: str, timeout_ms: int) -> Reply:
    """Ask whoever listens on `name` to bring its window forward."""
    return _Request(name).run(timeout_ms)


class QtServer(QObject):
    """Listens on one name; emits `asked` when a later launch asks for the window."""

    asked = Signal()

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)

    def listen(self) -> bool:
        if not self._server.listen(self.name):
            # A socket file left behind by an instance that crashed: nobody answers on it
            # (the caller asked first), so it is safe to remove and listen again.
            QLocalServer.removeServer(self.name)
            return self._server.listen(self.name)
        return True

    def close(self) -> None:
        self._server.close()

    def _accept(self) -> None:
        server = self._server
        while server.hasPendingConnections():
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
                self.asked.emit()
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
