"""No user text is ever shown as markup: the small demo with `<b>x</b>` written into a record
of every kind, every tab loaded and showing one of those records, then every label, widget
tooltip and item-view tooltip in the window is checked. A label that is not PlainText must
not hold the marker unescaped (Qt would show a bold "x" instead of the text as typed)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QWidget
from pytestqt.qtbot import QtBot

from ontrack.domain.assessment import Rater, Reflections
from ontrack.domain.dataset import Dataset
from ontrack.domain.enums import Relationship
from ontrack.domain.goals import CheckIn, Step
from ontrack.domain.network import Interaction
from ontrack.domain.profile import Profile
from ontrack.storage.database import open_data_file
from ontrack.storage.dataset_write import merge_dataset
from ontrack.ui.main_window import MainWindow
from tests.gui.hostile_typing import (
    MARKER,
    might_be_rich_text,
    renders_markup,
    tooltip_renders_markup,
)

TEXT = f"{MARKER} & <i>y</i>"


def _hostile(dataset: Dataset) -> Dataset:
    """The demo with the marker in one record of each kind (first of each list)."""
    goal = dataset.goals[0]
    goal = replace(
        goal, title=f"{TEXT} goal", why=TEXT, measure=TEXT,
        steps=(Step("hostile-step", f"{TEXT} step"), *goal.steps),
        checkins=(*goal.checkins, CheckIn("hostile-checkin", date(2026, 11, 20), TEXT, None)),
    )  # fmt: skip
    feedback = replace(
        dataset.feedback[0], source_name=f"{TEXT} who", situation=TEXT, behavior=TEXT,
        impact=TEXT, text=f"{TEXT} said", reflection=TEXT, action_plan=TEXT,
        follow_up_note=TEXT, tags=(TEXT,),
    )  # fmt: skip
    contact = dataset.contacts[0]
    talk = Interaction("hostile-i", date(2026, 11, 2), notes=TEXT)
    contact = replace(
        contact, name=f"{TEXT} person", company=TEXT, role=TEXT, how_met=TEXT, notes=TEXT,
        tags=(TEXT,),
        interactions=(*contact.interactions, talk),
    )  # fmt: skip
    event = replace(dataset.events[0], name=f"{TEXT} event", location=TEXT, notes=TEXT)
    latest = dataset.assessments[-1]
    # A rater with half the ratings: the results show "Continue…" and "Remove" for them,
    # each with the rater's name in its tooltip.
    rater = Rater(f"{TEXT} rater", Relationship.PEER, latest.answers[: len(latest.answers) // 2])
    assessment = replace(
        latest, current_role=TEXT, target_role=TEXT,
        reflections=Reflections(TEXT, TEXT, TEXT, TEXT), raters=(*latest.raters, rater),
    )  # fmt: skip
    return replace(
        dataset,
        profile=Profile(f"{TEXT} me", TEXT, TEXT),
        goals=(goal, *dataset.goals[1:]),
        feedback=(feedback, *dataset.feedback[1:]),
        contacts=(contact, *dataset.contacts[1:]),
        events=(event, *dataset.events[1:]),
        assessments=(*dataset.assessments[:-1], assessment),
    )


@pytest.fixture
def hostile_window(
    tmp_path: Path, small_dataset: Dataset, open_window: Callable[[Path], MainWindow]
) -> tuple[MainWindow, Dataset]:
    dataset = _hostile(small_dataset)
    path = tmp_path / "hostile-demo.sqlite"
    with open_data_file(path) as data:
        merge_dataset(data, dataset)
    return open_window(path), dataset


def _offenders(window: MainWindow) -> dict[str, str]:
    """What shows the marker as markup, each with the tab it is on."""
    found: dict[str, str] = {}
    for widget in [window, *window.findChildren(QWidget)]:
        if isinstance(widget, QHeaderView):
            continue  # its model is its table's, checked with the table
        tab = next((n for n, p in window.pages.items() if p.isAncestorOf(widget)), "window")
        where = f"{tab}: {type(widget).__name__} {widget.objectName()!r}"
        if isinstance(widget, QLabel) and renders_markup(widget, MARKER):
            found[f"label in {where}: {widget.text()[:80]!r}"] = tab
        tip = widget.toolTip()
        if MARKER in tip and might_be_rich_text(tip):
            found[f"tooltip of {where}: {tip[:80]!r}"] = tab
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            for cell in tooltip_renders_markup(widget.model(), MARKER):
                found[f"item tooltip in {where}: {cell[:80]!r}"] = tab
    return found


@pytest.fixture
def offenders(qtbot: QtBot, hostile_window: tuple[MainWindow, Dataset]) -> dict[str, str]:
    """Every tab loaded and showing a hostile record in turn; what showed markup, by tab."""
    window, dataset = hostile_window
    window.load_all_tabs()
    shown: dict[str, str] = {
        "goalsTab": dataset.goals[0].id,
        "journalTab": dataset.feedback[0].id,
        "networkTab": dataset.contacts[0].id,
        "assessmentTab": dataset.assessments[-1].id,
    }
    found: dict[str, str] = {}
    for tab, record_id in shown.items():
        window.open_tab(tab, record_id)
        found |= _offenders(window)
    window.tab_page("networkTab").show_events()  # type: ignore[attr-defined]
    window.open_tab("networkTab", dataset.events[0].id)
    found |= _offenders(window)
    window.show_tab("overviewTab")
    found |= _offenders(window)
    texts = [label.text() for label in window.findChildren(QLabel)]
    assert any(MARKER in text for text in texts)  # the records are on screen somewhere
    return found


def test_no_label_or_tooltip_shows_user_text_as_markup(offenders: dict[str, str]) -> None:
    """Every tab, the Goals and the Overview included: offenders maps each to its tab."""
    assert sorted(offenders) == []
