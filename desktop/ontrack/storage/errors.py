"""Errors about the data file itself, each with a message a user can act on."""

from __future__ import annotations


class DataFileError(Exception):
    """The data file cannot be used; `str(error)` says why in one sentence."""


class NotAnOnTrackFileError(DataFileError):
    pass


class NewerVersionError(DataFileError):
    pass


class DamagedFileError(DataFileError):
    pass


class UnwritableFileError(DataFileError):
    pass


class DiskFullError(UnwritableFileError):
    pass


class FileInUseError(DataFileError):
    """Another OnTrack (a window or a command) is writing to the file."""


class ReadOnlyFileError(UnwritableFileError):
    """The file is healthy, but it or its folder cannot be written to."""


def explain_write_failure(error: Exception, path: object) -> DataFileError | None:
    """A clear, user-facing error for a failed write, or None if it is not one we know."""
    name = getattr(error, "sqlite_errorname", "")
    if name == "SQLITE_FULL":
        return DiskFullError(
            f"There is no space left for {path}. Your last change was not saved; "
            "everything before it is safe. Free some space and try again."
        )
    if name.startswith("SQLITE_READONLY") or name == "SQLITE_CANTOPEN":
        return UnwritableFileError(
            f"{path} cannot be written to (it or its folder is read-only). Your last change "
            "was not saved; everything before it is safe."
        )
    if name.startswith("SQLITE_IOERR"):
        return UnwritableFileError(
            f"Writing to {path} failed ({error}). Your last change was not saved; "
            "everything before it is safe."
        )
    return None
