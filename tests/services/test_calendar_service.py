"""Export to calendar through the service: the file's events, UIDs that survive edits and an
interchange round trip, and a write that is all or nothing."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from icalendar import Calendar

from ontrack.domain.clock import FixedClock
from ontrack.domain.dataset import Dataset
from ontrack.domain.enums import InteractionKind
from ontrack.domain.goals import Goal, Step
from ontrack.domain.journal import Feedback
from ontrack.domain.network import Contact, Interaction
from ontrack.interchange import json_codec
from ontrack.services.calendar import CalendarExportError, CalendarService
from ontrack.services.goals import GoalService
from ontrack.services.network import NetworkService
from ontrack.services.registry import Services
from ontrack.storage.database import open_data_file
from tests.conftest import TODAY

DATASET = Dataset(
    goals=(
        Goal("g1", "Lead the team", deadline=date(2027, 3, 1),
             steps=(Step("s1", "Ask for budget", due=date(2026, 12, 1)),)),
    ),
    feedback=(
        Feedback("f1", date(2026, 11, 1), source_name="Maya", follow_up_on=date(2026, 12, 5)),
    ),
    contacts=(
        Contact("c1", "Ana", reconnect_every_days=30, interactions=(
            Interaction("i1", date(2026, 11, 1), follow_up_on=date(2026, 12, 2)),
        )),
    ),
)  # fmt: skip


@pytest.fixture
def services(data_path: Path, clock: FixedClock) -> Iterator[Services]:
    with open_data_file(data_path) as data:
        services = Services.create(data, clock)
        services.transfer.import_dataset(DATASET)
        yield services


@pytest.fixture
def calendar(services: Services) -> CalendarService:
    return CalendarService(services.context)


def _events(path: Path) -> dict[str, tuple[str, date]]:
    calendar = Calendar.from_ical(path.read_bytes())
    return {
        str(e["uid"]): (str(e["summary"]), e.decoded("dtstart")) for e in calendar.walk("VEVENT")
    }


def test_export_writes_one_event_per_item_and_says_how_many(
    calendar: CalendarService, tmp_path: Path
) -> None:
    out = tmp_path / "ontrack.ics"
    assert calendar.export(out) == 5
    assert _events(out) == {
        "goal/g1@ontrack.local": ("Goal deadline: Lead the team", date(2027, 3, 1)),
        "step/g1/s1@ontrack.local": (
            "Step due: Ask for budget (goal Lead the team)", date(2026, 12, 1)
        ),
        "feedback/f1@ontrack.local": ("Follow up on feedback from Maya", date(2026, 12, 5)),
        "reconnect/c1@ontrack.local": ("Reconnect with Ana", date(2026, 12, 1)),
        "interaction/c1/i1@ontrack.local": ("Follow up with Ana", date(2026, 12, 2)),
    }  # fmt: skip
    assert [i.uid for i in calendar.items()] == list(_events(out))


def test_re_export_after_edits_keeps_uids_and_changes_only_what_changed(
    services: Services, calendar: CalendarService, tmp_path: Path
) -> None:
    first, second = tmp_path / "first.ics", tmp_path / "second.ics"
    calendar.export(first)
    goals = GoalService(services.context)
    goal = goals.get("g1")
    goals.save(dataclasses.replace(goal, title="Lead the platform team"))
    NetworkService(services.context).add_interaction(
        "c1", Interaction("i2", TODAY, InteractionKind.CALL)
    )
    calendar.export(second)
    before, after = _events(first), _events(second)
    # The new interaction settled the follow-up and moved the reconnect; same UID.
    assert set(before) - set(after) == {"interaction/c1/i1@ontrack.local"}
    assert set(after) <= set(before)
    changed = {uid for uid in after if after[uid] != before[uid]}
    assert changed == {
        "goal/g1@ontrack.local",
        "step/g1/s1@ontrack.local",
        "reconnect/c1@ontrack.local",
    }
    assert after["reconnect/c1@ontrack.local"][1] == date(2026, 12, 24)
    assert after["goal/g1@ontrack.local"][0] == "Goal deadline: Lead the platform team"


def test_uids_survive_an_interchange_export_and_import_into_a_new_file(
    services: Services, calendar: CalendarService, tmp_path: Path, clock: FixedClock
) -> None:
    calendar.export(tmp_path / "before.ics")
    json_path = tmp_path / "everything.json"
    json_codec.write_file(json_path, services.transfer.export_dataset(), clock.now())
    with open_data_file(tmp_path / "new.sqlite") as data:
        fresh = Services.create(data, clock)
        fresh.transfer.import_dataset(json_codec.read_file(json_path))
        CalendarService(fresh.context).export(tmp_path / "after.ics")
    assert (tmp_path / "after.ics").read_bytes() == (tmp_path / "before.ics").read_bytes()


def test_a_failed_write_leaves_the_old_file_whole_and_nothing_beside_it(
    calendar: CalendarService, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "calendars"
    folder.mkdir()
    out = folder / "ontrack.ics"
    out.write_bytes(b"the old calendar")

    def full_disk(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(CalendarExportError, match="No space left on device"):
        calendar.export(out)
    monkeypatch.undo()
    assert out.read_bytes() == b"the old calendar"
    assert [p.name for p in folder.iterdir()] == ["ontrack.ics"]


def test_an_unwritable_place_is_a_clear_error_and_no_file(
    calendar: CalendarService, tmp_path: Path
) -> None:
    missing = tmp_path / "no such folder" / "ontrack.ics"
    with pytest.raises(CalendarExportError) as raised:
        calendar.export(missing)
    assert str(raised.value).startswith(f"OnTrack could not write {missing}: ")
    assert "No such file or directory" in str(raised.value)
    assert not missing.parent.exists()


def test_exporting_announces_nothing(
    services: Services, calendar: CalendarService, tmp_path: Path
) -> None:
    heard: list[object] = []
    services.notifier.data_changed.connect(heard.append)
    calendar.export(tmp_path / "x.ics")
    assert heard == []
