"""Is a data file whole? Checked when it is opened, before anything is written to it.

Two checks. A cheap one, always before the file is opened for writing: the file must end
on a page boundary (a file cut short by a failed copy or a full disk does not). And SQLite's
`PRAGMA quick_check`, which reads every page: about 100 ms on ten years of data (54 MB).
The command line runs it before it starts. The window runs it on a thread of its own once
its first paint is done (before it, on two busy cores, the check's reading competed with
the paint), and the data file's first write waits for its verdict, starting the check then
if it has not started yet: a damaged file is read at most, never written to.
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

    It starts at once, or (`start=False`) when `start()` is called or its verdict is first
    asked for. `problem()` waits for the verdict: None for a sound file (or a check that was
    cancelled), else what is wrong. `when_done` calls a function with the verdict, from the
    checking thread, once it is known."""

    def __init__(self, path: Path, *, start: bool = True) -> None:
        self._connection = connect_read_only(path)
        self._done = threading.Event()
        self._started = False
        self._cancelled = False
        self._problem: str | None = None
        self._listeners: list[Callable[[str | None], None]] = []
        self._guard = threading.Lock()
        self._thread = threading.Thread(target=self._run, name="ontrack-quick-check", daemon=True)
        if start:
            self.start()

    @property
    def started(self) -> bool:
        return self._started

    def start(self) -> None:
        """Begin checking, if it has not begun (or been cancelled) already."""
        with self._guard:
            if self._started or self._done.is_set():
                return
            self._started = True
        self._thread.start()

    def _run(self) -> None:
        try:
            problem = quick_check(self._connection)
        finally:
            self._connection.close()
        self._finish(problem)

    def _finish(self, problem: str | None) -> None:
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
        """Stop a check still running (the file is being closed) and wait for its thread;
        one that never started ends here, unread."""
        with self._guard:
            if self._done.is_set():
                return
            self._cancelled = True
            started = self._started
            self._started = True  # a start() from now on does nothing
            if started:
                with contextlib.suppress(*database_errors("ProgrammingError")):  # closed: done
                    self._connection.interrupt()
        if started:
            self._thread.join()
            return
        self._connection.close()
        self._finish(None)
