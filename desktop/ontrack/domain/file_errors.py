"""Errors about the data file itself, each with a message a person can act on. They are
raised by storage and named by the services and the window, so they live here."""

from __future__ import annotations


class DataFileError(Exception):
    """The data file cannot be used; `str(error)` says why in one sentence."""


class NotAnOnTrackFileError(DataFileError):
    pass


class NewerVersionError(DataFileError):
    pass


class DamagedFileError(DataFileError):
    pass


class ProtectedFileError(DataFileError):
    """The file is protected with a passphrase, and this program has not unlocked it."""


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
