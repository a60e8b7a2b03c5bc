"""Every Goals-tab model passes pytest-qt's model tester, and the table sorts and filters
through its sort role."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from ontrack.domain.content import load_content
from ontrack.domain.enums import Factor, GoalStatus
from ontrack.domain.goal_items import GoalItem, GoalLink, LinkKind
from ontrack.domain.goals import CheckIn, Goal, Step
from ontrack.files.resources import resource_path
from ontrack.ui.goals.checkins import CheckInsListModel
from ontrack.ui.goals.links import GoalLinksListModel
from ontrack.ui.goals.steps import StepsListModel
from ontrack.ui.goals.table_model import (
    DEADLINE,
    FACTOR,
    STATUS,
    TITLE,
    GoalFilter,
    GoalsTableModel,
)
from ontrack.ui.goals.templates import GoalTemplatesListModel, choices
from ontrack.ui.roles import ATTENTION_ROLE, RECORD_ROLE, SORT_ROLE

TODAY = date(2026, 11, 24)


@pytest.fixture(autouse=True)
def _application(qapp) -> None:  # type: ignore[no-untyped-def]
    """Models paint icons, which needs a QApplication even without any widget."""


def item(n: int, title: str, **changes: object) -> GoalItem:
    values: dict[str, object] = {
        "id": f"g{n}", "seq": n, "title": title, "deadline": None,
        "status": GoalStatus.IN_PROGRESS, "progress": 10 * n, "factor": None,
        "created_on": date(2026, 1, 1), "status_by_hand": False, "steps_total": 0,
        "steps_done": 0, "next_step": None, "checkins": 0,
    }  # fmt: skip
    values.update(changes)
    return GoalItem(**values)  # type: ignore[arg-type]


ITEMS = [
    item(1, "Obtain a certification", deadline=date(2027, 1, 1), factor=Factor.VISION,
         steps_total=5, steps_done=2, next_step="Book the exam"),
    item(2, "expand network", deadline=date(2026, 10, 1), status=GoalStatus.AT_RISK,
         factor=Factor.PEOPLE),
    item(3, "Present at a meetup", status=GoalStatus.DONE),
    item(4, "Ask for feedback weekly", status=GoalStatus.DROPPED, factor=Factor.IMPACT),
    item(5, "Mentor a junior", deadline=date(2027, 3, 1), created_on=date(2026, 10, 1)),
]  # fmt: skip


def test_goals_table_model_passes_the_model_tester(qtmodeltester: ModelTester) -> None:
    edits: list[tuple[str, int, object]] = []
    model = GoalsTableModel(TODAY, lambda i, c, v: edits.append((i.id, c, v)) is None)
    qtmodeltester.check(model)
    model.set_items(ITEMS)
    qtmodeltester.check(model)
    model.sort(DEADLINE, Qt.SortOrder.DescendingOrder)
    model.set_filter(GoalFilter(text="e", show_closed=True))
    qtmodeltester.check(model)
    assert model.setData(model.index(0, TITLE), "Renamed")
    assert edits[0][1:] == (TITLE, "Renamed")


def test_unread_goals_count_and_come_in_with_the_filter_that_shows_them(
    qtmodeltester: ModelTester,
) -> None:
    model = GoalsTableModel(TODAY)
    opened = [i for i in ITEMS if not i.status.is_closed]
    closed = [i for i in ITEMS if i.status.is_closed]
    model.set_items(opened, [i.id for i in closed])
    qtmodeltester.check(model)
    assert not model.complete
    assert model.total() == len(ITEMS)
    assert all(model.has(i.id) for i in ITEMS)
    assert model.rowCount() == len(opened)
    assert not GoalFilter().shows_closed
    assert GoalFilter(statuses=frozenset({GoalStatus.DONE})).shows_closed
    model.set_filter(GoalFilter(show_closed=True), closed)
    qtmodeltester.check(model)
    assert model.complete
    assert model.total() == model.rowCount() == len(ITEMS)
    model.update_items([], gone=[closed[0].id])
    assert not model.has(closed[0].id)
    assert model.total() == len(ITEMS) - 1


def test_done_and_dropped_are_hidden_unless_asked_for() -> None:
    model = GoalsTableModel(TODAY)
    model.set_items(ITEMS)
    # soonest deadline first
    assert [model.item(r).id for r in range(model.rowCount())] == ["g2", "g1", "g5"]
    model.set_filter(GoalFilter(show_closed=True))
    assert model.rowCount() == 5
    model.set_filter(GoalFilter(statuses=frozenset({GoalStatus.DONE})))
    assert [model.item(r).id for r in range(model.rowCount())] == ["g3"]
    model.set_filter(GoalFilter(factor=Factor.PEOPLE))
    assert [model.item(r).id for r in range(model.rowCount())] == ["g2"]
    model.set_filter(GoalFilter(text="BOOK THE"))  # the next step is searched too
    assert [model.item(r).id for r in range(model.rowCount())] == ["g1"]


@pytest.mark.parametrize("column", range(6))
def test_every_column_sorts_by_its_sort_role(column: int) -> None:
    model = GoalsTableModel(TODAY)
    model.set_items(ITEMS)
    model.set_filter(GoalFilter(show_closed=True))
    for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
        model.sort(column, order)
        keys = [model.index(r, column).data(SORT_ROLE) for r in range(model.rowCount())]
        present = [k for k in keys if k is not None]
        assert present == sorted(present, reverse=order == Qt.SortOrder.DescendingOrder)
        assert keys[len(present) :] == [None] * (len(keys) - len(present))  # blanks last


def test_overdue_and_at_risk_stand_out_by_icon_and_words_not_colour_alone() -> None:
    model = GoalsTableModel(TODAY)
    model.set_items(ITEMS)
    row = model.row_of("g2")
    assert model.index(row, TITLE).data(Qt.ItemDataRole.DecorationRole) is not None
    assert model.index(row, TITLE).data(ATTENTION_ROLE) == "Overdue by 54 days"
    assert model.index(row, TITLE).data(Qt.ItemDataRole.ToolTipRole).startswith("Overdue by")
    assert "Overdue by 54 days" in model.index(row, STATUS).data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(row, STATUS).data() == "Overdue"  # the word it has everywhere
    assert model.index(row, DEADLINE).data(Qt.ItemDataRole.ForegroundRole) is not None
    calm = model.row_of("g5")
    assert model.index(calm, TITLE).data(Qt.ItemDataRole.DecorationRole) is None
    assert model.index(calm, DEADLINE).data(Qt.ItemDataRole.ForegroundRole) is None
    assert model.index(calm, FACTOR).data() == "—"
    assert model.index(calm, TITLE).data(RECORD_ROLE).id == "g5"


def test_list_models_pass_the_model_tester(qtmodeltester: ModelTester) -> None:
    changes: list[Goal] = []
    steps = StepsListModel(lambda: TODAY, lambda goal, text, key: changes.append(goal))
    qtmodeltester.check(steps)
    goal = Goal("g", "Certify", steps=(Step("a", "Enrol", due=TODAY), Step("b", "Study")))
    steps.set_goal(goal)
    qtmodeltester.check(steps)
    assert steps.setData(
        steps.index(0), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole
    )
    assert changes[-1].steps[0].done_on == TODAY

    checkins = CheckInsListModel()
    qtmodeltester.check(checkins)
    checkins.set_checkins(
        (CheckIn("1", date(2026, 1, 1), "first"), CheckIn("2", date(2026, 2, 1), "later", 40))
    )
    qtmodeltester.check(checkins)
    assert checkins.index(0).data() == "1 Feb 2026 · 40 %\nlater"

    links = GoalLinksListModel()
    qtmodeltester.check(links)
    links.set_links([GoalLink(LinkKind.EVENT, "e", date(2026, 5, 1), "PyCon")])
    qtmodeltester.check(links)
    assert links.index(0).data() == "Event · 1 May 2026 · PyCon"

    rows = choices(load_content(resource_path("content")))
    templates = GoalTemplatesListModel(rows)
    qtmodeltester.check(templates)
    assert len(rows) == 3 * len(Factor)
    made = rows[0].goal(TODAY)
    assert made.factor is Factor.PEOPLE
    assert len(made.steps) == len(rows[0].template.steps)
    assert made.deadline == TODAY + timedelta(weeks=rows[0].template.weeks)


def test_steps_model_moves_by_drop(tmp_path: Path) -> None:
    changes: list[Goal] = []
    model = StepsListModel(lambda: TODAY, lambda goal, text, key: changes.append(goal))
    model.set_goal(Goal("g", "x", steps=tuple(Step(s, s) for s in "abc")))
    mime = model.mimeData([model.index(0)])
    assert model.dropMimeData(mime, Qt.DropAction.MoveAction, 3, 0, model.index(-1)) is False
    assert [s.id for s in changes[-1].steps] == ["b", "c", "a"]
    mime = model.mimeData([model.index(2)])
    model.dropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, model.index(-1))
    assert [s.id for s in changes[-1].steps] == ["c", "a", "b"]


def test_steps_model_updates_the_same_steps_in_place(qtmodeltester: ModelTester) -> None:
    model = StepsListModel(lambda: TODAY, lambda goal, text, key: None)
    goal = Goal("g", "x", steps=tuple(Step(s, s) for s in "abc"))
    model.set_goal(goal)
    resets: list[bool] = []
    changed: list[tuple[int, int]] = []
    model.modelReset.connect(lambda: resets.append(True))
    model.dataChanged.connect(lambda first, last: changed.append((first.row(), last.row())))
    renamed = replace(goal, title="y", steps=(goal.steps[0], Step("b", "B"), goal.steps[2]))
    model.set_goal(renamed)  # same steps, same order: only the renamed row is told
    assert (resets, changed) == ([], [(1, 1)])
    assert model.index(1).data() == "B"
    qtmodeltester.check(model)
    model.set_goal(replace(renamed, steps=renamed.steps[::-1]))  # a new order: reset
    assert resets == [True]
    assert model.index(0).data() == "c"
