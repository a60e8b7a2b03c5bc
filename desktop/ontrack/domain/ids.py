"""Record identifiers: OnTrack writes UUIDs, and accepts any non-empty string up to 100 chars."""

from __future__ import annotations

import uuid

MAX_ID_LENGTH = 100


def new_id() -> str:
    return str(uuid.uuid4())
