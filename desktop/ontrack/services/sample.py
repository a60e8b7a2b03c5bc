"""The sample data file behind "Explore sample data": a file of its own beside the person's,
so that their own file stays clean, made once and reopened after that."""

from __future__ import annotations

from pathlib import Path

from ..domain.clock import Clock
from ..storage.database import open_data_file

SAMPLE_FILE_NAME = "ontrack-sample.sqlite"
SAMPLE_SEED = 7


def sample_path_for(data_path: Path) -> Path:
    return data_path.with_name(SAMPLE_FILE_NAME)


def is_sample(data_path: Path) -> bool:
    return data_path.name == SAMPLE_FILE_NAME


def make_sample_file(path: Path, clock: Clock) -> Path:
    """Fill `path` with a year of sample data, unless it already holds data (then it is
    left as it is: the person may have explored and changed it). Returns `path`."""
    from ..demo import generate
    from .context import ServiceContext
    from .notifier import ChangeNotifier
    from .transfer import TransferService

    data = open_data_file(path, create=True)
    try:
        transfer = TransferService(ServiceContext(data, clock, ChangeNotifier()))
        if transfer.export_dataset().is_empty:
            transfer.import_dataset(generate("small", SAMPLE_SEED, clock.today()))
    finally:
        data.close()
    return path
