"""Where the person's data file lives by default (the platform's app-data folder)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths

from . import APP_NAME

DATA_FILE_NAME = "ontrack.sqlite"


def set_application_names() -> None:
    """Names that QStandardPaths and QSettings derive their folders from."""
    QCoreApplication.setOrganizationName(APP_NAME)
    QCoreApplication.setApplicationName(APP_NAME)


def default_data_path() -> Path:
    set_application_names()
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(folder) / DATA_FILE_NAME
