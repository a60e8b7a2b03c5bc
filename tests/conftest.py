"""Shared test settings: Qt runs offscreen, settings and data stay inside the test's tmp dir."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

os.environ["QT_QPA_PLATFORM"] = "offscreen"
# Keep Qt from reading or writing the developer's own settings and data.
os.environ.setdefault("XDG_RUNTIME_DIR", "/tmp/ontrack-test-runtime")
Path(os.environ["XDG_RUNTIME_DIR"]).mkdir(mode=0o700, exist_ok=True)

from ontrack.domain.clock import FixedClock  # noqa: E402

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


@pytest.fixture(scope="session")
def large_demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Ten years of heavy use (the large demo), built once per test session (per worker
    under xdist) and shared: open it read-only, or copy it before writing."""
    from ontrack.demo.generator import generate
    from ontrack.storage.database import open_data_file
    from ontrack.storage.dataset_write import merge_dataset

    path = tmp_path_factory.mktemp("large-demo") / "large.sqlite"
    with open_data_file(path) as data:
        merge_dataset(data, generate("large", 7, TODAY))
    return path
