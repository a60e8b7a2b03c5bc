"""`ontrack protect`, `change-passphrase` and `unprotect`, and unlocking a protected data
file for any command.

A command gets the passphrase (or the recovery code) of a protected file, in this order:
from `--passphrase-file FILE` (its first line), from the `ONTRACK_PASSPHRASE` environment
variable, or by asking on the terminal when one is attached. The environment variable is
for scripts and has a risk: other programs run by the same person can read a process's
environment, and it may end up in a shell history or a log. A file readable by its owner
alone is safer. The window takes the same two, then a key remembered on this computer, then
its unlock dialog (see `early_unlock`, begun before Qt loads).
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from ..domain.file_errors import DataFileError
from .early_unlock import ENVIRONMENT
from .errors import UserError


def unlock_if_needed(args: argparse.Namespace, path: Path, *, what: str = "") -> None:
    """If `path` is a protected file this program has not unlocked, unlock it with the
    passphrase from the options, the environment or the terminal."""
    from ..storage.database import looks_encrypted

    if not looks_encrypted(path):  # cheap: the first 16 bytes; sqlcipher3 is not loaded
        return
    from ..services import protection

    if not protection.is_protected(path) or protection.is_unlocked(path):
        return
    secret = _secret(args, f"Passphrase for {what or path}: ", "passphrase_file")
    try:
        protection.unlock(path, secret)
    except protection.WrongSecretError:
        raise UserError(f"wrong passphrase for {path}; nothing was read or changed") from None
    except DataFileError as error:
        raise UserError(str(error)) from error


def _secret(args: argparse.Namespace, prompt: str, option: str) -> str:
    given: Path | None = getattr(args, option, None)
    if given is not None:
        try:
            lines = given.read_text("utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as error:
            raise UserError(f"cannot read the passphrase file {given}: {error}") from error
        if not lines or not lines[0]:
            raise UserError(f"the passphrase file {given} is empty")
        return lines[0]
    if option == "passphrase_file" and os.environ.get(ENVIRONMENT):
        return os.environ[ENVIRONMENT]
    if sys.stdin.isatty():
        try:
            return getpass.getpass(prompt)
        except EOFError:
            pass
    flag = option.replace("_", "-")
    raise UserError(
        f"the data file is protected: give its passphrase with --{flag} FILE"
        + (f" or {ENVIRONMENT}" if option == "passphrase_file" else "")
        + ", or run this in a terminal"
    )


def _new_passphrase(args: argparse.Namespace) -> str:
    if getattr(args, "new_passphrase_file", None) is not None:
        return _secret(args, "", "new_passphrase_file")
    if not sys.stdin.isatty():
        raise UserError("give the new passphrase with --new-passphrase-file FILE")
    first = getpass.getpass("New passphrase: ")
    if first != getpass.getpass("The same passphrase again: "):
        raise UserError("the two passphrases differ; nothing was changed")
    return first


def protect(args: argparse.Namespace) -> str:
    from ..services import protection

    path = _data_path(args)
    if protection.is_protected(path):
        raise UserError(f"{path} is protected already")
    passphrase = _new_passphrase(args)
    try:
        done = protection.protect(path, passphrase)
    except DataFileError as error:
        raise UserError(str(error)) from error
    backups = f" and {done.backups_encrypted} backups" if done.backups_encrypted else ""
    return (
        f"Protected {path}{backups} with your passphrase.\n"
        f"Recovery code: {done.recovery_code}\n"
        "Write it down and keep it apart from this computer: it opens the file if you "
        "forget the passphrase. If you lose both, nobody can recover your data — not even us."
    )


def change_passphrase(args: argparse.Namespace) -> str:
    from ..services import protection

    path = _data_path(args)
    _require_protected(path)
    current = _secret(args, f"Current passphrase for {path}: ", "passphrase_file")
    new = _new_passphrase(args)
    try:
        protection.change_passphrase(path, current, new)
    except protection.WrongSecretError:
        raise UserError(f"wrong passphrase for {path}; nothing was changed") from None
    except DataFileError as error:
        raise UserError(str(error)) from error
    return f"Changed the passphrase of {path}. Your recovery code still opens it."


def unprotect(args: argparse.Namespace) -> str:
    from ..services import protection

    path = _data_path(args)
    _require_protected(path)
    current = _secret(args, f"Passphrase for {path}: ", "passphrase_file")
    try:
        protection.unprotect(path, current)
    except protection.WrongSecretError:
        raise UserError(f"wrong passphrase for {path}; nothing was changed") from None
    except DataFileError as error:
        raise UserError(str(error)) from error
    return (
        f"Removed the protection of {path}: it is a plain file again. Its backups made "
        "while it was protected stay protected."
    )


def _data_path(args: argparse.Namespace) -> Path:
    # QtCore (150 ms) loads here, not with this module: the window's unlock begins first.
    from ..files.paths import default_data_path

    given: Path | None = args.data
    return given or default_data_path()


def _require_protected(path: Path) -> None:
    from ..services import protection

    if not protection.is_protected(path):
        raise UserError(f"{path} is not protected")
