"""A tab that lists records: a heading, a one-line explanation, and a sortable table
that loads lazily. When the list is empty it says so, and what to do about it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...services.change import Change, Topic
from ..look import heading_font, mute
from ..paged_model import PagedTableModel


class TableTab(QWidget):
    def __init__(
        self,
        title: str,
        explanation: str,
        empty_text: str,
        model: PagedTableModel,
        view_name: str,
        topics: tuple[Topic, ...] = (),
        stretch_column: int = 0,
        widths: dict[int, int] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = model
        self._topics = topics
        self._widths = widths or {}
        heading = QLabel(title)
        heading.setFont(heading_font(self.font()))
        heading.setTextFormat(Qt.TextFormat.PlainText)
        blurb = QLabel(explanation)
        blurb.setWordWrap(True)
        blurb.setTextFormat(Qt.TextFormat.PlainText)
        mute(blurb)

        self.view = QTableView()
        self.view.setObjectName(view_name)
        self.view.setModel(model)
        # Show the model's own starting order; enabling sorting would otherwise re-sort by
        # the first column, descending (QHeaderView's default indicator).
        self.view.horizontalHeader().setSortIndicator(*model.default_sort())
        self.view.setSortingEnabled(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setShowGrid(False)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(30)
        header = self.view.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(stretch_column, QHeaderView.ResizeMode.Stretch)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)

        self.empty_label = QLabel(empty_text)
        self.empty_label.setObjectName(f"{view_name}Empty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setTextFormat(Qt.TextFormat.PlainText)
        mute(self.empty_label, 1.3)
        self._stack = QStackedWidget()
        self._stack.addWidget(self.view)
        self._stack.addWidget(self.empty_label)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 12)
        layout.setSpacing(6)
        layout.addWidget(heading)
        layout.addWidget(blurb)
        layout.addSpacing(6)
        layout.addWidget(self._stack, 1)

        model.modelReset.connect(self._show_empty_state)
        self._sorted_once = False

    def load(self) -> None:
        """Load the first page if not loaded yet (tabs load when first shown)."""
        if not self.model.loaded:
            self.refresh()

    def on_data_changed(self, change: Change) -> None:
        if self.model.loaded and change.touches(*self._topics):
            self.refresh()

    def select_record(self, record_id: str) -> bool:
        for row in range(self.model.rowCount()):
            if getattr(self.model.record(row), "id", None) == record_id:
                self.view.selectRow(row)
                self.view.scrollTo(self.model.index(row, 0))
                return True
        return False

    def focus_search(self) -> bool:
        return False  # a plain list has no search box (yet)

    def refresh(self) -> None:
        self.model.reload()
        if not self._sorted_once:
            self._sorted_once = True
            self._size_columns()

    def _size_columns(self) -> None:
        header = self.view.horizontalHeader()
        width = self.view.fontMetrics().averageCharWidth()
        for column in range(self.model.columnCount()):
            if header.sectionResizeMode(column) != QHeaderView.ResizeMode.Stretch:
                title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
                chars = self._widths.get(column, max(len(title) + 6, 14))
                header.resizeSection(column, chars * width)

    def _show_empty_state(self) -> None:
        empty = self.model.rowCount() == 0
        self._stack.setCurrentWidget(self.empty_label if empty else self.view)
