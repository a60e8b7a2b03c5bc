"""Where the person's data file lives by default (the platform's app-data folder).

Qt derives that folder (and the settings file's) from the application's names, which are
global to the process: the entry points (`app`, `cli`) set them once, at start, with
`set_application_names()`; `default_data_path()` only reads them. QtCore loads when they are
called, not with this module: a command given `--data` never needs it."""

from __future__ import annotations

from pathlib import Path

from .. import APP_NAME

DATA_FILE_NAME = "ontrack.sqlite"


def set_application_names() -> None:
    """Names that QStandardPaths and QSettings derive their folders from."""
    from PySide6.QtCore import QCoreApplication

    QCoreApplication.setOrganizationName(APP_NAME)
    QCoreApplication.setApplicationName(APP_NAME)


def default_data_path() -> Path:
    """The data file in the app-data folder; the names must have been set by the caller."""
    from PySide6.QtCore import QCoreApplication, QStandardPaths

    names = (QCoreApplication.organizationName(), QCoreApplication.applicationName())
    if names != (APP_NAME, APP_NAME):
        # Another name would put the file somewhere nobody looks for it later.
        raise RuntimeError("set_application_names() must run before default_data_path()")
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(folder) / DATA_FILE_NAME


def cache_folder() -> Path | None:
    """The platform's cache folder for OnTrack (what can be rebuilt at any time), or None
    where there is none."""
    from PySide6.QtCore import QStandardPaths

    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.CacheLocation)
    return Path(folder) if folder else None
