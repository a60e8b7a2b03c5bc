"""Work run on a thread beside the caller's, whose result or error comes back where it is
asked for: the report's read beside ReportLab's import, and a protected file's unlock beside
Qt's (see `report` and `early_unlock`)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class Beside(Generic[T]):
    """`work` run on a thread of its own, started at once; `result()` waits for it and
    returns what it returned, or raises what it raised, in the caller's thread."""

    def __init__(self, work: Callable[[], T], name: str, *, daemon: bool = False) -> None:
        self._work = work
        self._value: T | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name=name, daemon=daemon)
        self._thread.start()

    def _run(self) -> None:
        try:
            self._value = self._work()
        except BaseException as error:  # handed to the caller, who decides
            self._error = error

    def wait(self) -> None:
        """Until the work is over, whatever its outcome."""
        self._thread.join()

    def result(self) -> T:
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self._value  # type: ignore[return-value]  # set when no error was
