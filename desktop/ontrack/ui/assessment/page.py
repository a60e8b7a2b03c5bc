"""The Assessment tab's page: the history of assessments on the left, the results of the
one selected on the right, and the actions: take a new assessment, resume a draft, add
somebody else's ratings, compare two, delete (with undo), and make a goal of an
opportunity."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...commands.assessments import DeleteAssessmentCommand, RemoveRaterCommand
from ...commands.goals import CreateGoalCommand
from ...commands.undoable import push
from ...domain.enums import AssessmentStatus, Factor, GoalStatus
from ...domain.goals import Goal, Step
from ...domain.ids import new_id
from ...services.change import Change, Topic
from ..look import heading_font, mute
from ..paged_model import format_date
from ..tabs.base import TabContext, focus_first_shown
from ..words import ASSESSMENT_PARTS, ASSESSMENT_TIME
from .ask_dialog import AskRatingsDialog
from .compare import CompareDialog
from .history_model import AssessmentHistoryTableModel
from .results import ResultsView
from .wizard import AssessmentWizard, chosen_transition

COMPLETE = AssessmentStatus.COMPLETE


def _plain(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


class AssessmentPage(QWidget):
    def __init__(self, context: TabContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("assessmentTab")
        self._context = context
        self.service = context.services.assessments
        self._goals = context.services.goals
        self.wizard: AssessmentWizard | None = None
        self._stale = False
        self.model = AssessmentHistoryTableModel(context.services.listings, self.service, self)

        heading = QLabel("Assessment")
        heading.setFont(heading_font(self.font()))
        blurb = _plain(
            "Where you stand on the eight habits that derail capable people, and what to "
            "do about it. Take it again every few months to see what changed."
        )
        mute(blurb)
        self.new_button = QPushButton("Ne&w assessment…", objectName="newAssessment")
        self.new_button.setToolTip(
            f"Rate yourself on the eight derailers ({ASSESSMENT_TIME}; Ctrl+N)"
        )
        self.new_button.clicked.connect(self.new_assessment)
        new = QAction("New assessment", self)
        new.setShortcut(QKeySequence(QKeySequence.StandardKey.New))
        new.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        new.triggered.connect(self.new_assessment)
        self.addAction(new)
        # Short labels: with the long ones the row pushed the list wide and the results beside
        # it were cut off at the window's edge (the results say it in full).
        self.rater_button = QPushButton("Add &ratings…", objectName="addRater")
        self.rater_button.setToolTip(
            "Add someone's ratings: type in how a manager, peer, report or client rates you"
        )
        self.rater_button.clicked.connect(self.add_rater)
        self.ask_button = QPushButton("As&k for ratings…", objectName="askRatings")
        self.ask_button.setToolTip(
            "Ask others to rate you: fillable PDF questionnaires for a manager, peers, reports "
            "or clients to send back"
        )
        self.ask_button.clicked.connect(self.ask_ratings)
        self.compare_button = QPushButton("Com&pare…", objectName="compareAssessments")
        self.compare_button.setToolTip("Two assessments side by side")
        self.compare_button.clicked.connect(self.compare)
        self.delete_button = QPushButton("De&lete", objectName="deleteAssessment")
        self.delete_button.setToolTip("Delete the selected assessment (Edit ▸ Undo brings it back)")
        self.delete_button.clicked.connect(self.delete_selected)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.ask_button, self.rater_button, self.compare_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)

        self.draft_banner = QFrame(objectName="resumeBanner")
        self.draft_banner.setFrameShape(QFrame.Shape.StyledPanel)
        banner = QHBoxLayout(self.draft_banner)
        self.draft_text = _plain()
        self.draft_text.setObjectName("resumeText")
        resume = QPushButton("Res&ume", objectName="resumeDraft")
        resume.setToolTip("Carry on exactly where you stopped")
        resume.clicked.connect(self.resume_latest_draft)
        banner.addWidget(self.draft_text, 1)
        banner.addWidget(resume)
        self.draft_banner.hide()

        self.view = QTableView(objectName="assessmentList")
        self.view.setAccessibleName("Assessments")
        self.view.setModel(self.model)
        self.view.horizontalHeader().setSortIndicator(*self.model.default_sort())
        self.view.setSortingEnabled(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setShowGrid(False)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(28)
        header = self.view.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.view.selectionModel().currentRowChanged.connect(self._show_current)
        delete = QAction("Delete assessment", self.view)
        delete.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        delete.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete.triggered.connect(self.delete_selected)
        self.view.addAction(delete)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(16, 14, 8, 12)
        left_layout.addWidget(heading)
        left_layout.addWidget(blurb)
        left_layout.addLayout(buttons)
        left_layout.addWidget(self.draft_banner)
        left_layout.addWidget(self.view, 1)

        self.results = ResultsView(
            self.service, lambda uid: chosen_transition(context.settings, uid)
        )
        self.results.make_goal.connect(self.make_goal)
        self.results.resume.connect(self.resume)
        self.results.add_rater.connect(lambda _id: self.add_rater())
        self.results.ask_ratings.connect(lambda _id: self.ask_ratings())
        self.results.continue_rater.connect(self.continue_rater)
        self.results.remove_rater.connect(self.remove_rater)
        self.empty = QWidget(objectName="assessmentEmpty")
        empty_layout = QVBoxLayout(self.empty)
        empty_layout.addStretch(1)
        self.empty_text = _plain(
            "No assessment yet.\nTake your first one to see where you stand: "
            f"{ASSESSMENT_PARTS}. It takes {ASSESSMENT_TIME}, and every answer is kept as "
            "you go.\n"
            "Taken some with OnTrack elsewhere? Bring them in with File ▸ Import…"
        )
        self.empty_label = self.empty_text  # what every list tab shows when it has nothing
        self.empty_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        mute(self.empty_text, 1.2)
        first = QPushButton("Take your &first assessment…", objectName="firstAssessment")
        first.clicked.connect(self.start_new)
        empty_layout.addWidget(self.empty_text)
        empty_layout.addWidget(first, 0, Qt.AlignmentFlag.AlignCenter)
        empty_layout.addStretch(2)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.results)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(8, 14, 4, 0)
        right_layout.addWidget(self.stack)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([430, 850])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self._update_buttons()

    # -- TabPage ------------------------------------------------------------------------
    def load(self) -> None:
        if not self.model.loaded:
            self.refresh()

    def on_data_changed(self, change: Change) -> None:
        if not self.model.loaded or not change.touches(Topic.ASSESSMENTS):
            return
        if self.wizard is not None:
            self._stale = True  # the wizard saves every answer; refresh once it closes
            return
        self.refresh()

    def select_record(self, record_id: str) -> bool:
        self.load()
        while True:
            for row in range(self.model.rowCount()):
                if self.model.record(row).id == record_id:
                    self.view.selectRow(row)
                    self.view.scrollTo(self.model.index(row, 0))
                    return True
            if not self.model.canFetchMore():
                return False
            self.model.fetchMore()

    def focus_search(self) -> bool:
        return False  # a short history needs no search box

    def focus_main(self) -> None:
        focus_first_shown(self.view, self.new_button)

    # -- showing ------------------------------------------------------------------------
    def refresh(self) -> None:
        keep = self.current_id()
        self.model.reload()
        if not (keep and self.select_record(keep)) and self.model.rowCount():
            # Open on the latest results; an unfinished draft has its own banner above.
            rows = range(self.model.rowCount())
            complete = (r for r in rows if self.model.record(r).summary.status is COMPLETE)
            self.view.selectRow(next(complete, 0))
        if not self.model.rowCount():
            self.stack.setCurrentWidget(self.empty)
        self._update_draft_banner()
        self._update_buttons()

    def current_id(self) -> str | None:
        index = self.view.currentIndex()
        if not index.isValid() or index.row() >= self.model.rowCount():
            return None
        return str(self.model.record(index.row()).id)

    def _show_current(self) -> None:
        assessment_id = self.current_id()
        assessment = self.service.find(assessment_id) if assessment_id else None
        if assessment is None:
            self.stack.setCurrentWidget(self.empty)
        else:
            self.results.show_assessment(assessment, self.service.previous(assessment.id))
            self.stack.setCurrentWidget(self.results)
        self._update_buttons()

    def _update_draft_banner(self) -> None:
        draft = self.service.latest_draft()
        if draft is None:
            self.draft_banner.hide()
            return
        rated = len(draft.answers)
        total = len(self.service.content.statements)
        self.draft_text.setText(
            f"You have an unfinished assessment from {format_date(draft.taken_on)} "
            f"({rated} of {total} statements rated)."
        )
        self.draft_banner.show()

    def _update_buttons(self) -> None:
        chosen = self.current_id() is not None
        self.rater_button.setEnabled(chosen)
        self.ask_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)
        self.compare_button.setEnabled(self.model.total() >= 2)

    # -- actions --------------------------------------------------------------------------
    def _open_wizard(self, wizard: AssessmentWizard, resume: bool) -> None:
        self.wizard = wizard
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.finished.connect(self._wizard_closed)
        wizard.open()
        if resume:
            wizard.resume()

    def _make_wizard(self, **kwargs: object) -> AssessmentWizard:
        return AssessmentWizard(
            self.service,
            self._context.services.profile,
            self._context.undo_stack,
            self._context.settings,
            parent=self,
            **kwargs,  # type: ignore[arg-type]
        )

    def start_new(self) -> None:
        self._open_wizard(self._make_wizard(), resume=False)

    def new_assessment(self) -> None:
        """New assessment…: with a draft unfinished, ask whether to go on with it first (a
        second draft beside it is seldom what is meant)."""
        draft = self.service.latest_draft()
        if draft is None:
            self.start_new()
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "An assessment is in progress",
            f"You have an unfinished assessment from {format_date(draft.taken_on)} "
            f"({len(draft.answers)} of {len(self.service.content.statements)} statements "
            "rated). Go on with it, or start a new one beside it?",
            QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        go_on = box.addButton("&Continue it", QMessageBox.ButtonRole.AcceptRole)
        fresh = box.addButton("Start a &new one", QMessageBox.ButtonRole.ActionRole)
        box.setDefaultButton(go_on)
        box.exec()
        chosen = box.clickedButton()
        box.deleteLater()
        if chosen is go_on:
            self.resume(draft.id)
        elif chosen is fresh:
            self.start_new()

    def resume(self, assessment_id: str) -> None:
        assessment = self.service.find(assessment_id)
        if assessment is not None:
            self._open_wizard(self._make_wizard(assessment=assessment), resume=True)

    def resume_latest_draft(self) -> None:
        draft = self.service.latest_draft()
        if draft is not None:
            self.resume(draft.id)

    def add_rater(self) -> None:
        assessment_id = self.current_id()
        assessment = self.service.find(assessment_id) if assessment_id else None
        if assessment is not None:
            wizard = self._make_wizard(assessment=assessment, rater_mode=True)
            self._open_wizard(wizard, resume=False)

    def ask_ratings(self) -> AskRatingsDialog | None:
        """ "Ask others to rate you…" for the assessment shown (non-blocking)."""
        assessment_id = self.current_id()
        assessment = self.service.find(assessment_id) if assessment_id else None
        if assessment is None:
            return None
        ratings = self._context.services.ratings
        dialog = AskRatingsDialog(ratings, assessment, self._context.undo_stack, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def continue_rater(self, assessment_id: str, index: int) -> None:
        assessment = self.service.find(assessment_id)
        if assessment is not None and index < len(assessment.raters):
            wizard = self._make_wizard(assessment=assessment, rater=index)
            self._open_wizard(wizard, resume=True)

    def remove_rater(self, assessment_id: str, index: int) -> None:
        assessment = self.service.find(assessment_id)
        if assessment is not None and index < len(assessment.raters):
            name = assessment.raters[index].name
            command = RemoveRaterCommand(self.service, assessment_id, index, name)
            push(self._context.undo_stack, command)

    def _wizard_closed(self, result: int) -> None:
        wizard = self.wizard
        self.wizard = None
        shown = wizard.assessment.id if wizard and wizard.assessment else None
        if self._stale or shown:
            self._stale = False
            self.refresh()
        if shown:
            self.select_record(shown)
            self._show_current()
            self.view.setFocus()

    def compare(self) -> None:
        dialog = CompareDialog(self.service, self.current_id(), parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def delete_selected(self) -> None:
        assessment_id = self.current_id()
        if assessment_id is None:
            return
        assessment = self.service.find(assessment_id)
        if assessment is None:
            return
        label = format_date(assessment.taken_on)
        if assessment.status is AssessmentStatus.DRAFT:
            label += " (draft)"
        push(self._context.undo_stack, DeleteAssessmentCommand(self.service, assessment_id, label))

    def make_goal(self, factor: Factor, template_index: int) -> Goal:
        """Create a goal from one of the factor's templates, undoably, and show it."""
        template = self.service.content.factor(factor).goal_templates[template_index]
        today = self._context.clock.today()
        goal = Goal(
            id="",
            title=template.title,
            why=template.why,
            measure=template.measure,
            factor=factor,
            deadline=today + timedelta(weeks=template.weeks),
            status=GoalStatus.NOT_STARTED,
            steps=tuple(Step(new_id(), text) for text in template.steps),
        )
        command = CreateGoalCommand(self._goals, goal, f"Make “{template.title}” a goal")
        push(self._context.undo_stack, command)
        self._context.open_tab("goalsTab", command.goal.id)
        return command.goal
