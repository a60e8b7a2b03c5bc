"""The database keeps any valid dataset exactly: generated datasets (any Unicode, any date
from 0001 to 9999) and the demo data survive merge and load, and export → import into an
empty file → export gives the same interchange document."""

from __future__ import annotations

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
from tests.conftest import FileTemplates
from tests.interchange.strategies import datasets

EXPORTED_AT = datetime(2026, 11, 24, 9, 30, tzinfo=UTC)


def _create(path: Path) -> None:
    with open_data_file(path):
        pass


def _through_a_new_file(dataset: Dataset, templates: FileTemplates) -> Dataset:
    # A new file is a copy of one created once: creating it each time took most of the time.
    with tempfile.TemporaryDirectory() as folder:
        path = templates.copy("new", _create, Path(folder) / "d.sqlite")
        with open_data_file(path, create=False) as data:
            merge_dataset(data, dataset)
            return load_dataset(data)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(datasets(max_records=3))
def test_any_valid_dataset_comes_back_exactly(
    file_templates: FileTemplates, dataset: Dataset
) -> None:
    assert _through_a_new_file(dataset, file_templates) == dataset


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(datasets(max_records=3))
def test_export_import_export_gives_the_same_document(
    file_templates: FileTemplates, dataset: Dataset
) -> None:
    first = dumps(_through_a_new_file(dataset, file_templates), EXPORTED_AT)
    second = dumps(_through_a_new_file(loads(first), file_templates), EXPORTED_AT)
    assert first == second


def test_the_small_demo_data_round_trips_through_json_and_the_database(
    file_templates: FileTemplates,
) -> None:
    dataset = generate("small", 11, date(2026, 11, 24))
    document = dataset_to_document(dataset, EXPORTED_AT)
    again = dataset_to_document(
        _through_a_new_file(loads(dumps(dataset, EXPORTED_AT)), file_templates), EXPORTED_AT
    )
    assert again == document


@pytest.mark.slow
def test_the_large_demo_data_round_trips(large_demo_file: Path, large_dataset: Dataset) -> None:
    # The session's large demo, generated and merged into a file once (shared with other
    # tests): read back from the file, and through JSON, it is the generated data exactly.
    with open_data_file(large_demo_file, create=False, writer=False) as data:
        assert load_dataset(data) == large_dataset
    assert loads(dumps(large_dataset, EXPORTED_AT)) == large_dataset
