"""A keyring backend for the protected start-up benchmark: entries in a JSON file named by
ONTRACK_BENCH_KEYRING, so that a remembered key outlives one program run (a stand-in for
the system keyring, which a benchmark on a build machine may not have)."""

from __future__ import annotations

import json
import os
from pathlib import Path

from keyring.backend import KeyringBackend


class FileKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def _entries(self) -> dict[str, str]:
        path = Path(os.environ["ONTRACK_BENCH_KEYRING"])
        return json.loads(path.read_text()) if path.exists() else {}

    def get_password(self, service: str, username: str) -> str | None:
        return self._entries().get(f"{service}\0{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        entries = self._entries()
        entries[f"{service}\0{username}"] = password
        Path(os.environ["ONTRACK_BENCH_KEYRING"]).write_text(json.dumps(entries))

    def delete_password(self, service: str, username: str) -> None:
        entries = self._entries()
        entries.pop(f"{service}\0{username}", None)
        Path(os.environ["ONTRACK_BENCH_KEYRING"]).write_text(json.dumps(entries))
