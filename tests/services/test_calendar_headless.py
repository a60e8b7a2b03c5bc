"""`ontrack export-calendar` without the window: the file, the line it prints, its errors."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from icalendar import Calendar

from ontrack.cli import UserError
from ontrack.cli.calendar import export_calendar
from ontrack.demo import generate
from ontrack.domain.dataset import Dataset
from ontrack.domain.goals import Goal
from ontrack.storage.database import open_data_file
from ontrack.storage.dataset_write import merge_dataset
from tests.conftest import TODAY


def _file(path: Path, dataset: Dataset) -> Path:
    with open_data_file(path) as data, data.transaction():
        merge_dataset(data, dataset)
    return path


def test_writes_the_calendar_and_says_how_many_dates(data_path: Path, tmp_path: Path) -> None:
    _file(data_path, generate("small", 3, TODAY))
    out = tmp_path / "ontrack.ics"
    message = export_calendar(argparse.Namespace(data=data_path, out=out))
    events = list(Calendar.from_ical(out.read_bytes()).walk("VEVENT"))
    assert events
    assert message == f"Exported {len(events):,} dates to {out}."


def test_one_date_is_said_in_the_singular(data_path: Path, tmp_path: Path) -> None:
    _file(data_path, Dataset(goals=(Goal("g", "Lead", deadline=TODAY),)))
    out = tmp_path / "one.ics"
    assert export_calendar(argparse.Namespace(data=data_path, out=out)) == (
        f"Exported 1 date to {out}."
    )


def test_a_missing_data_file_or_folder_is_one_clear_line(data_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "ontrack.ics"
    with pytest.raises(UserError, match="There is no data file"):
        export_calendar(argparse.Namespace(data=data_path, out=out))
    assert not data_path.exists()
    _file(data_path, Dataset())
    with pytest.raises(UserError, match="No such file or directory"):
        export_calendar(argparse.Namespace(data=data_path, out=tmp_path / "gone" / "x.ics"))
