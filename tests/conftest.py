"""Shared test settings: Qt runs offscreen, settings and data stay inside the test's tmp dir."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

os.environ["QT_QPA_PLATFORM"] = "offscreen"
# Keep Qt from reading or writing the developer's own settings and data.
os.environ.setdefault("XDG_RUNTIME_DIR", "/tmp/ontrack-test-runtime")
Path(os.environ["XDG_RUNTIME_DIR"]).mkdir(mode=0o700, exist_ok=True)

from ontrack.domain.clock import FixedClock  # noqa: E402

if TYPE_CHECKING:
    from ontrack.domain.dataset import Dataset

TODAY = date(2026, 11, 24)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock.on(TODAY)


@pytest.fixture
def data_path(tmp_path: Path) -> Path:
    """Where a test's data file goes (not created yet)."""
    return tmp_path / "ontrack.sqlite"


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))


@pytest.fixture(autouse=True)
def _forget_unlocked_keys() -> Iterator[None]:
    """Each test starts with no protected file unlocked, and Argon2id at a tiny cost (the
    real cost is chosen for people, not for a test that derives keys a hundred times)."""
    from ontrack.storage import connection, key_envelope

    saved = key_envelope.DEFAULT_COST
    key_envelope.DEFAULT_COST = key_envelope.Cost(time_cost=1, memory_cost=64, parallelism=1)
    yield
    key_envelope.DEFAULT_COST = saved
    connection.forget_keys()


class FileTemplates:
    """Data files filled once per test session (per worker under xdist) and copied for each
    test that asks: a copy costs a few milliseconds, creating and filling the same file
    through the storage layer a tenth of a second or more, and each test still gets a file
    of its own to change."""

    def __init__(self, folder: Path) -> None:
        self._folder = folder

    def copy(self, name: str, fill: Callable[[Path], None], target: Path) -> Path:
        """`target`, a copy of the template `name`; `fill(path)` makes the template the
        first time (it must close the file: a copy takes the main file only)."""
        template = self._folder / f"{name}.sqlite"
        if not template.exists():
            fill(template)
            assert not Path(f"{template}-wal").exists(), f"{name} was left open"
        shutil.copyfile(template, target)
        return target


@pytest.fixture(scope="session")
def file_templates(tmp_path_factory: pytest.TempPathFactory) -> FileTemplates:
    return FileTemplates(tmp_path_factory.mktemp("templates"))


@pytest.fixture(scope="session")
def large_dataset() -> Dataset:
    """Ten years of heavy use (the large demo), generated once per session (per worker
    under xdist): a dataset is frozen, so the tests share it."""
    from ontrack.demo.generator import generate

    return generate("large", 7, TODAY)


@pytest.fixture(scope="session")
def large_demo_file(tmp_path_factory: pytest.TempPathFactory, large_dataset: Dataset) -> Path:
    """The large demo in a data file, built once per test session (per worker under xdist)
    and shared: open it read-only, or copy it before writing."""
    from ontrack.storage.database import open_data_file
    from ontrack.storage.dataset_write import merge_dataset

    path = tmp_path_factory.mktemp("large-demo") / "large.sqlite"
    with open_data_file(path) as data:
        merge_dataset(data, large_dataset)
    return path
