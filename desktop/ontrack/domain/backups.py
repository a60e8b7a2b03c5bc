"""A backup of the data file, as the person is shown it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path


@dataclass(frozen=True, slots=True)
class BackupInfo:
    path: Path
    made_at: datetime
    size: int
