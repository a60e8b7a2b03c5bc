"""A data file with phrases that must never be readable in a protected file's bytes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ontrack.domain.dataset import Dataset
from ontrack.domain.goals import Goal
from ontrack.domain.journal import Feedback
from ontrack.domain.network import Contact
from ontrack.storage.database import open_data_file
from ontrack.storage.dataset_write import merge_dataset

# Each from a different table: the journal, a goal's title, a contact's name.
PHRASES = ("Quixotic marmalade strategy", "Zanzibar onboarding revamp", "Philippa Wyndham-Oduya")


def fill(path: Path, *, extra: str = "") -> Path:
    dataset = Dataset(
        goals=(Goal("g1", PHRASES[1]),),
        feedback=(Feedback("f1", dt.date(2026, 3, 1), text=f"{PHRASES[0]} was praised {extra}"),),
        contacts=(Contact("c1", PHRASES[2]),),
    )
    with open_data_file(path) as data:
        merge_dataset(data, dataset)
    return path


def readable(data: bytes) -> list[str]:
    """The phrases found in `data`, as UTF-8 or as UTF-16 (SQLite's other encodings)."""
    found = []
    for phrase in PHRASES:
        forms = (phrase.encode("utf-8"), phrase.encode("utf-16-le"), phrase.encode("utf-16-be"))
        if any(form in data for form in forms):
            found.append(phrase)
    return found
