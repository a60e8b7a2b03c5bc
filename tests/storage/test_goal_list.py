"""The goals table's queries, the status-by-hand flag of migration 2, and goal links."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from ontrack.domain.dataset import Dataset
from ontrack.domain.enums import GoalStatus
from ontrack.domain.goal_items import LinkKind
from ontrack.domain.goals import CheckIn, Goal, Step
from ontrack.domain.journal import Feedback
from ontrack.domain.network import Event
from ontrack.storage.database import open_data_file
from ontrack.storage.dataset_write import merge_dataset
from ontrack.storage.repositories import goal_list, goal_records

STEPS = (Step("1", "Enrol", done=True), Step("2", "Book the exam"), Step("3", "Pass"))


def test_items_count_steps_and_name_the_next_one(data_path: Path) -> None:
    with open_data_file(data_path) as data:
        merge_dataset(
            data,
            Dataset(
                goals=(
                    Goal("a", "Certify", steps=STEPS, checkins=(CheckIn("c", date(2026, 1, 1)),)),
                    Goal("b", "Network", deadline=date(2027, 1, 1)),
                )
            ),
        )
        first, second = goal_list.all_items(data)
        assert (first.steps_total, first.steps_done, first.next_step) == (3, 1, "Book the exam")
        assert first.steps_text == "1 of 3 · next: Book the exam"
        assert first.checkins == 1
        assert first.started
        assert (second.steps_text, second.deadline, second.started) == (
            "No steps yet",
            date(2027, 1, 1),
            False,
        )
        assert [i.id for i in goal_list.items_by_id(data, ["b", "zz"])] == ["b"]


def test_open_and_closed_items_split_every_goal(data_path: Path) -> None:
    with open_data_file(data_path) as data:
        merge_dataset(
            data,
            Dataset(
                goals=(
                    Goal("a", "Open", status=GoalStatus.AT_RISK),
                    Goal("b", "Done", status=GoalStatus.DONE, progress=100),
                    Goal("c", "Started", status=GoalStatus.IN_PROGRESS, steps=STEPS),
                    Goal("d", "Dropped", status=GoalStatus.DROPPED),
                )
            ),
        )
        every = goal_list.all_items(data)
        assert [i.id for i in goal_list.open_items(data)] == ["a", "c"]
        assert [i.id for i in goal_list.closed_items(data)] == ["b", "d"]
        assert sorted(goal_list.closed_ids(data)) == ["b", "d"]
        assert sorted(goal_list.open_items(data) + goal_list.closed_items(data)) == sorted(every)


def test_status_by_hand_defaults_off_and_import_keeps_choices_the_rules_never_make(
    data_path: Path,
) -> None:
    with open_data_file(data_path) as data:
        merge_dataset(
            data,
            Dataset(
                goals=(
                    Goal("a", "Plain", status=GoalStatus.ON_TRACK),
                    Goal("b", "Dropped", status=GoalStatus.DROPPED),
                    Goal("c", "Done early", status=GoalStatus.DONE, progress=60),
                )
            ),
        )
        assert [goal_list.status_by_hand(data, i) for i in "abc"] == [False, True, True]
        goal_list.set_status_by_hand(data, "a", True)
        # re-importing an existing goal keeps the flag (the merge writes interchange columns)
        merge_dataset(data, Dataset(goals=(Goal("a", "Plain again"),)))
        assert goal_list.status_by_hand(data, "a")


def test_delete_and_restore_keep_the_status_by_hand(data_path: Path) -> None:
    with open_data_file(data_path) as data:
        merge_dataset(data, Dataset(goals=(Goal("a", "Certify"),)))
        goal_list.set_status_by_hand(data, "a", True)
        removed = goal_records.delete_goal(data, "a")
        assert removed is not None
        assert removed.status_by_hand
        goal_records.restore_goal(data, removed)
        assert goal_list.status_by_hand(data, "a")


def test_links_list_feedback_and_events_newest_first(data_path: Path) -> None:
    with open_data_file(data_path) as data:
        merge_dataset(
            data,
            Dataset(
                goals=(Goal("g", "Speak"),),
                feedback=(
                    Feedback(
                        "f", date(2026, 3, 1), source_name="Ana", situation="Demo day\nx", goal="g"
                    ),
                ),
                events=(Event("e", "PyCon", date(2026, 5, 1), goal="g"),),
            ),
        )
        links = goal_list.links(data, "g")
        assert [(link.kind, link.id) for link in links] == [
            (LinkKind.EVENT, "e"),
            (LinkKind.FEEDBACK, "f"),
        ]
        assert links[0].title == "PyCon"
        assert links[1].title == "Constructive feedback from Ana: Demo day"
        assert goal_list.links(data, "none") == []


def test_step_and_check_in_counts_follow_every_change(data_path: Path) -> None:
    def counts() -> tuple[int, int, int]:
        item = goal_list.items_by_id(data, ["a"])[0]
        return item.steps_total, item.steps_done, item.checkins

    with open_data_file(data_path) as data:
        merge_dataset(data, Dataset(goals=(Goal("a", "Certify", steps=STEPS),)))
        assert counts() == (3, 1, 0)
        goal = goal_records.load_goal(data, "a")
        assert goal is not None
        goal_records.save_goal(
            data, replace(goal, steps=STEPS[1:], checkins=(CheckIn("c", date(2026, 1, 1)),))
        )
        assert counts() == (2, 0, 1)
        data.execute("UPDATE step SET done = 1 WHERE goal_id = 'a'")
        assert counts() == (2, 2, 1)
        data.execute("DELETE FROM checkin")
        assert counts() == (2, 2, 0)
