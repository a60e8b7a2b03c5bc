"""Whole-dataset use cases: read everything out (export, reports), merge a dataset in (import),
also from a worker thread through a connection of its own (`SeparateImport`)."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..domain.file_errors import DiskFullError, UnwritableFileError
from .change import Change
from .context import ServiceContext

if TYPE_CHECKING:
    from ..domain.dataset import Dataset
    from ..storage.connection import DataFile


@dataclass(frozen=True, slots=True)
class ImportSummary:
    added: int
    replaced: int

    @property
    def total(self) -> int:
        return self.added + self.replaced


class ExportFailedError(Exception):
    """Nothing was exported; `str(error)` says why."""


class ImportCancelledError(Exception):
    """The import was cancelled before it committed: nothing of it was written."""


class ImportFailedError(Exception):
    """Nothing was imported; `str(error)` says why, in words (the place in the file, or
    what happened to the write)."""


class TransferService:
    def __init__(self, context: ServiceContext) -> None:
        self._context = context

    def export_dataset(self) -> Dataset:
        # Imported here: whole-dataset work is rare, and start-up should not pay for it.
        from ..storage.dataset_read import load_dataset

        return load_dataset(self._context.data)

    def export_file(self, path: Path) -> None:
        """Write everything to `path` as interchange JSON, atomically; raises
        `ExportFailedError` saying why in words."""
        from ..interchange import json_codec
        from ..interchange.errors import InterchangeError

        dataset = self.export_dataset()
        try:
            json_codec.write_file(path, dataset, self._context.clock.now())
        except OSError as error:
            raise ExportFailedError(error.strerror or str(error)) from error
        except InterchangeError as error:
            raise ExportFailedError(str(error)) from error

    def import_dataset(self, dataset: Dataset) -> ImportSummary:
        """Merge `dataset` in by id, all or nothing; says how many records were new."""
        summary = _merge_whole(self._context.data, dataset)
        self.announce_import()
        return summary

    def import_for_worker(self) -> SeparateImport:
        """An import to run in a worker thread; call `announce_import` in this (the GUI)
        thread once it has succeeded, so the pages re-read."""
        return SeparateImport(self._context.data.path)

    def announce_import(self) -> None:
        self._context.notifier.announce(Change.everything())


class SeparateImport:
    """One import written through a connection of its own, for a worker thread.

    Why not the window's connection: its transactions nest by depth, not by thread, so a
    change made in the window meanwhile would land inside the import's transaction (and go
    with its rollback), and the window would read the import half-done. A second connection
    to the same file keeps them apart: with WAL the window goes on reading the data as it was
    until the import commits, whole or not at all; a change made in the window meanwhile
    waits for that commit (SQLite's busy timeout), it is never mixed into the import.

    `cancel()` may be called from any thread: SQLite is interrupted and rolls back.
    """

    def __init__(self, path: Path) -> None:
        self._path = path
        self._lock = threading.Lock()
        self._connection: sqlite3.Connection | None = None
        self._cancelled = False

    @property
    def cancelled(self) -> bool:
        return self._cancelled

    def cancel(self) -> None:
        with self._lock:
            self._cancelled = True
            if self._connection is not None:
                self._connection.interrupt()

    def run(self, source: Path, stage: Callable[[str], None]) -> ImportSummary:
        """Read the interchange file `source` and merge it in, all or nothing. `stage` is
        told what is being done. Raises, for a file that cannot be imported
        (naming the place) or whose writing failed: ImportFailedError, in words; or
        ImportCancelledError."""
        from ..domain.file_errors import DataFileError
        from ..interchange import json_codec
        from ..interchange.errors import InterchangeError

        stage(f"Reading {source.name}…")
        try:
            dataset = json_codec.read_file(source)
            return self._write(dataset, stage)
        except (InterchangeError, DataFileError) as error:
            raise ImportFailedError(str(error)) from error

    def _write(self, dataset: Dataset, stage: Callable[[str], None]) -> ImportSummary:
        from ..storage.connection import DataFile, connect, database_errors

        with self._lock:
            if self._cancelled:
                raise ImportCancelledError
            self._connection = connect(self._path)
        stage(f"Importing {_count(dataset):,} records…")
        data = DataFile(self._path, self._connection)
        try:
            return _merge_whole(data, dataset)
        except database_errors("OperationalError") as error:
            if self._cancelled:  # interrupted: SQLite rolled the transaction back
                raise ImportCancelledError from None
            # Say, for one: "database is locked" (another program was writing meanwhile).
            raise ImportFailedError(
                f"Writing to {self._path} failed ({error}). Nothing was imported, your data "
                "is as it was."
            ) from error
        finally:
            with self._lock:
                self._connection = None
            data.close()


def _count(dataset: Dataset) -> int:
    return sum(
        len(records)
        for records in (
            dataset.assessments, dataset.goals, dataset.feedback, dataset.contacts,
            dataset.events,
        )
    )  # fmt: skip


def _merge_whole(data: DataFile, dataset: Dataset) -> ImportSummary:
    from ..storage.dataset_write import count_existing, merge_dataset

    try:
        with data.transaction():
            replaced = count_existing(data, dataset)
            merge_dataset(data, dataset)
    except DiskFullError as error:
        raise DiskFullError(
            "The disk is full: nothing was imported, your data is as it was. Free some "
            f"space on the disk that holds {data.path} and import again.",
            cause=error.cause,
        ) from error
    except UnwritableFileError as error:
        message = f"{error.cause} Nothing was imported, your data is as it was."
        raise UnwritableFileError(message, cause=error.cause) from error
    return ImportSummary(added=_count(dataset) - replaced, replaced=replaced)
