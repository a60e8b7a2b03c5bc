"""Nothing cut off: at 1280×800 on the large demo, no date, number or status in any table of
any tab is elided ("22 Nov 2…"); each such cell's text fits its column."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyleOptionViewItem, QTableView
from pytestqt.qtbot import QtBot

from ontrack.ui.main_window import MainWindow

DATE = re.compile(r"^\d{1,2} [A-Z][a-z]{2} \d{4}$")
NUMBER = re.compile(r"^[\d,.\s%/]+$")
STATUS_TITLES = {"Status"}


@pytest.fixture
def large_file(large_demo_file: Path, tmp_path: Path) -> Path:
    path = tmp_path / "large.sqlite"
    shutil.copyfile(large_demo_file, path)  # the window writes (backups, settings): a copy
    return path


def cut_cells(view: QTableView, rows: int = 60) -> list[str]:
    """The date, number and status cells among the first `rows` whose text needs more room
    than its column has, in words."""
    model = view.model()
    header = view.horizontalHeader()
    found = []
    for column in range(header.count()):
        if view.isColumnHidden(column):
            continue
        title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        for row in range(min(view.verticalHeader().count(), rows)):
            index = model.index(row, column)
            text = str(index.data() or "")
            if not (DATE.match(text) or NUMBER.match(text) or title in STATUS_TITLES):
                continue
            option = QStyleOptionViewItem()
            option.initFrom(view)
            option.font = view.font()
            needed = view.itemDelegateForIndex(index).sizeHint(option, index).width()
            if needed > view.columnWidth(column):
                found.append(f"{view.objectName()} {title!r}: {text!r} needs {needed} px")
                break
    return found


def test_no_date_number_or_status_is_cut_at_1280_by_800(
    qtbot: QtBot, open_window: Callable[[Path], MainWindow], large_file: Path
) -> None:
    window = open_window(large_file)
    window.resize(1280, 800)
    found: list[str] = []
    for name in window.pages:
        window.show_tab(name)
        qtbot.wait(10)  # the layout settles on the next turn of the event loop
        for view in window.findChildren(QTableView):
            if view.isVisible():
                found += cut_cells(view)
    assert found == []
