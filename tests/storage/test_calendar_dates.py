"""The calendar export's reads on a real file: each kind in or out by the same rules as the
domain, and the same items as the domain finds in the whole dataset."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from ontrack.demo import generate
from ontrack.domain import calendar
from ontrack.domain.calendar import CalendarKind
from ontrack.domain.dataset import Dataset
from ontrack.domain.enums import GoalStatus
from ontrack.domain.goals import Goal, Step
from ontrack.domain.journal import Feedback
from ontrack.domain.network import Contact, Interaction
from ontrack.storage.connection import DataFile
from ontrack.storage.database import open_data_file
from ontrack.storage.dataset_read import load_dataset
from ontrack.storage.dataset_write import merge_dataset
from ontrack.storage.repositories.calendar_dates import calendar_items

TODAY = date(2026, 11, 24)
DAY = date(2026, 12, 10)


@pytest.fixture
def data(data_path: Path) -> Iterator[DataFile]:
    with open_data_file(data_path) as opened:
        yield opened


def _store(data: DataFile, dataset: Dataset) -> None:
    with data.transaction():
        merge_dataset(data, dataset)


MIXED = Dataset(
    goals=(
        Goal("open", "Open goal", deadline=DAY, status=GoalStatus.AT_RISK,
             steps=(Step("s1", "Open step", due=DAY), Step("s2", "Done step", True, DAY, DAY),
                    Step("s3", "Undated step"))),
        Goal("done", "Done goal", deadline=DAY, status=GoalStatus.DONE, progress=100,
             steps=(Step("s1", "Left over", due=DAY),)),
        Goal("dropped", "Dropped goal", deadline=DAY, status=GoalStatus.DROPPED),
        Goal("undated", "No deadline"),
    ),
    feedback=(
        Feedback("due", date(2026, 11, 1), source_name="Maya", follow_up_on=DAY),
        Feedback("settled", date(2026, 11, 1), follow_up_on=DAY, followed_up_on=TODAY),
        Feedback("none", date(2026, 11, 1)),
    ),
    contacts=(
        Contact("cadence", "Ana", reconnect_every_days=30,
                interactions=(Interaction("i1", date(2026, 11, 10), follow_up_on=DAY),)),
        Contact("no-cadence", "Ben", met_on=date(2026, 1, 1),
                interactions=(Interaction("i1", date(2026, 1, 1), follow_up_on=date(2026, 1, 9)),
                              Interaction("i2", date(2026, 2, 1)))),
        Contact("never", "Cy", reconnect_every_days=7),
    ),
)  # fmt: skip


def test_each_kind_is_in_or_out_as_the_rules_say(data: DataFile) -> None:
    _store(data, MIXED)
    items = calendar_items(data, TODAY)
    assert sorted((i.kind, i.record_id) for i in items) == sorted(
        [
            (CalendarKind.GOAL_DEADLINE, "open"),
            (CalendarKind.STEP_DUE, "open"),
            (CalendarKind.FEEDBACK_FOLLOW_UP, "due"),
            (CalendarKind.RECONNECT, "cadence"),
            (CalendarKind.RECONNECT, "never"),
            (CalendarKind.INTERACTION_FOLLOW_UP, "cadence"),
        ]
    )
    by_uid = {i.uid: i for i in items}
    assert by_uid["step/open/s1@ontrack.local"].day == DAY
    assert by_uid["reconnect/cadence@ontrack.local"].day == date(2026, 12, 10)
    assert by_uid["reconnect/never@ontrack.local"].day == TODAY  # nothing to count from
    assert by_uid["interaction/cadence/i1@ontrack.local"].day == DAY
    assert items == calendar.calendar_items(MIXED, TODAY)


def test_settling_things_takes_them_out_and_logging_moves_the_reconnect(data: DataFile) -> None:
    _store(data, MIXED)
    before = {i.uid: i for i in calendar_items(data, TODAY)}
    with data.transaction():
        data.execute("UPDATE step SET done = 1, done_on = ? WHERE uid = 's1'", (TODAY.isoformat(),))
        data.execute(
            "UPDATE feedback SET followed_up_on = ? WHERE id = 'due'", (TODAY.isoformat(),)
        )
        data.execute(
            "INSERT INTO interaction (contact_id, uid, position, date, kind, notes) "
            "VALUES ('cadence', 'i2', 1, ?, 'call', '')",
            (TODAY.isoformat(),),
        )
    after = {i.uid: i for i in calendar_items(data, TODAY)}
    assert set(before) - set(after) == {
        "step/open/s1@ontrack.local",
        "feedback/due@ontrack.local",
        "interaction/cadence/i1@ontrack.local",
    }
    reconnect = "reconnect/cadence@ontrack.local"
    assert after[reconnect].day == date(2026, 12, 24)  # moved, same UID
    assert after[reconnect].day != before[reconnect].day


def test_reads_inside_a_callers_transaction_too(data: DataFile) -> None:
    _store(data, MIXED)
    with data.transaction():
        assert len(calendar_items(data, TODAY)) == 6


def test_an_empty_file_has_no_dates(data: DataFile) -> None:
    assert calendar_items(data, TODAY) == []


def test_the_demo_file_gives_what_the_domain_finds_in_its_dataset(data: DataFile) -> None:
    _store(data, generate("small", 3, TODAY))
    items = calendar_items(data, TODAY)
    assert items == calendar.calendar_items(load_dataset(data), TODAY)
    assert {i.kind for i in items} == set(CalendarKind)
    assert len({i.uid for i in items}) == len(items)
