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
