"""The integrity check beside the window: a check made with `start=False` (the window's,
started once it is shown; a protected file's is five times the work) waits for `start()` or
for the first who needs its verdict."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from ontrack.services import protection
from ontrack.storage import connection, integrity
from ontrack.storage.database import open_data_file
from ontrack.storage.integrity import BackgroundCheck
from tests.storage.protected_data import fill


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the threads that ran a quick_check."""
    runs: list[str] = []
    real = integrity.quick_check

    def counting(connection: object) -> str | None:
        runs.append(threading.current_thread().name)
        return real(connection)  # type: ignore[arg-type]

    monkeypatch.setattr(integrity, "quick_check", counting)
    return runs


def test_a_later_check_waits_to_be_started(tmp_path: Path, counted: list[str]) -> None:
    check = BackgroundCheck(fill(tmp_path / "data.sqlite"), start=False)
    assert counted == []
    verdicts: list[str | None] = []
    check.when_done(verdicts.append)
    check.start()
    assert check.problem() is None
    assert counted == ["ontrack-quick-check"]
    assert verdicts == [None]


def test_asking_for_its_verdict_starts_it(tmp_path: Path, counted: list[str]) -> None:
    check = BackgroundCheck(fill(tmp_path / "data.sqlite"), start=False)
    assert check.problem() is None
    assert len(counted) == 1


def test_a_later_check_cancelled_before_it_began_never_runs(
    tmp_path: Path, counted: list[str]
) -> None:
    check = BackgroundCheck(fill(tmp_path / "data.sqlite"), start=False)
    verdicts: list[str | None] = []
    check.when_done(verdicts.append)
    check.cancel()
    assert counted == []
    assert verdicts == [None]
    assert check.problem() is None


def test_plain_and_protected_files_are_checked_at_the_first_write_if_not_before(
    tmp_path: Path, counted: list[str]
) -> None:
    plain = open_data_file(fill(tmp_path / "plain.sqlite"), check_in_background=True)
    assert plain.check is not None
    assert counted == []  # not yet
    plain.require_sound()
    assert len(counted) == 1
    plain.close()
    path = fill(tmp_path / "secret.sqlite")
    protection.protect(path, "pass")
    try:
        data = open_data_file(path, check_in_background=True)
        assert data.check is not None
        assert len(counted) == 1  # not yet
        data.require_sound()  # the first write waits for its verdict: it starts it
        assert len(counted) == 2
        data.close()
    finally:
        connection.forget_keys()
