"""One running OnTrack per data file.

The first instance on a data file listens on a local socket (a Unix domain socket, or a named
pipe on Windows) whose name is derived from the file's absolute path. A second launch on the
same file connects to it first and asks it to bring its window forward, then exits instead
of opening the file twice. If something answers the connection but not the request (the
first instance is stuck), the caller is told so that it can explain rather than guess.

On Linux and macOS both ends use Python's socket module (`unix_instance`), which start-up
has loaded already; on Windows, QtNetwork (`qt_instance`), loaded only there. Both run on
Qt's event loop (the asking side in a short local loop of its own), so two ends in one
process work too, which is how the tests drive it.
"""

from __future__ import annotations

import enum
import hashlib
import os
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, Signal

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


class _Server(Protocol):
    name: str

    def listen(self) -> bool: ...
    def close(self) -> None: ...
    def deleteLater(self) -> None: ...


class SingleInstance(QObject):
    """Listens for later launches on the data file this instance has open, and asks an
    earlier one to come forward. `scope` separates independent sets (tests give each its
    own); by default it is the user's home folder. `qt_network` chooses QtNetwork's
    sockets over Python's (the default only on Windows, where there are no Unix ones)."""

    activation_requested = Signal()

    def __init__(
        self, scope: str = "", parent: QObject | None = None, *, qt_network: bool | None = None
    ) -> None:
        super().__init__(parent)
        self._scope = scope
        self._qt_network = os.name != "posix" if qt_network is None else qt_network
        self._server: _Server | None = None

    @property
    def listening_name(self) -> str | None:
        return self._server.name if self._server is not None else None

    def name_for(self, data_path: Path) -> str:
        return server_name(data_path, self._scope)

    # -- the later launch -------------------------------------------------------------
    def ask_running_instance(self, data_path: Path, timeout_ms: int = DEFAULT_TIMEOUT_MS) -> Reply:
        """Ask whoever has `data_path` open to bring its window forward."""
        if self._qt_network:
            from . import qt_instance as sockets
        else:
            from . import unix_instance as sockets  # type: ignore[no-redef]
        return sockets.ask(self.name_for(data_path), timeout_ms)

    # -- the running instance ---------------------------------------------------------
    def listen(self, data_path: Path) -> bool:
        """Answer later launches on `data_path` (instead of any file listened for before).

        Returns False if the socket cannot be created; OnTrack then simply runs without
        this protection, which is no worse than before it existed."""
        name = self.name_for(data_path)
        if self._server is not None and self._server.name == name:
            return True  # already: closing now would drop a launch waiting for its answer
        self.stop()
        server: _Server
        if self._qt_network:
            from .qt_instance import QtServer

            server = QtServer(name, self)
        else:
            from .unix_instance import UnixServer

            server = UnixServer(name, self)
        if not server.listen():
            server.deleteLater()
            return False
        server.asked.connect(self.activation_requested)  # type: ignore[attr-defined]
        self._server = server
        return True

    def stop(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server.deleteLater()
            self._server = None
