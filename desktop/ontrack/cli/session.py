"""Opening the data file a command names (`--data`, or the person's own), bare or with the
services over it."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from ..domain.file_errors import DataFileError
from ..files.paths import default_data_path
from ..storage.connection import DataFile
from ..storage.database import open_data_file
from .errors import UserError
from .protection import unlock_if_needed

if TYPE_CHECKING:
    from ..services.registry import Services


@contextmanager
def open_data(
    args: argparse.Namespace, *, create: bool, writer: bool, check_in_background: bool = False
) -> Iterator[DataFile]:
    """The data file; a `writer` holds its writer lock meanwhile. With
    `check_in_background` its damage check runs beside the command, which must ask for the
    verdict (`DataFile.require_sound`) before it writes anything."""
    path: Path = args.data or default_data_path()
    unlock_if_needed(args, path)
    try:
        data = open_data_file(
            path, create=create, writer=writer, check_in_background=check_in_background
        )
    except DataFileError as error:
        raise UserError(str(error)) from error
    if check_in_background and data.check is not None:
        # Opening leaves the check unstarted (the window starts it once painted); a command
        # has nothing to paint, so it checks on the second core from now on rather than
        # after its own work, where its verdict is first asked for.
        data.check.start()
    try:
        yield data
    except DataFileError as error:
        # A write that failed (full disk, read-only file) is already worded for a person,
        # and its transaction left the file as it was.
        raise UserError(str(error)) from error
    finally:
        data.close()


@contextmanager
def open_services(args: argparse.Namespace, *, create: bool, writer: bool) -> Iterator[Services]:
    """The services over the data file; a `writer` holds its writer lock meanwhile."""
    from ..domain.clock import SystemClock
    from ..services.registry import Services  # QtCore (the change notifier) loads here

    with open_data(args, create=create, writer=writer) as data:
        yield Services.create(data, SystemClock())
