"""Large values (issue 14, item 7): every text field has a cap, the same in the interchange
reader and in the window, refused in words above it; a maximal unbroken value shows at once;
an import reads at most MAX_FILE_BYTES, whatever the file is.

Before: a goal's "why" of one unbroken 256 KB string held the window for 46 s (100,000
characters: about 3 s), and `ontrack import /dev/zero` read until memory ran out.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QSettings
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from ontrack.app import create_main_window
from ontrack.domain.clock import FixedClock
from ontrack.domain.dataset import Dataset
from ontrack.domain.goals import Goal
from ontrack.domain.journal import Feedback
from ontrack.domain.network import Contact
from ontrack.domain.validation import MAX_LINE_LENGTH, MAX_TAG_LENGTH, MAX_TEXT_LENGTH
from ontrack.interchange.errors import InterchangeError
from ontrack.interchange.json_codec import dumps, loads, read_limited
from ontrack.storage.database import open_data_file
from ontrack.storage.dataset_write import merge_dataset
from ontrack.ui.main_window import MainWindow

UNBROKEN = "x" * MAX_TEXT_LENGTH  # the longest value allowed, with no place to wrap at
SMALL = Dataset(
    goals=(Goal("g0", "First"), Goal("g1", "Second"), Goal("g2", "Third"), Goal("g3", "Fourth")),
    contacts=(Contact("c0", "Ana"),),
    feedback=(Feedback("f0", date(2026, 11, 1), tags=("ok",)),),
)


def _document(**changes: object) -> dict[str, object]:
    document = json.loads(dumps(SMALL, datetime(2026, 11, 24, tzinfo=UTC)))
    for place, value in changes.items():
        section, index, key = place.split("__")
        document[section][int(index)][key] = value
    return document


@pytest.mark.parametrize(
    ("place", "value", "message"),
    [
        ("goals__3__why", "w" * 250_000, "goals[3].why: 250,000 characters; at most 100,000"),
        (
            "contacts__0__company",
            "c" * (MAX_LINE_LENGTH + 1),
            "contacts[0].company: 501 characters; at most 500",
        ),
        (
            "feedback__0__tags",
            ["t" * (MAX_TAG_LENGTH + 1)],
            "feedback[0].tags[0]: 101 characters; at most 100",
        ),
        ("goals__0__title", "t" * 201, "goals[0].title: 201 characters; at most 200"),
    ],
)
def test_text_over_its_cap_is_refused_naming_the_place(
    place: str, value: object, message: str
) -> None:
    with pytest.raises(InterchangeError) as refused:
        loads(json.dumps(_document(**{place: value})))
    assert str(refused.value) == message


def test_text_at_its_cap_is_read_back_exactly() -> None:
    document = _document(goals__3__why=UNBROKEN, contacts__0__company="c" * MAX_LINE_LENGTH)
    dataset = loads(json.dumps(document))
    assert dataset.goals[3].why == UNBROKEN
    assert dataset.contacts[0].company == "c" * MAX_LINE_LENGTH


def test_an_endless_device_is_refused_quickly_in_words() -> None:
    started = time.perf_counter()
    with pytest.raises(InterchangeError, match=r"too large to import.*goes on beyond that"):
        read_limited("/dev/zero", limit=10_000_000)
    assert time.perf_counter() - started < 5


def test_a_huge_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    huge = tmp_path / "huge.json"
    with huge.open("wb") as stream:
        stream.truncate(300_000_000)  # sparse: costs no disk, would cost memory to read
    started = time.perf_counter()
    with pytest.raises(InterchangeError, match="at most 200 MB, and it has 300 MB"):
        read_limited(huge)
    assert time.perf_counter() - started < 1


def test_a_pipe_nobody_writes_to_does_not_hang(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    assert read_limited(pipe) == b""


def test_importing_dev_zero_from_the_command_line_is_one_line(tmp_path: Path) -> None:
    data = tmp_path / "ontrack.sqlite"
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "ontrack", "import", "--data", str(data), "/dev/zero"],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1
    assert "too large to import: OnTrack reads at most 200 MB" in result.stderr
    assert time.perf_counter() - started < 30


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, clock: FixedClock) -> Iterator[MainWindow]:
    path = tmp_path / "large.sqlite"
    with open_data_file(path) as data:
        merge_dataset(
            data,
            Dataset(
                goals=(Goal("g1", "Small"), Goal("g2", "Long why", why=UNBROKEN)),
                feedback=(
                    Feedback("f1", date(2026, 11, 1)),
                    Feedback("f2", date(2026, 11, 2), text=UNBROKEN),
                ),
                contacts=(Contact("c1", "Small"), Contact("c2", "Long notes", notes=UNBROKEN)),
            ),
        )
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    opened = create_main_window(path, clock=clock, settings=settings)
    qtbot.addWidget(opened)
    with qtbot.waitExposed(opened):
        opened.show()
    yield opened
    opened.close()


@pytest.mark.parametrize(
    ("tab", "small", "large"),
    [("goalsTab", "g1", "g2"), ("journalTab", "f1", "f2"), ("networkTab", "c1", "c2")],
)
def test_a_maximal_unbroken_value_shows_in_well_under_a_second(
    window: MainWindow, tab: str, small: str, large: str
) -> None:
    window.open_tab(tab, small)
    QApplication.processEvents()
    started = time.perf_counter()
    window.open_tab(tab, large)
    QApplication.processEvents()
    window.repaint()
    assert time.perf_counter() - started < 1.0


def test_the_window_refuses_text_over_the_cap_with_a_visible_message(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.open_tab("goalsTab", "g1")
    page = window.tab_page("goalsTab")
    detail = getattr(page, "page", lambda: page)().detail
    detail.why_edit.setFocus()
    pasted = QMimeData()
    pasted.setText("y" * (MAX_TEXT_LENGTH + 1))
    detail.why_edit.insertFromMimeData(pasted)  # what Ctrl+V does with the clipboard's text
    assert detail.why_edit.toPlainText() == ""
    bubble = window.findChild(QLabel, "capMessage")
    assert bubble is not None
    assert bubble.isVisible()
    assert bubble.text() == (
        "Why it matters can be at most 100,000 characters; the text was not added."
    )
