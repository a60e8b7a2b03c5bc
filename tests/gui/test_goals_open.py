"""Opening the Goals tab: in one pass of the event loop the page shows the first goal's
details in full, each detail list measured once for its rows and width (not once per
cause), and the first paint already as the page settles (no list resized after it).
Done and dropped goals, hidden until asked for, are read when a filter lets them through."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor, QPalette, QUndoStack
from PySide6.QtWidgets import QApplication, QSplitter
from pytestqt.qtbot import QtBot

from ontrack.domain.clock import FixedClock
from ontrack.domain.enums import GoalStatus
from ontrack.domain.goals import Step
from ontrack.services.registry import Services
from ontrack.storage.database import open_data_file
from ontrack.ui.goals.fitted_list import FittedListView
from ontrack.ui.goals.page import GoalsPage
from ontrack.ui.goals.table_model import PROGRESS, TITLE
from ontrack.ui.roles import RECORD_ROLE
from ontrack.ui.tabs import goals as goals_tab
from ontrack.ui.tabs.base import TabContext


@pytest.fixture
def context(demo_file: Path, clock: FixedClock, settings: QSettings) -> Iterator[TabContext]:
    data = open_data_file(demo_file)
    undo = QUndoStack()
    yield TabContext(Services.create(data, clock), undo, clock, settings, lambda *a: None)
    undo.clear()
    data.close()


def opened(qtbot: QtBot, context: TabContext) -> GoalsPage:
    """As the benchmark opens it: build, show, load, and one pass of the event loop."""
    page = goals_tab.build(context)
    qtbot.addWidget(page)
    context.services.notifier.data_changed.connect(page.on_data_changed)  # as the window does
    page.resize(1280, 760)
    page.show()
    page.load()
    QApplication.processEvents()
    return page


def lists(page: GoalsPage) -> list[FittedListView]:
    detail = page.detail
    return [detail.steps.view, detail.checkins.view, detail.links_view]


def fits_its_rows(view: FittedListView) -> bool:
    """A list of a few rows shows them all, without a scroll bar."""
    rows = view.model().rowCount()
    if rows == 0:
        return True
    last = view.visualRect(view.model().index(rows - 1, 0))
    return view.verticalScrollBar().maximum() == 0 and last.bottom() <= view.viewport().height()


def test_the_first_pass_shows_the_first_goal_in_full(qtbot: QtBot, context: TabContext) -> None:
    page = opened(qtbot, context)
    first = page.model.item(0)
    assert page.view.currentIndex().data(RECORD_ROLE) == first
    goal = page.service.get(first.id)
    assert page.detail.isVisible()
    assert page.detail.title_edit.text() == goal.title
    assert page.detail.steps.model.rowCount() == len(goal.steps)
    assert page.detail.checkins.model.rowCount() == len(goal.checkins)
    for view in lists(page):
        assert view.fits == 1  # the reset, the new goal and the width: measured once
        assert fits_its_rows(view)
    heights = [view.height() for view in lists(page)]
    for _ in range(3):
        QApplication.processEvents()
    assert [view.height() for view in lists(page)] == heights  # nothing moved after paint
    assert [view.fits for view in lists(page)] == [1, 1, 1]


def test_another_goal_is_measured_once_and_a_narrower_panel_again(
    qtbot: QtBot, context: TabContext
) -> None:
    page = opened(qtbot, context)
    row = next(
        r for r in range(1, page.model.rowCount()) if 2 <= page.model.item(r).steps_total <= 10
    )
    before = [view.fits for view in lists(page)]
    page.view.selectRow(row)
    for _ in range(3):
        QApplication.processEvents()
    measured = [view.fits - n for view, n in zip(lists(page), before, strict=True)]
    assert all(n <= 1 for n in measured)  # once, however many causes
    assert all(n == 1 for n, view in zip(measured, lists(page), strict=True) if view.isVisible())
    assert all(fits_its_rows(view) for view in lists(page))

    # a narrower panel wraps the check-ins and links onto more lines: measured again as the
    # layout settles; the steps do not wrap, so they keep their height unmeasured
    before = [view.fits for view in lists(page)]
    splitter = page.findChild(QSplitter, "goalsSplitter")
    splitter.setSizes([splitter.width() - 300, 300])
    for _ in range(3):
        QApplication.processEvents()
    steps, checkins, links = lists(page)
    assert steps.fits == before[0]
    assert checkins.fits > before[1]
    assert links.fits > before[2] or not links.isVisible()
    assert all(fits_its_rows(view) for view in lists(page))


def test_every_goal_shows_its_lists_at_the_height_their_rows_need(
    qtbot: QtBot, context: TabContext
) -> None:
    """Going from goal to goal (with and without links, short and long lists, wrapped
    check-ins), each list ends as high as its rows need at its final width: also when its
    own scroll bar came and went, which narrows the rows but not the list."""
    page = opened(qtbot, context)
    page.show_closed.setChecked(True)
    for row in range(page.model.rowCount()):
        page.view.selectRow(row)
        QApplication.processEvents()
        for view in lists(page):
            if view.isVisible():
                assert view.height() == view.fitted_height(), (row, view.objectName())


def test_a_hidden_list_is_measured_when_shown(qtbot: QtBot, context: TabContext) -> None:
    page = goals_tab.build(context)
    qtbot.addWidget(page)
    page.load()  # loaded before it is ever shown
    QApplication.processEvents()
    assert [view.fits for view in lists(page)] == [0, 0, 0]
    page.resize(1280, 760)
    page.show()
    QApplication.processEvents()
    assert [view.fits for view in lists(page)] == [1, 1, 1]
    assert all(fits_its_rows(view) for view in lists(page))


def test_the_progress_column_paints_its_bar_on_the_row_background(
    qtbot: QtBot, context: TabContext
) -> None:
    page = opened(qtbot, context)
    view = page.view
    row = next(r for r in range(1, 8) if 20 <= page.model.item(r).progress <= 80)
    view.selectRow(row)
    view.setCurrentIndex(page.model.index(row, TITLE))  # the bar cell is not the current one
    QApplication.processEvents()
    image = view.viewport().grab().toImage()
    palette = view.palette()

    def colour_at(r: int, x: int, dy: int = 0) -> QColor:
        rect = view.visualRect(page.model.index(r, PROGRESS))
        return image.pixelColor(rect.left() + x, rect.center().y() + dy)

    highlight = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Highlight)
    assert colour_at(row, 2, -12) == highlight  # a selected cell: highlighted edge to edge
    assert colour_at(row - 1, 2, -12) != highlight
    # the bar starts 8 px in, filled in the accent colour (on white, over the track)
    assert colour_at(row - 1, 10).blue() > colour_at(row - 1, 10).red()
    rect = view.visualRect(page.model.index(row - 1, PROGRESS))
    figure = image.copy(rect.adjusted(rect.width() // 2, 0, 0, 0))
    assert any(  # the figure is drawn in text colour at the right
        figure.pixelColor(x, y).lightness() < 100
        for x in range(figure.width())
        for y in range(figure.height())
    )


def shown_ids(page: GoalsPage) -> set[str]:
    return {page.model.item(row).id for row in range(page.model.rowCount())}


def test_done_and_dropped_goals_are_read_when_ticked(qtbot: QtBot, context: TabContext) -> None:
    page = opened(qtbot, context)
    every = {item.id: item for item in page.service.items()}
    closed = {i for i, item in every.items() if item.status.is_closed}
    assert closed
    assert not page.model.complete
    assert shown_ids(page) == set(every) - closed
    assert page.count_label.text() == f"{len(every) - len(closed)} of {len(every)} goals"
    assert all(page.model.has(goal_id) for goal_id in closed)

    page.show_closed.setFocus()
    qtbot.keyClick(page.show_closed, Qt.Key.Key_Space)
    assert page.show_closed.isChecked()
    assert page.model.complete
    assert shown_ids(page) == set(every)
    assert page.count_label.text() == f"{len(every)} goals"


def test_a_closed_status_chosen_in_the_filter_reads_them(qtbot: QtBot, context: TabContext) -> None:
    page = opened(qtbot, context)
    done = {i.id for i in page.service.items() if i.status is GoalStatus.DONE}
    combo = page.status_filter
    combo.setFocus()
    combo.setCurrentIndex(combo.findData(GoalStatus.DONE.value))
    assert done
    assert shown_ids(page) == done


def test_a_closed_goal_not_read_yet_can_still_be_shown_and_changed(
    qtbot: QtBot, context: TabContext
) -> None:
    page = opened(qtbot, context)
    first, second = [i.id for i in page.service.items() if i.status.is_closed][:2]
    total = page.model.total()
    assert page.select_record(first)  # the Overview or the Journal jumping to it
    assert page.view.currentIndex().data(RECORD_ROLE).id == first
    assert page.detail.title_edit.text() == page.service.get(first).title
    assert page.model.complete
    assert page.model.total() == total

    other = opened(qtbot, context)  # a fresh page: closed goals unread again
    other.service.set_status(second, GoalStatus.IN_PROGRESS)  # reopened (by hand, say undo)
    assert second in shown_ids(other)  # it is open now: read and shown
    assert other.model.total() == total
    other.service.delete(first)
    assert not other.model.has(first)
    assert other.model.total() == total - 1


def test_a_long_step_ends_in_an_ellipsis_instead_of_scrolling_sideways(
    qtbot: QtBot, context: TabContext
) -> None:
    page = opened(qtbot, context)
    goal = page.service.get(page.model.item(0).id)
    long_text = " ".join(["Write down what the team needs from the next quarter"] * 4)
    page.service.save(replace(goal, steps=(Step("long", long_text), *goal.steps)))
    QApplication.processEvents()
    view = page.detail.steps.view
    assert view.horizontalScrollBar().maximum() == 0
    first = view.model().index(0, 0)
    assert view.visualRect(first).right() <= view.viewport().width()
    assert first.data(Qt.ItemDataRole.ToolTipRole).startswith(long_text)  # in full there
    assert fits_its_rows(view)
    # narrower: still no sideways scrolling (the row is elided as it is painted)
    splitter = page.findChild(QSplitter, "goalsSplitter")
    splitter.setSizes([splitter.width() - 300, 300])
    QApplication.processEvents()
    view.scrollTo(first)
    assert view.horizontalScrollBar().value() == 0
    assert not view.horizontalScrollBar().isVisible()
