"""Kill OnTrack (SIGKILL) at random moments while it encrypts a data file, changes its
passphrase, decrypts it, or writes to it protected: every round must leave a file that
opens (plain, or with the old or the new passphrase) and passes `PRAGMA integrity_check`,
with all its records.

`ONTRACK_KILL_ROUNDS=200 pytest tests/safety/test_kill_during_protection.py` does many.
"""

from __future__ import annotations

import os
import random
import textwrap
from pathlib import Path

import pytest

from ontrack.services import protection
from ontrack.storage import connection
from ontrack.storage.database import open_data_file
from ontrack.storage.errors import ProtectedFileError
from ontrack.storage.key_envelope import sidecar
from tests.safety.test_kill_during_writes import GOALS_PER_IMPORT, WRITER, _kill_at_random

ROUNDS = int(os.environ.get("ONTRACK_KILL_ROUNDS", "6"))
CHEAP = "key_envelope.DEFAULT_COST = key_envelope.Cost(1, 64, 1)"

# Protect, change the passphrase there and back, unprotect: round and round until killed.
CONVERTER = textwrap.dedent(
    f"""
    import sys
    from pathlib import Path
    from ontrack.services import protection
    from ontrack.storage import connection, key_envelope
    {CHEAP}
    path = Path(sys.argv[1])
    if protection.is_protected(path):  # a round killed part-way: start from a plain file
        secret = "old" if protection.check(path, "old") else "new words"
        protection.unprotect(path, secret)
    print("ready", flush=True)
    while True:
        protection.protect(path, "old")
        connection.forget_keys()
        protection.change_passphrase(path, "old", "new words")
        protection.change_passphrase(path, "new words", "old")
        protection.unprotect(path, "old")
    """
)


def _open_somehow(path: Path) -> str:
    """Open `path` as the next OnTrack would; return how it opened."""
    connection.forget_keys()
    how = "plain"
    try:
        open_data_file(path).close()
    except ProtectedFileError:
        for secret in ("old", "new words"):
            try:
                protection.unlock(path, secret)
            except protection.WrongSecretError:
                continue
            how = secret
            break
        else:
            pytest.fail("a protected file that neither passphrase opens")
    with open_data_file(path) as data:  # a writer: it tidies what a conversion left
        assert data.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert data.execute("SELECT count(*) FROM feedback").fetchone()[0] == 40
        assert data.execute("SELECT count(*) FROM contact").fetchone()[0] == 60
    leftovers = [p.name for p in path.parent.iterdir() if ".converting" in p.name]
    assert leftovers == []
    assert sidecar(path).exists() == (how != "plain")
    return how


@pytest.mark.slow
def test_killed_conversions_leave_the_old_file_or_the_new_one(tmp_path: Path) -> None:
    from ontrack.cli import main

    path = tmp_path / "career.sqlite"
    assert main(["demo", "--data", str(path)]) == 0
    rng = random.Random(20261203)
    seen = set()
    for _ in range(ROUNDS):
        _kill_at_random([CONVERTER, str(path)], rng.uniform(0.05, 1.2))
        seen.add(_open_somehow(path))
    print(f"\n{ROUNDS} kills during protect, change and unprotect survived; opened as {seen}")


# The kill test's writer, on a protected file it unlocks first (the key is then known to
# every connection the writer opens).
PROTECTED_WRITER = (
    "import sys\nfrom pathlib import Path\nfrom ontrack.services.protection import unlock\n"
    "unlock(Path(sys.argv[1]), 'old')\n" + WRITER
)


@pytest.mark.slow
def test_killed_writers_on_a_protected_file_leave_it_whole(tmp_path: Path) -> None:
    path = tmp_path / "victim.sqlite"
    open_data_file(path).close()
    protection.protect(path, "old")
    rng = random.Random(20261204)
    imported = 0
    for _ in range(ROUNDS):
        _kill_at_random([PROTECTED_WRITER, str(path)], rng.uniform(0.1, 0.8))
        connection.forget_keys()
        protection.unlock(path, "old")
        with open_data_file(path) as data:
            assert data.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            imported = data.execute("SELECT count(*) FROM goal WHERE id LIKE 'b%'").fetchone()[0]
            assert imported % GOALS_PER_IMPORT == 0, "an import was cut in half"
    assert imported > 0, "the writer never got to commit: the kills came too early to test"
    print(f"\n{ROUNDS} kills on a protected file survived; {imported} imported goals intact")
