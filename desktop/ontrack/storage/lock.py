"""One writer per data file, across every OnTrack program: the window and the commands.

Whoever writes to a data file (the window for as long as it has the file open; `ontrack
import`, `import-contacts`, `demo` and `restore` while they run) first takes an exclusive
lock on it. A second writer is refused at once, in words, instead of reverting the first
one's changes, replacing the file under it or failing later with "database is locked".
Commands that only read (export, report, backup) take no lock: SQLite's write-ahead log
lets them read beside a writer.

The lock is an operating-system lock (`flock`, or `msvcrt.locking` on Windows) on a small
file in the person's runtime folder, named after the data file's real path (symbolic
links resolved), so that nothing is left beside the data file, a read-only folder needs no
lock, and a program that crashes or is killed lets go of it with its last breath.
"""

from __future__ import annotations

import contextlib
import getpass
import hashlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path

from .errors import FileInUseError


def runtime_folder() -> Path:
    """The per-person folder for lock files: `$XDG_RUNTIME_DIR/ontrack`, else one in the
    temporary folder that only this person can enter."""
    base = os.environ.get("XDG_RUNTIME_DIR")
    if base and os.path.isdir(base):
        folder = Path(base) / "ontrack"
    else:
        import tempfile  # only here: it is slow to import, and start-up has no use for it

        uid = os.getuid() if hasattr(os, "getuid") else getpass.getuser()
        folder = Path(tempfile.gettempdir()) / f"ontrack-{uid}"
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder


def lock_path(data_path: Path) -> Path:
    real = os.path.realpath(data_path)
    digest = hashlib.sha256(real.encode("utf-8", "surrogatepass")).hexdigest()[:32]
    return runtime_folder() / f"{digest}.lock"


class WriterLock:
    """The exclusive lock on one data file; `acquire` raises `FileInUseError` if taken."""

    def __init__(self, data_path: Path) -> None:
        self.data_path = Path(data_path)
        self._fd: int | None = None

    def acquire(self) -> None:
        if self._fd is not None:
            return
        fd = os.open(lock_path(self.data_path), os.O_RDWR | os.O_CREAT, 0o600)
        try:
            _lock(fd)
        except OSError:
            os.close(fd)
            raise FileInUseError(in_use_message(self.data_path)) from None
        self._fd = fd

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is not None:
            with contextlib.suppress(OSError):
                _unlock(fd)
            os.close(fd)


@contextlib.contextmanager
def writer_lock(data_path: Path) -> Iterator[WriterLock]:
    """Hold the data file's writer lock for the length of a `with` block."""
    lock = WriterLock(data_path)
    lock.acquire()
    try:
        yield lock
    finally:
        lock.release()


def in_use_message(data_path: Path) -> str:
    return (
        f"{data_path} is in use by another OnTrack (an open window, or a command such as an "
        "import or a restore). Nothing was changed. Close that window or let the command "
        "finish, then try again."
    )


if sys.platform == "win32":  # pragma: no cover (the bundle for Windows is not tried yet)
    import msvcrt

    def _lock(fd: int) -> None:
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
