"""CalendarService.export_for_worker: the export the window runs in a worker thread, reading
through a read-only connection of its own."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest

from ontrack.domain.clock import FixedClock
from ontrack.domain.dataset import Dataset
from ontrack.domain.goals import Goal
from ontrack.services.calendar import CalendarExportError, CalendarService
from ontrack.services.goals import GoalService
from ontrack.services.registry import Services
from ontrack.storage.database import open_data_file

DATASET = Dataset(
    goals=(Goal("g1", "Lead the team", deadline=date(2027, 3, 1)),),
)


@pytest.fixture
def services(tmp_path: Path, clock: FixedClock) -> Iterator[Services]:
    # An awkward folder name: the read-only connection opens the file through a URI.
    folder = tmp_path / "my #1 100% data?"
    folder.mkdir()
    with open_data_file(folder / "ontrack.sqlite") as data:
        services = Services.create(data, clock)
        services.transfer.import_dataset(DATASET)
        yield services


def _in_a_thread(work: Callable[[], int]) -> int | BaseException:
    result: list[int | BaseException] = []

    def run() -> None:
        try:
            result.append(work())
        except BaseException as error:  # handed back to the test's thread
            result.append(error)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(30)
    return result[0]


def test_writes_in_a_worker_thread_what_export_writes(services: Services, tmp_path: Path) -> None:
    calendar = CalendarService(services.context)
    assert _in_a_thread(calendar.export_for_worker(tmp_path / "worker.ics")) == 1
    assert calendar.export(tmp_path / "here.ics") == 1
    assert (tmp_path / "worker.ics").read_bytes() == (tmp_path / "here.ics").read_bytes()


def test_reads_the_data_as_it_is_when_the_worker_runs(services: Services, tmp_path: Path) -> None:
    calendar = CalendarService(services.context)
    work = calendar.export_for_worker(tmp_path / "out.ics")
    GoalService(services.context).create(Goal("", "Learn Rust", deadline=date(2027, 6, 1)))
    assert _in_a_thread(work) == 2
    assert b"Goal deadline: Learn Rust" in (tmp_path / "out.ics").read_bytes()


def test_a_data_file_that_cannot_be_read_is_said_in_words(
    services: Services, tmp_path: Path
) -> None:
    data_path = services.context.data.path
    work = CalendarService(services.context).export_for_worker(tmp_path / "out.ics")
    data_path.rename(tmp_path / "moved.sqlite")  # gone by the time the worker runs
    error = _in_a_thread(work)
    assert isinstance(error, CalendarExportError)
    assert str(error).startswith(f"OnTrack could not read {data_path}:")
    assert not list(tmp_path.glob("*.ics*"))


def test_a_write_that_fails_leaves_no_file(services: Services, tmp_path: Path) -> None:
    work = CalendarService(services.context).export_for_worker(tmp_path / "no" / "out.ics")
    error = _in_a_thread(work)
    assert isinstance(error, CalendarExportError)
    assert "No such file or directory" in str(error)
    assert not (tmp_path / "no").exists()
