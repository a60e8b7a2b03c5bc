"""Is a data file whole? Checked when it is opened, before anything is written to it.

Two checks. A cheap one, always before the file is opened for writing: the file must end
on a page boundary (a file cut short by a failed copy or a full disk does not). And SQLite's
`PRAGMA quick_check`, which reads every page: about 100 ms on ten years of data (54 MB).
The command line runs it before it starts. The window runs it on a thread of its own while
it builds its tabs (the machine's second core does it, so the window is not slower to
appear), and the data file's first write waits for its verdict: a damaged file is read at
most, never written to.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path

from .connection import connect_read_only, database_errors

QUICK_CHECK_PROBLEMS_SHOWN = 3


def cut_short(path: Path, page_size: int) -> bool:
    """True if the file does not end on a page boundary: it was cut short."""
    return page_size > 0 and path.stat().st_size % page_size != 0


def quick_check(connection: sqlite3.Connection) -> str | None:
    """None if `connection`'s database passes `PRAGMA quick_check`, else what is wrong."""
    try:
        rows = connection.execute(f"PRAGMA quick_check({QUICK_CHECK_PROBLEMS_SHOWN})").fetchall()
    except database_errors() as error:  # "interrupted" too: see BackgroundCheck._run
        return str(error)
    problems = [str(row[0]) for row in rows]
    return None if problems == ["ok"] else "; ".join(problems)


class BackgroundCheck:
    """`quick_check` on a read-only connection of its own, in a thread of its own.

    `problem()` waits for the verdict: None for a sound file (or a check that was
    cancelled), else what is wrong. `when_done` calls a function with the verdict, from the
    checking thread, once it is known. A check made `later` waits for `start()` (or for the
    first `problem()`): a protected file's check decrypts and authenticates every page, five
    times the work, which the window starts once it is painted rather than beside its
    start-up."""

    def __init__(self, path: Path, *, later: bool = False) -> None:
        self._connection = connect_read_only(path)
        self._done = threading.Event()
        self._cancelled = False
        self._started = False
        self._problem: str | None = None
        self._listeners: list[Callable[[str | None], None]] = []
        self._guard = threading.Lock()
        self._thread = threading.Thread(target=self._run, name="ontrack-quick-check", daemon=True)
        if not later:
            self.start()

    def start(self) -> None:
        """Begin the check, if it has not begun (or been cancelled)."""
        with self._guard:
            if self._started or self._done.is_set():
                return
            self._started = True
        self._thread.start()

    def _run(self) -> None:
        try:
            problem = None if self._cancelled else quick_check(self._connection)
        finally:
            self._connection.close()
        with self._guard:
            # An interrupted check says "interrupted": that is not damage.
            self._problem = None if self._cancelled else problem
            self._done.set()
            listeners, self._listeners = self._listeners, []
        for listener in listeners:
            listener(self._problem)

    def problem(self) -> str | None:
        self.start()
        self._done.wait()
        return self._problem

    def when_done(self, listener: Callable[[str | None], None]) -> None:
        with self._guard:
            if not self._done.is_set():
                self._listeners.append(listener)
                return
        listener(self._problem)

    def cancel(self) -> None:
        """Stop a check still running (the file is being closed) and wait for its thread."""
        with self._guard:
            if self._done.is_set():
                return
            self._cancelled = True
            if self._started:
                with contextlib.suppress(*database_errors("ProgrammingError")):  # closed: done
                    self._connection.interrupt()
            else:  # never begun: its thread runs at once, finds it cancelled and says None
                self._started = True
                self._thread.start()
        self._thread.join()
