"""The database keeps any valid dataset exactly: generated datasets (any Unicode, any date
from 0001 to 9999) and the demo data survive merge and load, and export → import into an
empty file → export gives the same interchange document."""

from __future__ import annotations

import shutil
import tempfile
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from ontrack.demo import generate
from ontrack.domain.dataset import Dataset
from ontrack.interchange.json_codec import dataset_to_document, dumps, loads
from ontrack.storage.database import open_data_file
from ontrack.storage.dataset_read import load_dataset
from ontrack.storage.dataset_write import merge_dataset
from tests.interchange.strategies import datasets

EXPORTED_AT = datetime(2026, 11, 24, 9, 30, tzinfo=UTC)


def _through_a_new_file(dataset: Dataset) -> Dataset:
    with tempfile.TemporaryDirectory() as folder, open_data_file(Path(folder) / "d.sqlite") as data:
        merge_dataset(data, dataset)
        return load_dataset(data)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(datasets(max_records=3))
def test_any_valid_dataset_comes_back_exactly(dataset: Dataset) -> None:
    assert _through_a_new_file(dataset) == dataset


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(datasets(max_records=3))
def test_export_import_export_gives_the_same_document(dataset: Dataset) -> None:
    first = dumps(_through_a_new_file(dataset), EXPORTED_AT)
    second = dumps(_through_a_new_file(loads(first)), EXPORTED_AT)
    assert first == second


def test_the_small_demo_data_round_trips_through_json_and_the_database() -> None:
    dataset = generate("small", 11, date(2026, 11, 24))
    document = dataset_to_document(dataset, EXPORTED_AT)
    again = dataset_to_document(
        _through_a_new_file(loads(dumps(dataset, EXPORTED_AT))), EXPORTED_AT
    )
    assert again == document


@pytest.mark.slow
def test_the_large_demo_data_round_trips(tmp_path: Path, large_demo_file: Path) -> None:
    # The session's large demo: generated and merged once, shared with other tests.
    copy = tmp_path / "large.sqlite"
    shutil.copyfile(large_demo_file, copy)
    with open_data_file(copy) as data:
        first = dumps(load_dataset(data), EXPORTED_AT)
    with open_data_file(tmp_path / "again.sqlite") as data:
        merge_dataset(data, loads(first))
        assert dumps(load_dataset(data), EXPORTED_AT) == first
