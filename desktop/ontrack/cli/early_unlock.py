"""The window's unlock of a protected data file without asking, begun as soon as the
arguments are read, so that Argon2id (from `--passphrase-file` or `ONTRACK_PASSPHRASE`) or
the keyring's answer is worked out while Qt and the window's modules load. The passphrase
given is tried first, then a key remembered on this computer; if neither opens the file,
the window's unlock dialog asks a person (on the main thread: it is Qt).

On Linux, in a program with no other thread yet (the window's start path, before Qt), the
work is done by a forked child process: `argon2`, `cryptography` and `keyring` load and run
there, on the machine's other core, and only the 32-byte file key comes back, through a
pipe. On a thread, their imports held the interpreter for 120–250 ms that loading the
window then waited for. Elsewhere it is a thread: macOS's system frameworks are not safe
across a fork, Windows has none, and a program with threads (a test run) must not fork.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

from ..domain.file_errors import DataFileError
from .beside import Beside

ENVIRONMENT = "ONTRACK_PASSPHRASE"


class EarlyUnlock:
    """An unlock under way; `wait()` joins it where the key is needed. This one is over
    before it began: the program had unlocked the file already."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def wait(self) -> bool:
        """Whether the file is unlocked now (False: the dialog must ask)."""
        return True


class ThreadUnlock(EarlyUnlock):
    """The unlock on a thread of this program. Argon2 and the keyring's wait on its daemon
    let go of the interpreter; their imports do not."""

    def __init__(self, path: Path, passphrase_file: Path | None) -> None:
        super().__init__(path)
        self._work = Beside(
            lambda: _unlock_here(path, passphrase_file), "ontrack-unlock", daemon=True
        )

    def wait(self) -> bool:
        return self._work.result()


class ForkedUnlock(EarlyUnlock):
    """The unlock in a forked child, which sends back the file's key or says why not."""

    def __init__(self, path: Path, passphrase_file: Path | None) -> None:
        super().__init__(path)
        self._unlocked: bool | None = None
        read, write = os.pipe()
        self._pid = os.fork()
        if self._pid == 0:
            os.close(read)
            _answer_and_exit(write, path, passphrase_file)
        os.close(write)
        self._read = read

    def wait(self) -> bool:
        if self._unlocked is None:
            with os.fdopen(self._read, "rb") as pipe:
                answer = pipe.read()
            os.waitpid(self._pid, 0)
            self._unlocked = self._take(answer)
        return self._unlocked

    def _take(self, answer: bytes) -> bool:
        kind, detail = answer[:1], answer[1:]
        if kind == b"K" and len(detail) == 32:
            from ..storage.connection import remember_key

            remember_key(self.path, detail)
            return True
        if kind == b"E":
            raise RuntimeError(f"unlocking {self.path} failed: {detail.decode('utf-8')}")
        return False  # no key: none given, a wrong one, or the child did not finish


def begin_unlock(
    path: Path, passphrase_file: Path | None, *, fork: bool | None = None
) -> EarlyUnlock | None:
    """Start unlocking `path` if it looks protected; None for a plain file (the first 16
    bytes tell: a plain file starts nothing and loads nothing more). `fork`: in a child
    process (True), on a thread (False), or whichever is safe here (None)."""
    from ..storage.database import looks_encrypted

    if not looks_encrypted(path):
        return None
    from ..storage.connection import key_for

    if key_for(path) is not None:
        return EarlyUnlock(path)  # unlocked by this program already: nothing to ask
    if fork if fork is not None else fork_is_safe():
        return ForkedUnlock(path, passphrase_file)
    return ThreadUnlock(path, passphrase_file)


def fork_is_safe() -> bool:
    """Linux, and this process has one thread (the kernel's count: Qt's threads too)."""
    if not sys.platform.startswith("linux") or not hasattr(os, "fork"):
        return False
    try:
        return len(os.listdir("/proc/self/task")) == 1
    except OSError:
        return False


def _answer_and_exit(write: int, path: Path, passphrase_file: Path | None) -> None:
    """The child's whole life: find the key, write it to the pipe, leave at once (no
    clean-up of the parent's objects, no flushing of its buffers: `os._exit`)."""
    try:
        try:
            key = _key_without_asking(path, passphrase_file)
            answer = b"K" + key if key is not None else b"N"
        except BaseException as error:  # a fault of ours: the parent raises it
            answer = b"E" + f"{type(error).__name__}: {error}".encode("utf-8", "replace")
        with os.fdopen(write, "wb") as pipe:
            pipe.write(answer)
    finally:
        os._exit(0)


def _unlock_here(path: Path, passphrase_file: Path | None) -> bool:
    from ..services import protection

    key = _key_without_asking(path, passphrase_file)
    if key is None:
        return False
    protection.use_key(path, key)
    import sqlcipher3  # noqa: F401  (the window opens the file with it next: load it here)

    return True


def _key_without_asking(path: Path, passphrase_file: Path | None) -> bytes | None:
    """The file's key from the passphrase given, else from the keyring; None if neither
    opens it (a wrong passphrase or a damaged key file: the dialog asks and says which)."""
    from ..services import protection

    if not protection.is_protected(path):
        return None  # not ours, or its key file is missing: opening it says which
    secret = given_secret(passphrase_file)
    if secret is not None:
        with contextlib.suppress(DataFileError):
            return protection.key_for_secret(path, secret)
    return protection.remembered_key(path)


def given_secret(passphrase_file: Path | None) -> str | None:
    """The window's passphrase from the options or the environment, if any (a file that
    cannot be read is none: the dialog asks)."""
    if passphrase_file is not None:
        try:
            lines = passphrase_file.read_text("utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            return None
        return lines[0] if lines and lines[0] else None
    return os.environ.get(ENVIRONMENT) or None
