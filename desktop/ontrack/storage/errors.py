"""Turning SQLite's failed writes into the data file's errors (see `domain.file_errors`)."""

from __future__ import annotations

from ..domain.file_errors import (
    DamagedFileError,
    DataFileError,
    DiskFullError,
    FileInUseError,
    NewerVersionError,
    NotAnOnTrackFileError,
    ProtectedFileError,
    ReadOnlyFileError,
    UnwritableFileError,
)

__all__ = [
    "DamagedFileError",
    "DataFileError",
    "DiskFullError",
    "FileInUseError",
    "NewerVersionError",
    "NotAnOnTrackFileError",
    "ProtectedFileError",
    "ReadOnlyFileError",
    "UnwritableFileError",
    "explain_write_failure",
]


_NOT_SAVED = "Your last change was not saved; everything before it is safe."


def explain_write_failure(error: Exception, path: object) -> DataFileError | None:
    """A clear, user-facing error for a failed write, or None if it is not one we know."""
    name = getattr(error, "sqlite_errorname", "")
    if name == "SQLITE_FULL":
        cause = f"There is no space left for {path}."
        return DiskFullError(f"{cause} {_NOT_SAVED} Free some space and try again.", cause=cause)
    if name.startswith("SQLITE_READONLY") or name == "SQLITE_CANTOPEN":
        cause = f"{path} cannot be written to (it or its folder is read-only)."
        return UnwritableFileError(f"{cause} {_NOT_SAVED}", cause=cause)
    if name.startswith("SQLITE_IOERR"):
        cause = f"Writing to {path} failed ({error})."
        return UnwritableFileError(f"{cause} {_NOT_SAVED}", cause=cause)
    return None
