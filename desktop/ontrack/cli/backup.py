"""`ontrack backup` and `ontrack restore`: the data file's backups from the command line."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..domain.clock import SystemClock
from ..domain.file_errors import DataFileError
from ..files.paths import default_data_path
from ..storage.backup import backup_file
from ..storage.database import inspect_existing
from ..storage.restore import restore_backup
from .errors import UserError
from .protection import unlock_if_needed


def backup(args: argparse.Namespace) -> str:
    source = args.data or default_data_path()
    if not source.is_file():
        raise UserError(f"there is no data file at {source}")
    if args.out.exists() and args.out.is_dir():
        raise UserError(f"{args.out} is a folder; name the backup file to write")
    unlock_if_needed(args, source)
    try:
        inspect_existing(source)
        backup_file(source, args.out)
    except DataFileError as error:
        raise UserError(str(error)) from error
    return f"Backed up {source} to {args.out}."


def restore(args: argparse.Namespace) -> str:
    target = args.data or default_data_path()
    unlock_if_needed(args, target)
    _unlock_backup(args, target)
    try:
        kept = restore_backup(target, args.backup, SystemClock().now().replace(tzinfo=None))
    except DataFileError as error:
        raise UserError(str(error)) from error
    where = f" The file it replaced is kept as {kept}." if kept else ""
    return f"Restored {target} from {args.backup}.{where}"


def _unlock_backup(args: argparse.Namespace, target: Path) -> None:
    """A protected backup with a key of its own (made before protection was last turned
    on) opens with the passphrase it was made with: the same options give it."""
    from ..storage.backup import share_key

    if args.backup.is_file() and not share_key(target, args.backup):
        unlock_if_needed(args, args.backup, what=f"the backup {args.backup.name}")
