"""Kill OnTrack (SIGKILL) at random moments while it writes, many times over: the file must
always pass `PRAGMA integrity_check` and hold each transaction whole or not at all.

The default run does a few rounds; `ONTRACK_KILL_ROUNDS=200 pytest tests/safety` does many.
Each round prints nothing; the summary line of the module's last test says how many kills
the file survived.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

ROUNDS = int(os.environ.get("ONTRACK_KILL_ROUNDS", "6"))
GOALS_PER_IMPORT = 200
STEPS_PER_GOAL = 5

# The writer: bulk imports of GOALS_PER_IMPORT goals (one transaction each), interleaved
# with single-goal edits through GoalService (create, then add steps one by one: each its
# own transaction). It runs until it is killed.
WRITER = textwrap.dedent(
    f"""
    import sys
    from ontrack.domain.clock import SystemClock
    from ontrack.domain.dataset import Dataset
    from ontrack.domain.goals import Goal, Step
    from ontrack.services.goals import GoalService
    from ontrack.services.registry import Services
    from ontrack.storage.database import open_data_file

    data = open_data_file(sys.argv[1])
    services = Services.create(data, SystemClock())
    goals = GoalService(services.context)
    batch = 0
    print("ready", flush=True)
    while True:
        batch += 1
        dataset = Dataset(goals=tuple(
            Goal(f"b{{batch}}-{{n}}", f"Imported {{batch}}/{{n}}", why="x" * 500,
                 steps=tuple(Step(f"s{{k}}", f"step {{k}}") for k in range({STEPS_PER_GOAL})))
            for n in range({GOALS_PER_IMPORT})))
        services.transfer.import_dataset(dataset)
        goal = goals.create(Goal(f"e{{batch}}", f"Edited {{batch}}"))
        for k in range({STEPS_PER_GOAL}):
            goals.add_step(goal.id, Step(f"s{{k}}", f"step {{k}}"))
    """
)


def _check(path: Path) -> tuple[int, int]:
    """Integrity, and whole transactions; returns (imported goals, edited goals)."""
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        imported = connection.execute("SELECT count(*) FROM goal WHERE id LIKE 'b%'").fetchone()[0]
        assert imported % GOALS_PER_IMPORT == 0, "an import was cut in half"
        broken = connection.execute(
            "SELECT g.id, count(s.pk) FROM goal g LEFT JOIN step s ON s.goal_id = g.id "
            "WHERE g.id LIKE 'b%' GROUP BY g.id HAVING count(s.pk) != ?",
            (STEPS_PER_GOAL,),
        ).fetchall()
        assert broken == [], "an imported goal lost steps"
        # An edited goal may have any number of steps (each step is its own transaction),
        # but its steps are always a prefix: s0..s(k-1), no gaps.
        for goal_id, uids in connection.execute(
            "SELECT goal_id, group_concat(uid, ',') FROM "
            "(SELECT goal_id, uid FROM step WHERE goal_id LIKE 'e%' ORDER BY position) "
            "GROUP BY goal_id"
        ):
            assert uids.split(",") == [f"s{k}" for k in range(len(uids.split(",")))], goal_id
        edited = connection.execute("SELECT count(*) FROM goal WHERE id LIKE 'e%'").fetchone()[0]
        return imported, edited
    finally:
        connection.close()


def _kill_at_random(script_and_args: list[str], after: float) -> None:
    """Run a Python script until it says "ready", let it work `after` seconds, SIGKILL it."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    process = subprocess.Popen(
        [sys.executable, "-c", *script_and_args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    assert process.stdout is not None
    assert process.stderr is not None
    assert process.stdout.readline().strip() == b"ready", process.stderr.read()
    time.sleep(after)
    process.send_signal(signal.SIGKILL)
    process.wait()
    process.stdout.close()
    process.stderr.close()


@pytest.mark.slow
def test_killed_writers_never_leave_a_damaged_or_half_written_file(tmp_path: Path) -> None:
    path = tmp_path / "victim.sqlite"
    rng = random.Random(20261124)
    survived = 0
    for _ in range(ROUNDS):
        _kill_at_random([WRITER, str(path)], rng.uniform(0.02, 0.6))
        _check(path)
        survived += 1
    imported, edited = _check(path)
    assert survived == ROUNDS
    assert imported > 0, "the writer never got to commit: the kills came too early to test"
    print(f"\n{survived} kills survived; {imported} imported and {edited} edited goals intact")


# Backups and restores, one after the other, until killed: `ontrack backup` of the data file
# to COPY, then `ontrack restore` of BACKUP (made before, with a different profile name)
# over the data file, then back again from COPY.
BACKUP_RESTORE = textwrap.dedent(
    """
    import sys
    from ontrack.cli import main
    data, copy, backup = sys.argv[1:4]
    print("ready", flush=True)
    while True:
        for source in (backup, copy):
            main(["backup", "--data", data, "--out", copy])
            main(["restore", "--data", data, source])
    """
)


def _profile_name(path: Path) -> str:
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return str(connection.execute("SELECT name FROM profile").fetchone()[0])
    finally:
        connection.close()


@pytest.mark.slow
def test_killed_backups_and_restores_never_lose_the_data_file(tmp_path: Path) -> None:
    from ontrack.cli import main
    from ontrack.storage.database import open_data_file

    data, copy, backup = tmp_path / "career.sqlite", tmp_path / "copy.sqlite", tmp_path / "b.sqlite"
    assert main(["demo", "--data", str(data)]) == 0
    with open_data_file(data) as opened:
        opened.execute("UPDATE profile SET name = 'From the backup'")
    assert main(["backup", "--data", str(data), "--out", str(backup)]) == 0
    with open_data_file(data) as opened:
        opened.execute("UPDATE profile SET name = 'As it was'")
    rng = random.Random(20261203)
    for _ in range(ROUNDS):
        _kill_at_random([BACKUP_RESTORE, str(data), str(copy), str(backup)], rng.uniform(0.05, 0.8))
        assert _profile_name(data) in {"From the backup", "As it was"}
        if copy.exists():  # a copy under its own name is always whole
            assert _profile_name(copy) in {"From the backup", "As it was"}
        # The lock died with the process: the file opens for writing at once.
        open_data_file(data).close()
    print(f"\n{ROUNDS} kills during backups and restores survived")
