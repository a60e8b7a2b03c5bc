"""Opening the services over the data file a command names (`--data`, or the person's own)."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..domain.clock import SystemClock
from ..domain.file_errors import DataFileError
from ..files.paths import default_data_path
from ..services.registry import Services
from ..storage.database import open_data_file
from .errors import UserError
from .protection import unlock_if_needed


@contextmanager
def open_services(args: argparse.Namespace, *, create: bool, writer: bool) -> Iterator[Services]:
    """The services over the data file; a `writer` holds its writer lock meanwhile."""
    path: Path = args.data or default_data_path()
    unlock_if_needed(args, path)
    try:
        data = open_data_file(path, create=create, writer=writer)
    except DataFileError as error:
        raise UserError(str(error)) from error
    try:
        yield Services.create(data, SystemClock())
    except DataFileError as error:
        # A write that failed (full disk, read-only file) is already worded for a person,
        # and its transaction left the file as it was.
        raise UserError(str(error)) from error
    finally:
        data.close()
