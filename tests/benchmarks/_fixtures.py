"""Shared by the benchmarks: the cached large demo file and its export, and timing helpers."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CACHE = ROOT / ".venv" / "bench-cache"
TODAY = date(2026, 11, 24)
# Installed programs run from compiled bytecode; a developer shell that disables writing it
# (PYTHONDONTWRITEBYTECODE) would make every run recompile OnTrack and skew the figures.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
ENV["QT_QPA_PLATFORM"] = "offscreen"


def ontrack(*args: str) -> list[str]:
    return [sys.executable, "-m", "ontrack", *args]


def large_demo_file() -> Path:
    """The large demo data set (ten years of heavy use), built once and reused."""
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / "large.sqlite"
    if not path.exists():
        print("building the large demo file (once)…", flush=True)
        temp = CACHE / "large.building.sqlite"
        for stale in CACHE.glob("large.building.sqlite*"):
            stale.unlink()
        subprocess.run(ontrack("demo", "--data", str(temp), "--size", "large"), check=True, env=ENV)
        temp.rename(path)
    return path


def large_export() -> Path:
    path = CACHE / "large.json"
    if not path.exists():
        subprocess.run(
            ontrack("export", "--data", str(large_demo_file()), "--out", str(path)),
            check=True,
            env=ENV,
        )
    return path


def time_command(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, env=ENV, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def describe(name: str, samples: list[float]) -> str:
    return (
        f"{name:<38} median {statistics.median(samples) * 1000:7.0f} ms   "
        f"min {min(samples) * 1000:7.0f} ms   max {max(samples) * 1000:7.0f} ms   "
        f"n={len(samples)}"
    )
