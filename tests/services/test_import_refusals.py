"""A bad document changes nothing: every refusal names its place, and the data file is
byte-for-byte what it was."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from ontrack.demo import generate
from ontrack.interchange.errors import InterchangeError
from ontrack.interchange.json_codec import dataset_to_document, loads
from ontrack.services.registry import Services
from ontrack.storage.database import open_data_file
from tests.conftest import TODAY

SMALL = generate("small", 2, TODAY)
DOCUMENT = dataset_to_document(SMALL, datetime(2026, 11, 24, tzinfo=UTC))


def _broken(change: Any) -> str:
    document = json.loads(json.dumps(DOCUMENT))
    change(document)
    return json.dumps(document)


BAD = {
    "bad date": (lambda d: d["goals"][3].update(deadline="2025-13-01"), "goals[3].deadline"),
    "no title": (lambda d: d["goals"][0].update(title=""), "goals[0].title"),
    "unknown status": (lambda d: d["goals"][1].update(status="maybe"), "goals[1].status"),
    "rating 6": (
        lambda d: d["assessments"][0]["answers"][2].update(rating=6),
        "assessments[0].answers[2].rating",
    ),
    "dangling contact": (
        lambda d: d["feedback"][5].update(contact="nobody"),
        "feedback[5].contact",
    ),
    "duplicate id": (
        lambda d: d["contacts"][1].update(id=d["contacts"][0]["id"]),
        "contacts[1].id",
    ),
    "newer version": (lambda d: d.update(version=2), "version"),
    "other format": (lambda d: d.update(format="csv"), "format"),
    "bad step due": (
        lambda d: next(g for g in d["goals"] if g["steps"])["steps"][0].update(due="soon"),
        ".steps[0].due",
    ),
}


@pytest.mark.parametrize("name", list(BAD))
def test_a_refused_document_leaves_the_file_untouched(name: str, tmp_path: Path, clock) -> None:  # type: ignore[no-untyped-def]
    change, place = BAD[name]
    path = tmp_path / "mine.sqlite"
    with open_data_file(path) as data:
        Services.create(data, clock).transfer.import_dataset(generate("small", 9, TODAY))
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    text = _broken(change)
    with pytest.raises(InterchangeError) as refused, open_data_file(path) as data:
        Services.create(data, clock).transfer.import_dataset(loads(text))
    assert place in refused.value.place
    assert str(refused.value).startswith(refused.value.place + ": ")
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
