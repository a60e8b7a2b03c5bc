"""Whole-dataset use cases: read everything out (export, reports), merge a dataset in (import)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..storage.errors import DiskFullError, UnwritableFileError
from .change import Change
from .context import ServiceContext

if TYPE_CHECKING:
    from ..domain.dataset import Dataset


@dataclass(frozen=True, slots=True)
class ImportSummary:
    added: int
    replaced: int

    @property
    def total(self) -> int:
        return self.added + self.replaced


class TransferService:
    def __init__(self, context: ServiceContext) -> None:
        self._context = context

    def export_dataset(self) -> Dataset:
        # Imported here: whole-dataset work is rare, and start-up should not pay for it.
        from ..storage.dataset_read import load_dataset

        return load_dataset(self._context.data)

    def read_for_worker(self) -> Callable[[], Dataset]:
        """A function that reads everything through its own connection: safe to call from a
        worker thread while the window goes on using this service."""
        from ..storage.dataset_read import load_dataset_separately

        path = self._context.data.path
        return lambda: load_dataset_separately(path)

    def import_dataset(self, dataset: Dataset) -> ImportSummary:
        """Merge `dataset` in by id, all or nothing; says how many records were new."""

        from ..storage.dataset_write import count_existing, merge_dataset

        data = self._context.data
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
        total = sum(
            len(records)
            for records in (
                dataset.assessments, dataset.goals, dataset.feedback, dataset.contacts,
                dataset.events,
            )
        )  # fmt: skip
        self._context.notifier.announce(Change.everything())
        return ImportSummary(added=total - replaced, replaced=replaced)
