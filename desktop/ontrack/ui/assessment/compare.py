"""Two assessments side by side: pick an earlier and a later one, see every factor's
scores and the change between them, and both profiles on one chart."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.scoring import assessment_scores, compare_assessments
from ...services.assessments import AssessmentService
from ..look import mute
from ..paged_model import format_date
from .profile_chart import ProfileChart
from .score_model import FactorScoresTableModel


class CompareDialog(QDialog):
    def __init__(
        self,
        service: AssessmentService,
        first: str | None = None,
        second: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("compareDialog")
        self.setWindowTitle("Compare assessments")
        self._service = service
        choices = service.choices()
        self.before = QComboBox(objectName="compareBefore")
        self.after = QComboBox(objectName="compareAfter")
        for combo in (self.before, self.after):
            for uid, label in choices:
                combo.addItem(label, uid)
        # Newest first in the list: by default the chosen one against the one before it.
        after_index = self.after.findData(first) if first else 0
        after_index = max(after_index, 0)
        before_index = self.before.findData(second) if second else after_index + 1
        if before_index < 0 or before_index >= len(choices):
            before_index = min(after_index + 1, len(choices) - 1)
        self.after.setCurrentIndex(after_index)
        self.before.setCurrentIndex(before_index)
        form = QFormLayout()
        form.addRow("&Earlier:", self.before)
        form.addRow("&Later:", self.after)
        self.summary = QLabel(objectName="compareSummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        mute(self.summary)
        self.chart = ProfileChart()
        self.chart.setObjectName("compareChart")
        self.model = FactorScoresTableModel(self)
        self.table = QTableView(objectName="compareTable")
        self.table.setAccessibleName("Scores compared")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        side = QVBoxLayout()
        side.addLayout(form)
        side.addWidget(self.table)
        side.addWidget(self.summary)
        side.addStretch(1)
        body = QHBoxLayout()
        body.addWidget(self.chart, 1)
        body.addLayout(side, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(buttons)
        self.before.currentIndexChanged.connect(self.refresh)
        self.after.currentIndexChanged.connect(self.refresh)
        self.resize(1180, 580)
        self.refresh()
        self.table.verticalHeader().setDefaultSectionSize(30)
        # The header asked for again, not the wrapper from above: after a dialog of an
        # earlier window was freed, PySide could hand out a wrapper that a collection during
        # refresh() marked deleted ("Internal C++ object already deleted", seen in the suite).
        self.table.setFixedHeight(
            self.table.horizontalHeader().sizeHint().height()
            + sum(self.table.rowHeight(r) for r in range(self.model.rowCount()))
            + 2 * self.table.frameWidth()
        )

    def refresh(self) -> None:
        before_id, after_id = self.before.currentData(), self.after.currentData()
        if before_id is None or after_id is None:
            return
        content = self._service.content
        before = self._service.get(before_id)
        after = self._service.get(after_id)
        after_scores = assessment_scores(content, after)
        before_scores = assessment_scores(content, before)
        self.model.set_scores(
            after_scores, own_title="Later", earlier=before_scores, earlier_title="Earlier"
        )
        self.chart.set_profile(
            after_scores, f"Later ({format_date(after.taken_on)})",
            before_scores, f"Earlier ({format_date(before.taken_on)})",
        )  # fmt: skip
        deltas = [d for d in compare_assessments(content, before, after) if d.change]
        up = [f"{d.factor.label} {d.change:+d}" for d in deltas if d.change and d.change > 0]
        down = [f"{d.factor.label} {d.change:+d}" for d in deltas if d.change and d.change < 0]
        lines = [
            "Better: " + (", ".join(up) if up else "none"),
            "Lower: " + (", ".join(down) if down else "none"),
        ]
        if before_id == after_id:
            lines = ["Choose two different assessments to see what changed."]
        self.summary.setText("\n".join(lines))
