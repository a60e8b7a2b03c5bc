"""Start-up of a protected data file against the same file plain: `ontrack
--exit-after-startup` (the window painted with its current tab) on a copy of the large demo,
plain; protected and unlocked by passphrase (Argon2id at its real cost); and protected and
remembered (the key from the keyring: no Argon2). Interleaved rounds; medians and ratios.

    python tests/benchmarks/bench_protected.py [--rounds N]

The keyring here is a file-backed stand-in (`_file_keyring.py`, chosen through
PYTHON_KEYRING_BACKEND), so the figure leaves out what a real keyring daemon adds."""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _fixtures import ENV, describe, large_demo_file, ontrack

HERE = Path(__file__).resolve().parent
PASSPHRASE = "plum orchard by the sea"


def _timed(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, env=env, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def _prepare(folder: Path) -> tuple[Path, Path, Path, dict[str, str]]:
    plain, protected = folder / "plain.sqlite", folder / "protected.sqlite"
    shutil.copyfile(large_demo_file(), plain)
    shutil.copyfile(large_demo_file(), protected)
    secret = folder / "passphrase"
    secret.write_text(PASSPHRASE + "\n")
    subprocess.run(
        ontrack("protect", "--data", str(protected), "--new-passphrase-file", str(secret)),
        check=True,
        env=ENV,
        stdout=subprocess.DEVNULL,
    )
    keyring_env = dict(
        ENV,
        PYTHON_KEYRING_BACKEND="_file_keyring.FileKeyring",
        ONTRACK_BENCH_KEYRING=str(folder / "keyring.json"),
        PYTHONPATH=str(HERE) + ":" + ENV.get("PYTHONPATH", ""),
    )
    remember = (
        "import sys; from pathlib import Path; from ontrack.services import protection; "
        f"protection.unlock(Path({str(protected)!r}), {PASSPHRASE!r}, remember=True)"
    )
    subprocess.run([sys.executable, "-c", remember], check=True, env=keyring_env)
    return plain, protected, secret, keyring_env


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=11)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        plain, protected, secret, keyring_env = _prepare(Path(name))
        runs = {
            "plain": (ontrack("--data", str(plain), "--exit-after-startup"), ENV),
            "protected, passphrase": (
                ontrack(
                    "--passphrase-file",
                    str(secret),
                    "--data",
                    str(protected),
                    "--exit-after-startup",
                ),
                ENV,
            ),
            "protected, remembered": (
                ontrack("--data", str(protected), "--exit-after-startup"),
                keyring_env,
            ),
        }
        for command, env in runs.values():  # warm the file cache and the bytecode once
            _timed(command, env)
        times: dict[str, list[float]] = {name: [] for name in runs}
        for _ in range(args.rounds):
            for label, (command, env) in runs.items():
                times[label].append(_timed(command, env))
    print("Start-up of the large demo, the window painted (medians, interleaved)")
    for label in runs:
        print("  " + describe(label, times[label]))
    base = statistics.median(times["plain"])
    for label in list(runs)[1:]:
        print(f"  {label}: {statistics.median(times[label]) / base:.2f}× plain")


if __name__ == "__main__":
    main()
