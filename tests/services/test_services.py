"""Services: one transaction per use case, a change announced for each, and the listings."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtGui import QUndoStack

from ontrack.commands.profile import EditProfileCommand
from ontrack.domain.agenda import AttentionKind
from ontrack.domain.clock import FixedClock
from ontrack.domain.dataset import Dataset, Profile
from ontrack.domain.enums import FeedbackKind, GoalStatus
from ontrack.domain.goals import Goal, Step
from ontrack.domain.journal import Feedback
from ontrack.domain.network import Contact, Interaction
from ontrack.services.change import Change, Topic
from ontrack.services.listings import Page
from ontrack.services.registry import Services
from ontrack.storage.database import open_data_file


@pytest.fixture
def services(data_path: Path, clock: FixedClock) -> Iterator[Services]:
    data = open_data_file(data_path)
    yield Services.create(data, clock)
    data.close()


@pytest.fixture
def changes(services: Services) -> list[Change]:
    seen: list[Change] = []
    services.notifier.data_changed.connect(seen.append)
    return seen


def test_profile_update_returns_the_old_one_and_announces(
    services: Services, changes: list[Change]
) -> None:
    old = services.profile.update(Profile("Dana", "Engineer", "Manager"))
    assert old == Profile()
    assert services.profile.get() == Profile("Dana", "Engineer", "Manager")
    assert changes == [Change.of(Topic.PROFILE)]


def test_edit_profile_command_undoes_and_redoes(services: Services) -> None:
    stack = QUndoStack()
    new = Profile("Zoë", "IC", "Lead")
    stack.push(EditProfileCommand(services.profile, Profile(), new))
    assert services.profile.get() == new
    stack.undo()
    assert services.profile.get() == Profile()
    stack.redo()
    assert services.profile.get() == new
    assert stack.undoText() == "Edit profile"


def test_import_counts_new_and_replaced(services: Services, changes: list[Change]) -> None:
    first = Dataset(goals=(Goal("g1", "One"), Goal("g2", "Two")))
    summary = services.transfer.import_dataset(first)
    assert (summary.added, summary.replaced) == (2, 0)
    second = Dataset(goals=(Goal("g2", "Two again"), Goal("g3", "Three")))
    summary = services.transfer.import_dataset(second)
    assert (summary.added, summary.replaced) == (1, 1)
    assert [g.title for g in services.transfer.export_dataset().goals] == [
        "One",
        "Two again",
        "Three",
    ]
    assert changes[-1] == Change.everything()


def _goal(goal_id: str, title: str, deadline: date | None, status: GoalStatus, done: int) -> Goal:
    steps = tuple(Step(f"{goal_id}-{n}", f"step {n}", n < done) for n in range(3))
    return Goal(goal_id, title, deadline=deadline, status=status, steps=steps)


def test_contact_listing_sorts_pages_and_refuses_unknown_orders(services: Services) -> None:
    services.transfer.import_dataset(
        Dataset(
            contacts=(
                Contact("a", "beta", met_on=date(2026, 1, 1)),
                Contact("b", "Alpha"),
                Contact("c", "gamma", met_on=date(2025, 6, 1)),
            )
        )
    )
    listings = services.listings
    assert [c.id for c in listings.contacts(Page("name"))] == ["b", "a", "c"]
    assert [c.id for c in listings.contacts(Page("name", descending=True))] == ["c", "a", "b"]
    assert [c.id for c in listings.contacts(Page("name", offset=1, limit=1))] == ["a"]
    with pytest.raises(ValueError, match="unknown sort order"):
        listings.contacts(Page("name; DROP TABLE contact"))


def test_counts_use_the_clock(services: Services, clock: FixedClock) -> None:
    today = clock.today()
    services.transfer.import_dataset(
        Dataset(
            goals=(
                _goal("late", "late", date(2020, 1, 1), GoalStatus.IN_PROGRESS, 0),
                _goal("risk", "risk", None, GoalStatus.AT_RISK, 0),
                _goal("done", "done", date(2020, 1, 1), GoalStatus.DONE, 3),
            ),
            feedback=(
                Feedback("f1", today, FeedbackKind.CONSTRUCTIVE, follow_up_on=today),
                Feedback("f2", today, FeedbackKind.REQUEST),
                Feedback("f3", today, follow_up_on=today, followed_up_on=today),
            ),
            contacts=(
                Contact(
                    "k1",
                    "Due",
                    reconnect_every_days=30,
                    interactions=(Interaction("i", date(2026, 1, 1)),),
                ),
                Contact("k2", "Fine", reconnect_every_days=30, met_on=today),
                Contact("k3", "No cadence"),
            ),
        )
    )
    agenda = services.agenda.attention(settle=False)  # the statuses as stored
    assert {g.kind: g.total for g in agenda.groups} == {
        AttentionKind.GOAL_OVERDUE: 1,
        AttentionKind.GOAL_AT_RISK: 1,
        AttentionKind.FOLLOW_UP_DUE: 1,
        AttentionKind.REQUEST_OPEN: 1,
        AttentionKind.RECONNECT_DUE: 1,
    }
    assert services.listings.contact_count() == 3
    contacts = {c.name: c for c in services.listings.contacts(Page("name"))}
    assert contacts["Due"].next_reconnect == date(2026, 1, 31)
    assert contacts["Fine"].next_reconnect == date(2026, 12, 24)
    assert contacts["No cadence"].next_reconnect is None
