"""A full disk or a read-only file: a clear message, the transaction rolled back, the file
intact. (The suite runs as root, where file permissions do not bite, so SQLite's own limits
stand in: `max_page_count` for a full disk, `query_only` for a read-only file.)"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from unittest import mock

import pytest

from ontrack.domain.dataset import Dataset
from ontrack.domain.goals import Goal, Step
from ontrack.storage.connection import DataFile
from ontrack.storage.database import open_data_file
from ontrack.storage.dataset_read import load_dataset
from ontrack.storage.dataset_write import merge_dataset
from ontrack.storage.errors import DiskFullError, UnwritableFileError

BEFORE = Dataset(goals=(Goal("g1", "Keep me", steps=(Step("s", "a step"),)),))
BIG = Dataset(goals=tuple(Goal(f"n{n}", "x" * 5000) for n in range(200)))


@pytest.fixture
def data(data_path: Path) -> Iterator[DataFile]:
    with open_data_file(data_path) as opened:
        merge_dataset(opened, BEFORE)
        yield opened


def test_a_full_disk_is_explained_and_the_write_left_nothing(data: DataFile) -> None:
    pages = data.execute("PRAGMA page_count").fetchone()[0]
    data.execute(f"PRAGMA max_page_count = {pages + 5}")
    with pytest.raises(DiskFullError, match="no space left") as refused:
        merge_dataset(data, BIG)
    assert "Your last change was not saved" in str(refused.value)
    assert load_dataset(data) == BEFORE
    assert data.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_read_only_file_is_explained_and_the_write_left_nothing(data: DataFile) -> None:
    data.execute("PRAGMA query_only = 1")
    with pytest.raises(UnwritableFileError, match="cannot be written to"):
        merge_dataset(data, BIG)
    data.execute("PRAGMA query_only = 0")
    assert load_dataset(data) == BEFORE


def test_opening_a_read_only_file_says_so_before_anything_is_tried(data_path: Path) -> None:
    open_data_file(data_path).close()
    before = data_path.read_bytes()
    with (
        mock.patch("ontrack.storage.database.os.access", return_value=False),
        pytest.raises(UnwritableFileError, match="is read-only"),
    ):
        open_data_file(data_path)
    assert data_path.read_bytes() == before


def test_opening_a_file_in_a_read_only_folder_says_so(data_path: Path) -> None:
    open_data_file(data_path).close()

    def only_the_folder_is_read_only(path: object, mode: int) -> bool:
        return Path(str(path)) != data_path.parent

    with (
        mock.patch("ontrack.storage.database.os.access", only_the_folder_is_read_only),
        pytest.raises(UnwritableFileError, match="folder"),
    ):
        open_data_file(data_path)
