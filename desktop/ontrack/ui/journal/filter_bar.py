"""The Journal's search box and filters (kind, factor, tag, date range, needs follow-up);
they combine, and every change becomes one JournalQuery."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

from ...domain.enums import Factor, FeedbackKind
from ...domain.journal_query import JournalQuery
from ..date_entry import DateEntry

SEARCH_DELAY_MS = 150


class JournalFilterBar(QWidget):
    query_changed = Signal(object)  # a JournalQuery

    def __init__(self, today: Callable[[], date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self.search = QLineEdit()
        self.search.setObjectName("journalSearch")
        self.search.setAccessibleName("Search the journal")
        self.search.setPlaceholderText("Search every word you wrote (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        self.search.setToolTip("Finds entries containing all these words (or words starting so)")
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self._emit)
        self.search.textChanged.connect(lambda _: self._timer.start())
        self.search.returnPressed.connect(self._emit)

        self.kind = QComboBox()
        self.kind.setObjectName("journalKindFilter")
        self.kind.addItem("Any kind", None)
        for kind in FeedbackKind:
            self.kind.addItem(kind.label, kind.value)
        self.factor = QComboBox()
        self.factor.setObjectName("journalFactorFilter")
        self.factor.addItem("Any factor", None)
        for factor in Factor:
            self.factor.addItem(factor.label, factor.value)
        self.tag = QComboBox()
        self.tag.setObjectName("journalTagFilter")
        self.tag.addItem("Any tag", None)
        self.since = self._date_edit("journalSince", "From any day")
        self.until = self._date_edit("journalUntil", "To any day")
        self.needs_follow_up = QCheckBox("Follow-ups due and re&quests")
        self.needs_follow_up.setObjectName("journalNeedsFollowUp")
        self.needs_follow_up.setToolTip(
            "Only entries whose follow-up is due and requests still waiting for an answer"
        )
        self.clear_button = QPushButton("Clear filters")
        self.clear_button.setToolTip("Show every entry again")
        self.clear_button.clicked.connect(self.clear)
        for combo in (self.kind, self.factor, self.tag):
            combo.currentIndexChanged.connect(lambda _: self._emit())
            # Long factor names or tags must not make the window wider than the screen.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(6)
        for edit in (self.since, self.until):
            edit.edited.connect(self._emit)
        self.needs_follow_up.toggled.connect(lambda _: self._emit())

        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setHorizontalSpacing(8)
        layout.addWidget(self.search, 0, 0, 1, 3)
        layout.addWidget(self.needs_follow_up, 0, 3)
        layout.addWidget(self.clear_button, 0, 4)
        layout.addWidget(self.kind, 1, 0)
        layout.addWidget(self.factor, 1, 1)
        layout.addWidget(self.tag, 1, 2)
        layout.addWidget(self.since, 1, 3)
        layout.addWidget(self.until, 1, 4)
        for column in range(5):
            layout.setColumnStretch(column, 1)
        self._last = JournalQuery()

    def _date_edit(self, name: str, none_text: str) -> DateEntry:
        # Spoken "From date"; empty reads "From any day", and a date narrows the list.
        edit = DateEntry(
            none_text.replace(" any day", " date"), none_text=none_text, today=self._today
        )
        edit.setObjectName(name)
        return edit

    def set_tags(self, tags: list[str]) -> None:
        chosen = self.tag.currentData()
        self.tag.blockSignals(True)
        try:
            self.tag.clear()
            self.tag.addItem("Any tag", None)
            for tag in tags:
                self.tag.addItem(tag, tag)
            self.tag.setCurrentIndex(max(0, self.tag.findData(chosen)))
        finally:
            self.tag.blockSignals(False)

    def query(self) -> JournalQuery:
        def day(edit: DateEntry) -> date | None:
            return edit.value_or(None)  # while the text is not a date, it does not narrow

        return JournalQuery(
            text=self.search.text(),
            kind=FeedbackKind(kind) if (kind := self.kind.currentData()) else None,
            factor=Factor(factor) if (factor := self.factor.currentData()) else None,
            tag=self.tag.currentData(),
            since=day(self.since),
            until=day(self.until),
            needs_follow_up=self.needs_follow_up.isChecked(),
        )

    def clear(self) -> None:
        widgets = (self.search, self.kind, self.factor, self.tag, self.since, self.until)
        for widget in (*widgets, self.needs_follow_up):
            widget.blockSignals(True)
        try:
            self.search.clear()
            for combo in (self.kind, self.factor, self.tag):
                combo.setCurrentIndex(0)
            self.since.set_value(None)
            self.until.set_value(None)
            self.needs_follow_up.setChecked(False)
        finally:
            for widget in (*widgets, self.needs_follow_up):
                widget.blockSignals(False)
        self._emit()

    def flush(self) -> None:
        """Apply typed search text now (instead of after the short pause)."""
        if self._timer.isActive():
            self._emit()

    def _emit(self) -> None:
        self._timer.stop()
        query = self.query()
        if query != self._last:
            self._last = query
            self.query_changed.emit(query)
