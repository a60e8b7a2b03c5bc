"""The records of a tab, shown the same way in every tab: a sortable table of whole rows,
one selected at a time, and in its place, while no row is shown, a sentence saying why
(no records yet, or none matching the search)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QTableView,
)

from .look import mute


def record_table(
    name: str, spoken: str, model: QAbstractItemModel, *, stretch: int, row_height: int
) -> QTableView:
    """A read-only table over `model`, sorted by its default; `stretch` is the column
    that takes the width left over (the record's name or title)."""
    table = QTableView()
    table.setObjectName(name)
    table.setAccessibleName(spoken)
    table.setModel(model)
    default_sort = getattr(model, "default_sort", None)
    if default_sort is not None:
        table.horizontalHeader().setSortIndicator(*default_sort())
    table.setSortingEnabled(True)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setShowGrid(False)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(row_height)
    header = table.horizontalHeader()
    header.setHighlightSections(False)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def with_empty_state(table: QTableView, name: str) -> tuple[QStackedWidget, QLabel]:
    """The table and, on the same spot, the label shown instead while it has no rows
    (the page says which is shown, and what the label says)."""
    label = QLabel()
    label.setObjectName(name)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    mute(label, 1.2)
    stack = QStackedWidget()
    stack.addWidget(table)
    stack.addWidget(label)
    return stack, label
