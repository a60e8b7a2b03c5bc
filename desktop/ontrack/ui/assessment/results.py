"""The results of one assessment: profile chart (with the previous assessment or others'
view overlaid), the per-factor table, what changed, blind spots and hidden strengths,
top strengths and opportunities with their guidance and "Make this a goal", and the
reflections shown back."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QScrollArea,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.assessment import Assessment
from ...domain.content import Content
from ...domain.enums import AssessmentStatus, Factor
from ...domain.rater_groups import comparable_scores
from ...domain.scoring import (
    Scores,
    assessment_scores,
    compare_assessments,
    format_change,
    overall_score,
    rounded,
    top_opportunities,
    top_strengths,
    unanswered,
)
from ...services.assessments import AssessmentService
from ..look import mute
from ..paged_model import format_date
from .cards import card as _card
from .cards import label as _label
from .cards import opportunity_card, reflections_card, strength_card, transition_card
from .perception import perception_card
from .profile_chart import ProfileChart
from .score_model import FactorScoresTableModel


def transition_text(assessment: Assessment) -> str:
    parts = [p for p in (assessment.current_role, assessment.target_role) if p]
    return " → ".join(parts)


class ResultsView(QScrollArea):
    make_goal = Signal(object, int)  # Factor, template index
    resume = Signal(str)  # assessment id
    add_rater = Signal(str)  # assessment id
    ask_ratings = Signal(str)  # assessment id
    continue_rater = Signal(str, int)  # assessment id, rater index
    remove_rater = Signal(str, int)  # assessment id, rater index

    def __init__(
        self,
        service: AssessmentService,
        transition_of: Callable[[str], str | None] = lambda _id: None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("assessmentResults")
        self._service = service
        self._transition_of = transition_of
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to what it holds
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # never sideways
        self.assessment: Assessment | None = None
        self._previous: Assessment | None = None
        self.chart = ProfileChart()
        self.chart.setMinimumHeight(340)
        self.chart.setObjectName("resultsChart")
        self.overlay = QComboBox(objectName="chartOverlay")
        self.overlay.setToolTip("What the chart shows beside this assessment")
        self.overlay.currentIndexChanged.connect(self._draw_chart)
        self.scores = FactorScoresTableModel(self)
        self.table = QTableView(objectName="resultsTable")
        self.table.setAccessibleName("Scores by factor")
        self.table.setModel(self.scores)
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.goal_buttons: dict[Factor, QToolButton] = {}
        self._retired = QWidget()  # never shown: holds widgets until they are deleted
        self._body = QWidget()
        self.setWidget(self._body)
        self._layout = QVBoxLayout(self._body)
        self._layout.setContentsMargins(4, 0, 12, 12)

    @property
    def content(self) -> Content:
        return self._service.content  # read when first needed, never at start-up

    # -- showing an assessment ------------------------------------------------------------
    def show_assessment(self, assessment: Assessment, previous: Assessment | None) -> None:
        self.assessment = assessment
        self._previous = previous
        self.goal_buttons = {}
        self._clear()
        own = assessment_scores(self.content, assessment)
        overall = overall_score(own)
        title = f"Assessment of {format_date(assessment.taken_on)}"
        head = _label(title, bold=True, scale=1.35)
        head.setObjectName("resultsTitle")
        self._layout.addWidget(head)
        line = transition_text(assessment) or "No transition given"
        if assessment.status is AssessmentStatus.DRAFT:  # no overall score from half of it
            answered = len(self.content.statements) - len(
                unanswered(self.content, assessment.answers)
            )
            line += f"  ·  {answered} of {len(self.content.statements)} answered"
        elif overall is not None:
            line += f"  ·  Overall {rounded(overall)} of 100"
        sub = _label(line)
        mute(sub)
        self._layout.addWidget(sub)
        if assessment.status is AssessmentStatus.DRAFT:
            self._draft_banner(assessment)

        self.overlay.blockSignals(True)
        self.overlay.clear()
        if previous is not None:
            self.overlay.addItem(f"Last time ({format_date(previous.taken_on)})", "previous")
        if assessment.raters:
            self.overlay.addItem("How others see you", "others")
        self.overlay.addItem("Nothing", None)
        self.overlay.blockSignals(False)
        others = comparable_scores(self.content, assessment.raters) if assessment.raters else None
        earlier = assessment_scores(self.content, previous) if previous else None
        self.scores.set_scores(own, others=others, earlier=earlier)
        self.table.setFixedHeight(
            self.table.horizontalHeader().sizeHint().height()
            + sum(self.table.rowHeight(r) for r in range(self.scores.rowCount()))
            + 4
        )

        top = QHBoxLayout()
        top.addWidget(self.chart, 3)
        side = QVBoxLayout()
        overlay_label = _label("Show on the chart beside it:")
        overlay_label.setBuddy(self.overlay)
        side.addWidget(overlay_label)
        side.addWidget(self.overlay)
        if previous is not None:
            changes = [
                f"{d.factor.label} {format_change(d.change)}"
                for d in compare_assessments(self.content, previous, assessment)
                if d.change
            ]
            text = ", ".join(changes) if changes else "no factor moved"
            since = _label(f"Since {format_date(previous.taken_on)}: {text}")
            since.setObjectName("resultsChanges")
            side.addWidget(since)
        ask = QPushButton("Ask others to rate you…", objectName="resultsAskRatings")
        ask.setToolTip("Send fillable PDF questionnaires to a manager, peers, reports or clients")
        ask.clicked.connect(lambda: self.ask_ratings.emit(assessment.id))
        side.addWidget(ask, 0, Qt.AlignmentFlag.AlignLeft)
        more = QPushButton("Add someone's ratings…", objectName="resultsAddRater")
        more.setToolTip("Type in how somebody rates you on the same statements")
        more.clicked.connect(lambda: self.add_rater.emit(assessment.id))
        side.addWidget(more, 0, Qt.AlignmentFlag.AlignLeft)
        side.addStretch(1)
        top.addLayout(side, 2)
        self._layout.addLayout(top)
        if others is not None:
            # The width of the page, not the column beside the chart: names, groups and
            # comments were cut off there.
            self._layout.addWidget(self._perception(own, others))
        self._layout.addWidget(self.table)
        self._draw_chart()

        self._transition(assessment)
        if overall is not None:
            self._guidance(own)
        self._reflections(assessment)
        self._layout.addStretch(1)

    def _clear(self) -> None:
        """Take everything out of the view. The chart, its chooser and the table are kept
        for the next assessment; the rest moves to a hidden holder and is deleted once
        control is back in the event loop, because the button whose click led here (say,
        Remove on a rater) may still be running its handler."""
        kept = (self.chart, self.overlay, self.table)

        def drop(layout: QVBoxLayout | QHBoxLayout) -> None:
            while layout.count():
                item = layout.takeAt(0)
                widget = item.widget()
                if widget is not None and widget not in kept:
                    widget.hide()
                    widget.setParent(self._retired)
                    widget.deleteLater()
                elif item.layout() is not None:
                    drop(item.layout())
                    item.layout().deleteLater()

        drop(self._layout)

    def _draw_chart(self) -> None:
        assessment = self.assessment
        if assessment is None:
            return
        own = assessment_scores(self.content, assessment)
        which = self.overlay.currentData()
        if which == "previous" and self._previous is not None:
            earlier = assessment_scores(self.content, self._previous)
            name = f"Last time ({format_date(self._previous.taken_on)})"
            self.chart.set_profile(own, "This assessment", earlier, name)
        elif which == "others":
            others = comparable_scores(self.content, assessment.raters)
            self.chart.set_profile(own, "You", others, "Others")
        else:
            self.chart.set_profile(own, "This assessment")

    def _draft_banner(self, assessment: Assessment) -> None:
        missing = len(unanswered(self.content, assessment.answers))
        frame, layout = _card()
        frame.setObjectName("draftBanner")
        row = QHBoxLayout()
        row.addWidget(
            _label(
                f"This assessment is not finished: {missing} of "
                f"{len(self.content.statements)} statements still to rate. "
                "Its scores so far are shown below."
            ),
            1,
        )
        button = QPushButton("&Resume assessment", objectName="resumeButton")
        button.setToolTip("Go back to where you stopped")
        button.clicked.connect(lambda: self.resume.emit(assessment.id))
        row.addWidget(button)
        layout.addLayout(row)
        self._layout.addWidget(frame)

    def _perception(self, own: Scores, others: Scores) -> QWidget:
        assessment = self.assessment
        assert assessment is not None
        return perception_card(
            self.content,
            assessment,
            own,
            others,
            lambda i: self.continue_rater.emit(assessment.id, i),
            lambda i: self.remove_rater.emit(assessment.id, i),
        )

    def _transition(self, assessment: Assessment) -> None:
        transition_id = self._transition_of(assessment.id)
        known = {t.id: t for t in self.content.transitions}
        if transition_id in known:
            self._layout.addWidget(transition_card(self.content, known[transition_id]))

    def _guidance(self, own: dict[Factor, float | None]) -> None:
        strengths = top_strengths(own)
        opportunities = top_opportunities(own)
        if strengths:
            self._layout.addWidget(_label("Your top strengths", bold=True, scale=1.15))
            for factor in strengths:
                fc = self.content.factor(factor)
                self._layout.addWidget(strength_card(fc, own[factor] or 0.0))
        self._layout.addWidget(_label("Your top opportunities", bold=True, scale=1.15))
        if not opportunities:
            self._layout.addWidget(
                _label("Every factor is in the strength band. Keep doing what works.")
            )
        for factor in opportunities:
            frame, button = opportunity_card(
                self.content.factor(factor),
                own[factor] or 0.0,
                lambda n, f=factor: self.make_goal.emit(f, n),
            )
            self.goal_buttons[factor] = button
            self._layout.addWidget(frame)

    def _reflections(self, assessment: Assessment) -> None:
        frame = reflections_card(self.content, assessment.reflections)
        if frame is not None:
            self._layout.addWidget(_label("Your reflections", bold=True, scale=1.15))
            self._layout.addWidget(frame)
