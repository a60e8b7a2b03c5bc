"""The pages of the assessment wizard: start, one per factor, reflections, summary.

Pages read and write through the wizard (`AssessmentWizard`), which owns the draft and
saves every answer through the service as it is given.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWizardPage,
)

from ...domain.assessment import Answer, Reflections
from ...domain.content import FactorContent
from ...domain.enums import Relationship
from ...domain.scoring import band, factor_scores, rounded
from ..long_text import LongTextEdit, cap_line
from ..look import mute
from ..paged_model import format_date
from ..words import ASSESSMENT_PARTS, ASSESSMENT_TIME
from .profile_chart import ProfileChart
from .rating_scale import RatingScale

if TYPE_CHECKING:
    from .wizard import AssessmentWizard

MAX_NAME = 100


def plain_label(text: str = "", wrap: bool = True) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    return label


class StartPage(QWizardPage):
    """Who is rated for which move: the person's roles, or the rater's name (rater mode)."""

    def __init__(self, wizard: AssessmentWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setObjectName("startPage")
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.name = QLineEdit(objectName="startName")
        self.current_role = QLineEdit(objectName="startCurrentRole")
        self.target_role = QLineEdit(objectName="startTargetRole")
        for line in (self.name, self.current_role, self.target_role):
            cap_line(line, MAX_NAME, "This field")
        self.relationship = QComboBox(objectName="startRelationship")
        for relationship in Relationship:
            if relationship is not Relationship.MENTOR:
                self.relationship.addItem(relationship.label, relationship)
        self.transition = QComboBox(objectName="startTransition")
        self.transition.addItem("Something else", None)
        for transition in wizard.content.transitions:
            self.transition.addItem(transition.title, transition.id)
        self.guidance = plain_label()
        mute(self.guidance)
        self.transition.currentIndexChanged.connect(self._show_guidance)
        self.message = plain_label()
        self.message.setObjectName("startMessage")

        if wizard.rater_mode:
            self.setTitle("Someone else's view")
            taken = wizard.assessment.taken_on if wizard.assessment else None
            about = f" for your assessment of {format_date(taken)}" if taken else ""
            self.setSubTitle(
                f"Enter how another person sees you{about}, statement by statement. Ask "
                "them to rate you on the same scale, or go through the pages together."
            )
            form.addRow("Their &name:", self.name)
            form.addRow("&Relationship:", self.relationship)
        else:
            self.setTitle("Your assessment")
            self.setSubTitle(
                f"Rate yourself on eight ways capable people derail their careers: "
                f"{ASSESSMENT_PARTS}. Answer for how you act now, not how you would like "
                f"to act. It takes {ASSESSMENT_TIME}; every answer is kept as you give it."
            )
            form.addRow("Yo&ur name:", self.name)
            form.addRow("&Current role:", self.current_role)
            form.addRow("&Target role:", self.target_role)
            form.addRow("The &move you are making:", self.transition)
            form.addRow("", self.guidance)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        if not wizard.rater_mode:  # what the pages ahead rate, where the page has room
            layout.addSpacing(12)
            layout.addWidget(self._derailers(wizard))
        layout.addStretch(1)

    @staticmethod
    def _derailers(wizard: AssessmentWizard) -> QLabel:
        lines = [f"•  {f.name}: {f.summary}" for f in wizard.content.factors]
        label = plain_label("The eight derailers you will rate yourself on:\n\n" + "\n".join(lines))
        label.setObjectName("startDerailers")
        mute(label)
        return label

    def _show_guidance(self) -> None:
        transition_id = self.transition.currentData()
        if transition_id is None:
            self.guidance.setText("")
            return
        transition = self._wizard.content.transition(transition_id)
        names = ", ".join(self._wizard.content.factor(f).name for f in transition.factors)
        self.guidance.setText(f"{transition.guidance}\nMatters most: {names}.")

    def validatePage(self) -> bool:
        if self._wizard.rater_mode and not self.name.text().strip():
            self.message.setText("Please enter the name of the person whose ratings these are.")
            self.name.setFocus()
            return False
        self.message.setText("")
        return self._wizard.start_page_done()


class FactorPage(QWizardPage):
    """The statements of one factor, each with its rating scale."""

    def __init__(self, wizard: AssessmentWizard, factor: FactorContent, number: int) -> None:
        super().__init__()
        self._wizard = wizard
        self.factor = factor
        self.setObjectName(f"factorPage_{factor.factor.value}")
        self.setTitle(f"Factor {number} of {len(wizard.content.factors)}: {factor.name}")
        who = "this person" if wizard.rater_mode else "you"
        self.setSubTitle(f"{factor.summary} How much is each statement like {who}?")
        layout = QVBoxLayout(self)
        layout.setSpacing(4)
        self.scales: list[RatingScale] = []
        for statement in factor.statements:
            text = plain_label(statement.text)
            scale = RatingScale(wizard.content.scale_labels)
            scale.setObjectName(f"rate_{statement.id}")
            scale.setAccessibleName(statement.text)
            text.setBuddy(scale)
            scale.rated.connect(lambda rating, sid=statement.id: self._rated(sid, rating))
            layout.addWidget(text)
            layout.addWidget(scale)
            layout.addSpacing(8)
            self.scales.append(scale)
        self.progress = plain_label()
        self.progress.setObjectName("factorProgress")
        mute(self.progress)
        layout.addStretch(1)
        layout.addWidget(self.progress)

    def _rated(self, statement_id: str, rating: int) -> None:
        self._wizard.rate(statement_id, rating)  # saved at once
        self._count()

    def initializePage(self) -> None:
        rated = self._wizard.current_ratings()
        for scale, statement in zip(self.scales, self.factor.statements, strict=True):
            scale.set_rating(rated.get(statement.id))
        self._count()
        QTimer.singleShot(0, self._focus_first_unrated)

    def _focus_first_unrated(self) -> None:
        if not self.isVisible():
            return
        target = next((s for s in self.scales if s.rating is None), self.scales[0])
        target.setFocus(Qt.FocusReason.TabFocusReason)

    def _count(self) -> None:
        missing = sum(1 for s in self.scales if s.rating is None)
        if missing:
            self.progress.setText(
                f"{missing} of {len(self.scales)} statements not rated yet. Keys: Tab moves "
                "to the next statement, 1–5 or ←/→ rate it."
            )
        else:
            self.progress.setText("All statements on this page are rated.")


class ReflectionPage(QWizardPage):
    """The self-assessment questions, answered in the person's own words."""

    def __init__(self, wizard: AssessmentWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setObjectName("reflectionPage")
        self.setTitle("Reflection")
        self.setSubTitle("A few questions to think about. Short notes are fine; skip any.")
        layout = QVBoxLayout(self)
        self.editors: dict[str, LongTextEdit] = {}
        self._save_soon = QTimer(self, singleShot=True, interval=600)
        self._save_soon.timeout.connect(self.save)
        for question in wizard.content.questions:
            prompt = plain_label(question.prompt)
            font = prompt.font()
            font.setBold(True)
            prompt.setFont(font)
            editor = LongTextEdit(what="A reflection")
            editor.setObjectName(f"reflect_{question.id}")
            editor.setPlaceholderText(question.hint)
            editor.setToolTip(question.hint)
            editor.setAccessibleName(question.prompt)
            prompt.setBuddy(editor)
            editor.textChanged.connect(self._save_soon.start)
            layout.addWidget(prompt)
            layout.addWidget(editor, 1)
            self.editors[question.id] = editor

    def initializePage(self) -> None:
        reflections = self._wizard.assessment_reflections()
        for question_id, editor in self.editors.items():
            editor.blockSignals(True)
            editor.setPlainText(getattr(reflections, question_id))
            editor.blockSignals(False)
        first = next(iter(self.editors.values()))
        QTimer.singleShot(0, lambda: first.setFocus(Qt.FocusReason.TabFocusReason))

    def reflections(self) -> Reflections:
        return Reflections(**{q: e.toPlainText() for q, e in self.editors.items()})

    def save(self) -> None:
        self._save_soon.stop()
        self._wizard.save_reflections(self.reflections())

    def validatePage(self) -> bool:
        self.save()
        return True


class SummaryPage(QWizardPage):
    """What has been rated; Finish stays off, and the page says why, while any is missing."""

    def __init__(self, wizard: AssessmentWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setObjectName("summaryPage")
        self.setTitle("Summary")
        self.setFinalPage(True)
        layout = QVBoxLayout(self)
        self.text = plain_label()
        self.text.setObjectName("summaryText")
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.text.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        layout.addWidget(self.text)
        # The profile so far, where the page has room: the picture the results will show.
        self.chart = ProfileChart()
        self.chart.setObjectName("summaryChart")
        layout.addWidget(self.chart, 1)
        self._missing: list[str] = []

    def initializePage(self) -> None:
        content = self._wizard.content
        rated = self._wizard.current_ratings()
        scores = factor_scores(content, [Answer(s, r) for s, r in rated.items()])
        lines = []
        self._missing = []
        for factor in content.factors:
            missing = [str(n) for n, s in enumerate(factor.statements, 1) if s.id not in rated]
            self._missing.extend(missing)
            if missing:
                lines.append(f"•  {factor.name}: statement {', '.join(missing)} not rated yet")
            else:
                score = scores[factor.factor] or 0.0
                lines.append(
                    f"✓  {factor.name}: all {len(factor.statements)} rated — "
                    f"{rounded(score)} ({band(score).label.lower()})"
                )
        if self._missing:
            self.setSubTitle(
                f"{len(self._missing)} statements are not rated yet. Go Back to rate them; "
                "Finish becomes available when every statement has a rating."
            )
        else:
            self.setSubTitle(self._wizard.finish_hint())
        self.text.setText("\n".join(lines))
        self.chart.set_profile(scores, "Your ratings so far" if self._missing else "Your ratings")
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return not self._missing
