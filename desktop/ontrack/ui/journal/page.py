"""The Journal tab's page: the list of entries (search and filters above it) beside the
editor of the selected entry, and the actions of the feedback loop."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...commands.journal import CreateFeedbackCommand, DeleteFeedbackCommand
from ...commands.undoable import is_last, push, withdraw
from ...domain.enums import FeedbackKind
from ...domain.journal_query import JournalQuery
from ...services.change import Change, Topic
from ..look import heading_font, mute
from ..roles import RECORD_ROLE
from ..tabs.base import TabContext, focus_first_shown, pressed_escape
from .editor import JournalEditor
from .filter_bar import JournalFilterBar
from .list_delegate import JournalEntryDelegate
from .list_model import JournalListModel
from .loop_actions import JournalLoop


class JournalPage(QWidget):
    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.service = context.services.journal
        self.loop = JournalLoop(self.service, context.services.goals, context.undo_stack)
        self.model = JournalListModel(self.service, self)
        self._syncing = False
        self._choices_stale = True
        self._watched_window: QWidget | None = None
        self._fresh: CreateFeedbackCommand | None = None  # Ctrl+N's entry, until typed in
        self._build()

    # -- building ----------------------------------------------------------------------
    def _build(self) -> None:
        heading, blurb = self._build_heading()
        buttons = self._build_buttons()
        self.filters = JournalFilterBar(self._context.clock.today)
        self.filters.query_changed.connect(self._apply_query)
        left = self._build_list()
        self._build_editor()
        self._build_layout(heading, blurb, buttons, left)
        self._connect()

    def _build_heading(self) -> tuple[QLabel, QLabel]:
        heading = QLabel("Journal")
        heading.setFont(heading_font(self.font()))
        heading.setTextFormat(Qt.TextFormat.PlainText)
        blurb = QLabel(
            "Seek feedback, record it, reflect on it, plan what to change, and follow up "
            "to show what you changed."
        )
        blurb.setWordWrap(True)
        blurb.setTextFormat(Qt.TextFormat.PlainText)
        mute(blurb)
        return heading, blurb

    def _build_buttons(self) -> QHBoxLayout:
        self.new_button = QPushButton("New entry")
        self.new_button.setObjectName("journalNew")
        self.new_button.setToolTip("Record feedback you received (Ctrl+N)")
        self.new_button.clicked.connect(self.new_entry)
        self.ask_button = QPushButton("Ask for feedback…")
        self.ask_button.setObjectName("journalAsk")
        self.ask_button.setToolTip(
            "Note whom you asked, about what, and when to chase (Ctrl+Shift+N)"
        )
        self.ask_button.clicked.connect(self.ask_for_feedback)
        self.delete_button = QPushButton("Delete")
        self.delete_button.setObjectName("journalDelete")
        self.delete_button.setToolTip(
            "Delete the selected entry (Delete in the list; undo brings it back)"
        )
        self.delete_button.clicked.connect(self.delete_entry)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.ask_button)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        return buttons

    def _build_list(self) -> QWidget:
        # A one-column table rather than a QListView: rows of one fixed height make long
        # lists cheap to scroll, and the header keeps the "newest first" order visible to
        # code that asks (the list is not re-sortable: search results stay newest first).
        self.view = QTableView()
        self.view.setObjectName("journalList")
        self.view.setAccessibleName("Journal entries")
        self.view.setModel(self.model)
        self.delegate = JournalEntryDelegate(self.view)
        self.view.setItemDelegate(self.delegate)
        self.view.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.horizontalHeader().hide()
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.verticalHeader().setDefaultSectionSize(self.delegate.row_height(self.view))
        self.view.setShowGrid(False)
        self.view.setWordWrap(False)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        self.count_label = QLabel()
        self.count_label.setObjectName("journalCount")
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)
        mute(self.count_label)
        self.empty_label = QLabel()
        self.empty_label.setObjectName("journalListEmpty")
        self.empty_label.setTextFormat(Qt.TextFormat.PlainText)
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        mute(self.empty_label, 1.15)
        self.list_stack = QStackedWidget()
        self.list_stack.addWidget(self.view)
        self.list_stack.addWidget(self.empty_label)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.list_stack, 1)
        left_layout.addWidget(self.count_label)
        return left

    def _build_editor(self) -> None:
        self.editor = JournalEditor(self.service, self._context.undo_stack, self._context.open_tab)
        self.editor.record_answer_requested.connect(self.record_answer)
        self.editor.who_edit.installEventFilter(self)
        self.editor.mark_done_requested.connect(self.mark_followed_up)
        self.editor.plan_to_goal_requested.connect(self.plan_to_goal)
        self.editor_empty = QLabel(
            "Select an entry to read or edit it.\n\n"
            "New entry (Ctrl+N) records feedback you received;\n"
            "Ask for feedback (Ctrl+Shift+N) notes a request to chase."
        )
        self.editor_empty.setTextFormat(Qt.TextFormat.PlainText)
        self.editor_empty.setWordWrap(True)
        self.editor_empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        mute(self.editor_empty, 1.1)
        self.editor_stack = QStackedWidget()
        self.editor_stack.addWidget(self.editor_empty)
        self.editor_stack.addWidget(self.editor)

    def _build_layout(
        self, heading: QLabel, blurb: QLabel, buttons: QHBoxLayout, left: QWidget
    ) -> None:
        self.splitter = QSplitter()
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.editor_stack)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([400, 700])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 12)
        layout.setSpacing(6)
        layout.addWidget(heading)
        layout.addWidget(blurb)
        layout.addLayout(buttons)
        layout.addWidget(self.filters)
        layout.addWidget(self.splitter, 1)

    def _connect(self) -> None:
        self._shortcut("New entry", QKeySequence.StandardKey.New, self.new_entry, self)
        self._shortcut("Ask for feedback", "Ctrl+Shift+N", self.ask_for_feedback, self)
        self._shortcut(
            "Delete entry", QKeySequence.StandardKey.Delete, self.delete_entry, self.view
        )
        self.model.modelReset.connect(self._show_counts)
        self.model.rowsInserted.connect(self._show_counts)

    def _shortcut(self, text: str, key: object, slot: object, where: QWidget) -> None:
        action = QAction(text, where)
        action.setShortcut(QKeySequence(key))  # type: ignore[call-overload]
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)  # type: ignore[arg-type]
        where.addAction(action)

    # -- TabPage -----------------------------------------------------------------------
    def load(self) -> None:
        if self.model.loaded:
            return
        self._refresh_choices()
        self.model.reload()
        if self.model.rowCount():
            self._select_id(self.model.record(0).id)  # type: ignore[union-attr]
            self._show(self.model.record(0).id)  # type: ignore[union-attr]

    def on_data_changed(self, change: Change) -> None:
        if change.touches(Topic.CONTACTS, Topic.GOALS):
            self._choices_stale = True
            if self.model.loaded and self.isVisible():
                self._refresh_choices()
        if not self.model.loaded or not change.touches(Topic.FEEDBACK, Topic.GOALS):
            return
        self.model.reload()
        current = self.editor.current
        if current is not None:
            self.editor.refresh(self.service.find(current.id))
            self._update_editor_visibility()
            if self.editor.current is not None:
                self._select_id(self.editor.current.id)
        if change.touches(Topic.FEEDBACK):
            self.filters.set_tags(self.service.tags_in_use())

    def select_record(self, record_id: str) -> bool:
        self.load()
        self.editor.flush()
        if self.service.find(record_id) is None:
            return False
        if self.model.row_of(record_id) is None:
            self.filters.clear()  # the filters hid it: show everything
        self._show(record_id)
        self.view.setFocus()
        return True

    def focus_search(self) -> bool:
        self.filters.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filters.search.selectAll()
        return True

    def focus_main(self) -> None:
        focus_first_shown(self.view, self.filters.search)

    # -- nothing typed is ever lost ----------------------------------------------------
    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        window = self.window()
        if window is not self._watched_window:
            # The window closes the data file in its closeEvent; an event filter sees the
            # Close event first, so pending edits are saved while the file is still open.
            window.installEventFilter(self)
            self._watched_window = window
        if self._choices_stale and self.model.loaded:
            self._refresh_choices()

    def hideEvent(self, event: object) -> None:
        self.editor.flush()
        super().hideEvent(event)  # type: ignore[arg-type]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._watched_window and event.type() == QEvent.Type.Close:
            self.editor.flush()
        if watched is self.editor.who_edit and pressed_escape(event):
            return self._abandon_fresh()
        return super().eventFilter(watched, event)

    # -- list and selection ------------------------------------------------------------
    def _apply_query(self, query: JournalQuery) -> None:
        self.editor.flush()
        self.delegate.terms = query.terms
        self.model.set_query(query)
        current = self.editor.current
        if current is not None:
            self._select_id(current.id)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._syncing:
            return
        entry = current.data(RECORD_ROLE)
        target = entry.id if entry is not None else None
        self.editor.flush()  # may reload the list (the save announces a change)
        self._show(target)

    def _show(self, feedback_id: str | None) -> None:
        feedback = self.service.find(feedback_id) if feedback_id else None
        self.editor.show_entry(feedback)
        self._update_editor_visibility()
        if feedback is not None:
            self._select_id(feedback.id)

    def _select_id(self, feedback_id: str) -> None:
        row = self.model.row_of(feedback_id)
        self._syncing = True
        try:
            if row is None:
                self.view.selectionModel().clearSelection()
                return
            index = self.model.index(row, 0)
            if self.view.currentIndex() != index:
                self.view.selectionModel().setCurrentIndex(
                    index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                )
            self.view.scrollTo(index)
        finally:
            self._syncing = False

    def _update_editor_visibility(self) -> None:
        shown = self.editor.current is not None
        self.editor_stack.setCurrentWidget(self.editor if shown else self.editor_empty)
        self.delete_button.setEnabled(shown)

    def _show_counts(self) -> None:
        total = self.model.total()
        filtered = self.model.query.is_filtered
        noun = "entry" if total == 1 else "entries"
        self.count_label.setText(f"{total:,} {noun}{' found' if filtered else ''}")
        if total == 0:
            self.empty_label.setText(
                "Nothing matches these words and filters.\nTry fewer words, or Clear filters."
                if filtered
                else "No feedback recorded yet.\nPress Ctrl+N to record some, or Ctrl+Shift+N "
                "to ask someone for it."
            )
        self.list_stack.setCurrentWidget(self.empty_label if total == 0 else self.view)

    def _refresh_choices(self) -> None:
        self._choices_stale = False
        self.editor.set_choices(self.service.contact_names(), self.service.goal_titles())
        self.filters.set_tags(self.service.tags_in_use())

    # -- actions -----------------------------------------------------------------------
    def new_entry(self) -> None:
        self.load()
        self.editor.flush()
        command = CreateFeedbackCommand(self.service, self.service.new_entry(), "New feedback")
        push(self._context.undo_stack, command)
        self._fresh = command
        self._show(command.feedback.id)
        self.editor.who_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _abandon_fresh(self) -> bool:
        """Escape in a new entry before anything was typed into it: the entry goes, as in
        a notes app, leaving no record, no count change and no undo entry."""
        fresh, self._fresh = self._fresh, None
        stack = self._context.undo_stack
        if fresh is None or not is_last(stack, fresh) or self.editor.has_pending_edits():
            return False
        current = self.editor.current
        if current is None or current.id != fresh.feedback.id:
            return False
        withdraw(stack, fresh)
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def ask_for_feedback(self) -> None:
        self.load()
        self.editor.flush()
        request = self.loop.ask(self)
        if request is not None:
            self._show(request.id)
            self.view.setFocus()

    def delete_entry(self) -> None:
        current = self.editor.current
        if current is None:
            return
        self.editor.flush()
        row = self.model.row_of(current.id)
        label = f"Delete feedback from {current.source_name}" if current.source_name else ""
        push(self._context.undo_stack, DeleteFeedbackCommand(self.service, current.id, label))
        following = self.model.record(min(row or 0, self.model.rowCount() - 1))
        self._show(following.id if following is not None else None)
        self.view.setFocus()

    def record_answer(self) -> None:
        self.editor.flush()
        current = self.editor.current
        if current is None or current.kind is not FeedbackKind.REQUEST:
            return
        self.loop.record_answer(current, FeedbackKind.CONSTRUCTIVE)
        self.editor.text_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def mark_followed_up(self) -> None:
        self.editor.flush()
        current = self.editor.current
        if current is None:
            return
        self.loop.mark_followed_up(current, current.follow_up_note)

    def plan_to_goal(self) -> None:
        self.editor.flush()
        current = self.editor.current
        if current is None:
            return
        title, steps = self.loop.plan_to_goal(current)
        if steps:
            noun = "step" if steps == 1 else "steps"
            self.editor.plan_status.setText(f"Added {steps} {noun} to “{title}” in Goals.")
