"""The report reads only its period's records, and the report made from them is the one made
from everything: every part of it, for past, current and edge periods, on ten years of
data, and through a worker thread's own connection."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from ontrack.domain.content import load_content
from ontrack.domain.dataset import Dataset
from ontrack.domain.report_options import ReportOptions
from ontrack.domain.report_period import Period
from ontrack.files.resources import resource_path
from ontrack.reports.gather import gather
from ontrack.reports.gather_summary import gather_summary
from ontrack.storage.connection import DataFile
from ontrack.storage.database import open_data_file
from ontrack.storage.dataset_read import load_dataset
from ontrack.storage.report_read import load_report_dataset, load_report_dataset_separately

TODAY = date(2026, 11, 24)
PERIODS = {
    "the last year": Period.last_12_months(TODAY),
    "a past year": Period(date(2020, 1, 1), date(2020, 12, 31)),
    "one day": Period(TODAY, TODAY),
    "before any data": Period(date(1990, 1, 1), date(1990, 12, 31)),
    "all time": Period(None, TODAY),
}


@pytest.fixture(scope="module")
def opened(large_demo_file: Path) -> Iterator[DataFile]:
    data = open_data_file(large_demo_file, create=False, writer=False)
    yield data
    data.close()


@pytest.fixture(scope="module")
def everything(opened: DataFile) -> Dataset:
    return load_dataset(opened)


@pytest.mark.slow
@pytest.mark.parametrize("name", PERIODS)
def test_the_report_from_its_period_is_the_report_from_everything(
    name: str, opened: DataFile, everything: Dataset
) -> None:
    content = load_content(resource_path("content"))
    options = ReportOptions(period=PERIODS[name])
    scoped = load_report_dataset(opened, PERIODS[name])
    assert gather(scoped, content, options, TODAY) == gather(everything, content, options, TODAY)
    summary = ReportOptions(period=PERIODS[name], summary=True)
    assert gather_summary(scoped, content, summary, TODAY) == gather_summary(
        everything, content, summary, TODAY
    )


@pytest.mark.slow
def test_a_one_year_report_reads_a_fraction_of_ten_years(
    opened: DataFile, everything: Dataset
) -> None:
    scoped = load_report_dataset(opened, PERIODS["the last year"])

    def interactions(dataset: Dataset) -> int:
        return sum(len(c.interactions) for c in dataset.contacts)

    assert len(scoped.feedback) < len(everything.feedback) / 3
    assert interactions(scoped) < interactions(everything) / 2
    assert len(scoped.goals) < len(everything.goals) / 2


def test_what_no_report_prints_is_left_unread(opened: DataFile, everything: Dataset) -> None:
    scoped = load_report_dataset(opened, PERIODS["all time"])
    assert not any(c.tags or c.email or c.phone or c.notes for c in scoped.contacts)
    assert not any(f.tags for f in scoped.feedback)
    assert any(c.tags for c in everything.contacts)  # the demo has them: a test that can fail
    assert any(f.tags for f in everything.feedback)
    assert [c.name for c in scoped.contacts] == [c.name for c in everything.contacts]


def test_a_worker_reads_the_period_through_its_own_connection(
    large_demo_file: Path, opened: DataFile
) -> None:
    period = PERIODS["a past year"]
    worker = load_report_dataset_separately(large_demo_file, period)
    assert worker == load_report_dataset(opened, period)
