"""The Goals tab page: a filterable, sortable goals table beside the selected goal's details.

Keyboard: Ctrl+N or Insert adds a goal, Ctrl+Shift+N adds one from a template, Delete
deletes the selected one (after asking), Ctrl+F searches, Ctrl+K adds a check-in, F2 (or
typing) edits a cell; Ctrl+Z undoes any change.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from ...commands.goals import (
    ChangeGoalCommand,
    CreateGoalCommand,
    DeleteGoalCommand,
    SetStatusCommand,
)
from ...commands.undoable import is_last, push, withdraw
from ...domain import goal_rules
from ...domain.enums import GoalStatus
from ...domain.goal_items import GoalItem
from ...domain.goals import Goal
from ...services.change import Change, Topic
from ...services.goals import GoalNotFoundError
from ..look import mute
from ..record_table import with_empty_state
from ..tabs.base import TabContext, focus_first_shown, pressed_escape
from .cell_edits import cell_command
from .confirm import confirm_delete
from .detail_panel import GoalDetailPanel
from .filter_bar import GoalsFilterBar
from .page_layout import detail_area, goals_table, heading_and_blurb, page_actions, side_by_side
from .table_model import (
    TITLE,
    GoalsTableModel,
)


class GoalsPage(QWidget):
    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.service = context.services.goals
        self._undo = context.undo_stack
        self._clock = context.clock
        self.model = GoalsTableModel(self._clock.today(), self._edit_cell, self)
        self._current_id: str | None = None
        # A cell's edit is being saved: its change is shown at once, in the row and the
        # detail pane, before anything else can act on what they show.
        self._committing = False
        self._held_changes: list[Change] = []  # came while a cell editor held typed text
        self._fresh: CreateGoalCommand | None = None  # Ctrl+N's goal, until Escape or typing
        self._watched_window: QWidget | None = None
        self._build_actions()
        self._build_table()
        self._build_detail()
        self._build_layout()
        self._connect()
        self._update_buttons()

    # -- building (the widgets themselves are made in page_layout) --------------------------
    def _build_actions(self) -> None:
        actions = page_actions(self)
        self.new_action, self.template_action = actions.new, actions.from_template
        self.checkin_action = actions.checkin
        self.new_button, self.delete_button = actions.new_button, actions.delete_button

    def _build_table(self) -> None:
        self.view, self._delegates, self.delete_action = goals_table(
            self.model, self._clock.today()
        )
        self._stack, self.empty_label = with_empty_state(self.view, "goalsTableEmpty")

    def _build_detail(self) -> None:
        self.detail = GoalDetailPanel(
            self._clock.today, self._change, self._set_status, self._context.open_tab
        )
        self.detail.setObjectName("goalDetail")
        self._detail_stack, self.no_selection = detail_area(self.detail)

    def _build_layout(self) -> None:
        self.filters = GoalsFilterBar()
        self.search = self.filters.search
        self.status_filter = self.filters.status_filter
        self.factor_filter = self.filters.factor_filter
        self.show_closed = self.filters.show_closed
        self.count_label = QLabel()
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)
        mute(self.count_label)
        top = QHBoxLayout()
        heading, blurb = heading_and_blurb(self.font())
        top.addWidget(heading)
        top.addStretch(1)
        top.addWidget(self.count_label)
        top.addSpacing(8)
        top.addWidget(self.new_button)
        top.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 12)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addWidget(blurb)
        layout.addSpacing(4)
        layout.addWidget(self.filters)
        layout.addWidget(side_by_side(self._stack, self._detail_stack), 1)

    def _connect(self) -> None:
        self.filters.changed.connect(self._apply_filter)
        self.new_action.triggered.connect(self.new_goal)
        self.template_action.triggered.connect(self.new_goal_from_template)
        self.delete_button.clicked.connect(self.delete_goal)
        self.delete_action.triggered.connect(self.delete_goal)
        self.checkin_action.triggered.connect(self.detail.checkins.start)
        for delegate in self._delegates:  # after the view's own slot, which ends the editing
            delegate.closeEditor.connect(self._cell_editor_closed)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        self.model.modelReset.connect(self._after_reset)
        self.detail.title_edit.installEventFilter(self)

    # -- TabPage -----------------------------------------------------------------------------
    def load(self) -> None:
        if not self.model.loaded:
            # Done and dropped goals are hidden until asked for (years of use make them most
            # of the rows): they are read when a filter lets them through.
            self.model.set_items(self.service.settled_open_items(), self.service.closed_ids())
            if self.model.rowCount() and self._current_id is None:
                self.view.selectRow(0)

    def on_data_changed(self, change: Change) -> None:
        if not change.touches(Topic.GOALS, Topic.FEEDBACK, Topic.EVENTS):
            return
        if not self.model.loaded:
            return
        if self.view.state() == QAbstractItemView.State.EditingState and not self._committing:
            # A cell editor is open with text not committed yet and the change comes from
            # elsewhere (Edit ▸ Undo from the menu, say): rows coming or going would reset
            # the model and close the editor, losing that text. Refresh once it closes.
            self._held_changes.append(change)
            return
        if change.touches(Topic.GOALS):
            if change.ids:
                found = self.service.items_by_id(change.ids)
                found_ids = {item.id for item in found}
                gone = [goal_id for goal_id in change.ids if goal_id not in found_ids]
                self.model.update_items(found, gone)
            else:  # anything may have changed (an import, say): settle and read all again
                self.model.set_items(self.service.settled_items())
        self._refresh_detail()

    def select_record(self, record_id: str) -> bool:
        self.load()
        if not self.model.has(record_id):
            return False
        row = self.model.row_of(record_id)
        if row < 0:  # hidden by the filters (or not read yet): show everything, then select it
            self.filters.show_everything(closed_too=True)
            row = self.model.row_of(record_id)
        if row < 0:
            return False
        self.view.selectionModel().setCurrentIndex(
            self.model.index(row, TITLE),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.view.scrollTo(self.model.index(row, TITLE))
        return True

    def focus_search(self) -> bool:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()
        return True

    def focus_main(self) -> None:
        focus_first_shown(self.view, self.search)

    # -- filtering and selection -------------------------------------------------------------
    def _apply_filter(self) -> None:
        goal_filter = self.filters.goal_filter()
        if goal_filter.shows_closed and not self.model.complete:
            self.model.set_filter(goal_filter, self.service.settled_closed_items())
        else:
            self.model.set_filter(goal_filter)

    def _after_reset(self) -> None:
        shown, total = self.model.rowCount(), self.model.total()
        self.count_label.setText(
            f"{shown} of {total} goals" if shown != total else f"{total} goal{'s' * (total != 1)}"
        )
        if total == 0:
            self.empty_label.setText(
                "No goals yet.\nPress Ctrl+N to add one, start from a template (the arrow "
                "beside New goal), or Import an OnTrack file (File ▸ Import…)."
            )
        else:
            self.empty_label.setText(
                "No goal matches the search and filters.\n"
                "Clear the search or tick “Show done and dropped”."
            )
        self._stack.setCurrentIndex(0 if shown else 1)
        self.no_selection.setText(
            "Select a goal to see why it matters, how you will measure it, its action "
            "steps and check-ins."
            if total
            else "A goal's details show here: why it matters, how you will measure it, "
            "its action steps and check-ins."
        )
        if self._current_id is not None:
            row = self.model.row_of(self._current_id)
            if row >= 0:
                self.view.selectionModel().setCurrentIndex(
                    self.model.index(row, TITLE),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
                return
        self._show(None)

    def _current_changed(self, current: Any, previous: Any) -> None:
        item: GoalItem | None = self.model.item(current.row()) if current.isValid() else None
        self._show(item.id if item else None)

    def _show(self, goal_id: str | None) -> None:
        if goal_id != self._current_id and self.model.has(self._current_id or ""):
            self.detail.commit_pending()
        self._current_id = goal_id
        if goal_id is None and self.detail.goal is None:
            self._update_buttons()  # nothing was shown and nothing is: no need to redo it
            return
        self._refresh_detail()
        self._update_buttons()

    def _refresh_detail(self) -> None:
        goal = None
        if self._current_id is not None:
            try:
                goal = self.service.get(self._current_id)
            except GoalNotFoundError:
                self._current_id = None
        self._detail_stack.setCurrentIndex(0 if goal is None else 1)
        if goal is None:
            self.detail.show_goal(None, False, [])
        else:
            self.detail.show_goal(
                goal, self.service.status_by_hand(goal.id), self.service.links(goal.id)
            )
        self._update_buttons()

    def _context_menu(self, position: Any) -> None:
        menu = QMenu(self.view)
        for action in (self.new_action, self.template_action, self.delete_action):
            menu.addAction(action)
        menu.exec(self.view.viewport().mapToGlobal(position))
        menu.deleteLater()

    def _update_buttons(self) -> None:
        selected = self._current_id is not None
        self.delete_button.setEnabled(selected)
        self.delete_action.setEnabled(selected)
        self.checkin_action.setEnabled(selected)

    # -- changes -------------------------------------------------------------------------------
    def _change(self, after: Goal, text: str, merge_key: str) -> None:
        before = self.detail.goal if self.detail.goal and self.detail.goal.id == after.id else None
        if before is None:
            before = self.service.get(after.id)
        if after == before:
            return
        push(self._undo, ChangeGoalCommand(self.service, before, after, text, merge_key))
        if goal_rules.completes(before, after):
            now = self.service.get(after.id)
            self.detail.offer_done(now.status is GoalStatus.DONE)

    def _set_status(self, status: GoalStatus | None) -> None:
        if self._current_id is not None:
            push(self._undo, SetStatusCommand(self.service, self._current_id, status))

    def _edit_cell(self, item: GoalItem, column: int, value: Any) -> bool:
        if column == TITLE and not str(value).strip():
            # A goal needs a title: the cell shows the old one again; the pane says why.
            if self.detail.goal is not None and self.detail.goal.id == item.id:
                self.detail.refuse_empty_title()
            return False
        command = cell_command(self.service, item.id, column, value)
        if command is None:
            return False
        self._committing = True
        try:
            push(self._undo, command)
        finally:
            self._committing = False
        return True

    def _cell_editor_closed(self, *args: Any) -> None:
        held, self._held_changes = self._held_changes, []
        for change in held:
            self.on_data_changed(change)

    def new_goal(self) -> None:
        self._fresh = self._create(Goal("", "New goal"), "New goal")
        self.detail.title_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.detail.title_edit.selectAll()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        window = self.window()
        if window is not self._watched_window:
            # The window closes its data file in its closeEvent; a filter sees the Close
            # first, so a title typed a moment ago is saved while the file is still open
            # (not on the focus-out after it, which would find the file closed).
            window.installEventFilter(self)
            self._watched_window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._watched_window and event.type() == QEvent.Type.Close:
            if self.model.has(self._current_id or ""):
                self.detail.commit_pending()
            self.detail.setEnabled(False)  # nothing more to save once the file closes
        if watched is self.detail.title_edit and pressed_escape(event):
            return self._abandon_fresh()
        return super().eventFilter(watched, event)

    def _abandon_fresh(self) -> bool:
        """Escape in a new goal's title before anything was typed: the goal goes, as in a
        notes app, leaving no record, no count change and no undo entry."""
        fresh, self._fresh = self._fresh, None
        if fresh is None or not is_last(self._undo, fresh):
            return False
        if self.detail.title_edit.text() != "New goal" or self._current_id != fresh.goal.id:
            return False
        withdraw(self._undo, fresh)
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def new_goal_from_template(self) -> None:
        from .templates import choose_template  # the content is read only when asked for

        goal = choose_template(self, self._clock.today(), self._context.services.content)
        if goal is not None:
            self._create(goal, "New goal from a template")

    def _create(self, goal: Goal, text: str) -> CreateGoalCommand:
        # A new goal must be visible: clear the filters that would hide it.
        self.filters.show_everything(closed_too=False)
        command = CreateGoalCommand(self.service, goal, text)
        push(self._undo, command)
        self.select_record(command.goal.id)
        return command

    def delete_goal(self) -> None:
        if self._current_id is None:
            return
        goal = self.service.get(self._current_id)
        if confirm_delete(self, goal):
            row = self.view.currentIndex().row()
            self._current_id = None
            push(self._undo, DeleteGoalCommand(self.service, goal.id, goal.title))
            if self.model.rowCount():
                self.view.selectRow(min(row, self.model.rowCount() - 1))
