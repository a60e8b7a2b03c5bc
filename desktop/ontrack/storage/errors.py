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
    """A write failed. `cause` is the first sentence alone (what went wrong, without what
    it means for the change), for callers that say in their own words what was kept."""

    def __init__(self, message: str, *, cause: str = "") -> None:
        super().__init__(message)
        self.cause = cause or message


class DiskFullError(UnwritableFileError):
    pass


class FileInUseError(DataFileError):
    """Another OnTrack (a window or a command) is writing to the file."""


class ReadOnlyFileError(UnwritableFileError):
    """The file is healthy, but it or its folder cannot be written to."""


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
