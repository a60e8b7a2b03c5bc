"""The row above the goals table that narrows it: search, status, factor, and whether done
and dropped goals show. It says what it asks for as a `GoalFilter`."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLineEdit, QWidget

from ...domain.enums import Factor, GoalStatus
from .table_model import GoalFilter


class GoalsFilterBar(QWidget):
    changed = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setObjectName("goalsSearch")
        self.search.setPlaceholderText("Search goals and next steps (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search goals")
        self.search.setMinimumWidth(120)
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("goalsStatusFilter")
        self.status_filter.addItem("Any status", None)
        self.status_filter.addItem("Needs attention (at risk)", GoalStatus.AT_RISK.value)
        for status in GoalStatus:
            if status is not GoalStatus.AT_RISK:
                self.status_filter.addItem(status.label, status.value)
        self.status_filter.setToolTip("Show only goals with this status")
        self.factor_filter = QComboBox()
        self.factor_filter.setObjectName("goalsFactorFilter")
        self.factor_filter.addItem("Any factor", None)
        for factor in Factor:
            self.factor_filter.addItem(factor.label, factor.value)
        self.factor_filter.setToolTip("Show only goals that work on this derailer")
        for combo in (self.status_filter, self.factor_filter):
            # let the window shrink: the combos may show their text elided
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(8)
        self.show_closed = QCheckBox("Show done and dropped")
        self.show_closed.setObjectName("goalsShowClosed")

        self.search.textChanged.connect(self.changed)
        self.status_filter.currentIndexChanged.connect(self.changed)
        self.factor_filter.currentIndexChanged.connect(self.changed)
        self.show_closed.toggled.connect(self.changed)

        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.search, 2)
        row.addWidget(self.status_filter, 1)
        row.addWidget(self.factor_filter, 1)
        row.addWidget(self.show_closed)

    def goal_filter(self) -> GoalFilter:
        status = self.status_filter.currentData()
        factor = self.factor_filter.currentData()
        return GoalFilter(
            text=self.search.text().strip(),
            statuses=frozenset({GoalStatus(status)}) if status else frozenset(),
            factor=Factor(factor) if factor else None,
            show_closed=self.show_closed.isChecked(),
        )

    def show_everything(self, closed_too: bool) -> None:
        """Clear the search and filters (so that a goal about to be shown is not hidden)."""
        self.search.clear()
        self.status_filter.setCurrentIndex(0)
        self.factor_filter.setCurrentIndex(0)
        if closed_too:
            self.show_closed.setChecked(True)
