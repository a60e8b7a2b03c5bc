"""The assessment wizard: start, one page per factor, reflections, summary, Finish.

It works on a draft that is saved answer by answer through the service (outside the undo
stack), so closing the wizard or the app loses nothing; the page reached is kept in the
settings, and reopening the draft goes straight back to it. Finishing is one undoable
command. In rater mode the same pages take somebody else's ratings of the same statements;
a rater added here is, once the wizard closes, one undoable step (Edit ▸ Undo takes them
off again).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSettings
from PySide6.QtGui import QCloseEvent, QUndoStack
from PySide6.QtWidgets import QWidget, QWizard

from ...commands.assessments import AddRaterCommand, FinishAssessmentCommand
from ...commands.undoable import push
from ...domain.assessment import Assessment, Reflections
from ...domain.assessment_drafts import first_unrated_factor, ratings
from ...domain.content import Content
from ...domain.enums import Relationship
from ...domain.profile import Profile
from ...services.assessments import AssessmentService
from ...services.profile import ProfileService
from .wizard_pages import FactorPage, ReflectionPage, StartPage, SummaryPage

START, REFLECTION, SUMMARY = 0, 100, 101
RESUME_KEY = "assessment/resume"
# Which of the content's common transitions an assessment was taken for. The interchange
# format has no place for it, so it stays on this computer (the roles travel with the file).
TRANSITION_KEY = "assessment/transition"


def chosen_transition(settings: QSettings, assessment_id: str) -> str | None:
    value = settings.value(f"{TRANSITION_KEY}/{assessment_id}")
    return str(value) if value else None


class AssessmentWizard(QWizard):
    def __init__(
        self,
        service: AssessmentService,
        profiles: ProfileService,
        undo_stack: QUndoStack,
        settings: QSettings,
        assessment: Assessment | None = None,
        rater: int | None = None,
        rater_mode: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("assessmentWizard")
        self.service = service
        self.content: Content = service.content
        self._profiles = profiles
        self._undo_stack = undo_stack
        self._settings = settings
        self.assessment = assessment
        self.rater = rater
        self.rater_mode = rater_mode or rater is not None
        self._started_here = False  # this wizard created the draft (or the rater)
        self.setWindowTitle("Others' ratings" if self.rater_mode else "Assessment")
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setButtonText(QWizard.WizardButton.CancelButton, "Close")
        self.button(QWizard.WizardButton.CancelButton).setToolTip(
            "Close now and carry on later: every answer is already saved"
        )
        self.resize(900, 700)

        self.start_page = StartPage(self)
        self.setPage(START, self.start_page)
        self.factor_pages = []
        for number, factor in enumerate(self.content.factors, start=1):
            page = FactorPage(self, factor, number)
            self.setPage(number, page)
            self.factor_pages.append(page)
        self.reflection_page: ReflectionPage | None = None
        if not self.rater_mode:
            self.reflection_page = ReflectionPage(self)
            self.setPage(REFLECTION, self.reflection_page)
        self.summary_page = SummaryPage(self)
        self.setPage(SUMMARY, self.summary_page)
        if parent is not None:
            # The window closing (the app quitting) must not lose a reflection typed in
            # the last moment before its save was due.
            parent.window().installEventFilter(self)
        self._prefill()
        # Read before any page change is remembered over it.
        self._resume_target = self._saved_page()
        self.currentIdChanged.connect(self._remember_page)

    # -- what the pages ask of the wizard ---------------------------------------------------
    def _prefill(self) -> None:
        page = self.start_page
        profile = self._profiles.get()
        if self.rater_mode:
            if self.assessment is not None and self.rater is not None:
                rater = self.assessment.raters[self.rater]
                page.name.setText(rater.name)
                page.relationship.setCurrentIndex(page.relationship.findData(rater.relationship))
                page.name.setEnabled(False)
                page.relationship.setEnabled(False)
            return
        page.name.setText(profile.name)
        if self.assessment is not None:
            page.current_role.setText(self.assessment.current_role)
            page.target_role.setText(self.assessment.target_role)
            chosen = chosen_transition(self._settings, self.assessment.id)
            page.transition.setCurrentIndex(max(page.transition.findData(chosen), 0))
        else:
            page.current_role.setText(profile.current_role)
            page.target_role.setText(profile.target_role)

    def start_page_done(self) -> bool:
        """Leaving the start page: create the draft (or the rater), or update its roles."""
        page = self.start_page
        if self.rater_mode:
            if self.rater is None:
                assert self.assessment is not None
                # Qt hands a StrEnum back as its plain string value.
                relationship = Relationship(page.relationship.currentData())
                self.rater = self.service.add_rater(
                    self.assessment.id, page.name.text(), relationship
                )
                self.assessment = self.service.get(self.assessment.id)
                page.name.setEnabled(False)
                page.relationship.setEnabled(False)
                self._started_here = True
            return True
        current, target = page.current_role.text(), page.target_role.text()
        if self.assessment is None:
            self.assessment = self.service.start(current, target)
            self._started_here = True
            self._keep_profile(page.name.text(), current, target)
        elif (current, target) != (self.assessment.current_role, self.assessment.target_role):
            self.assessment = self.service.set_roles(self.assessment.id, current, target)
        key = f"{TRANSITION_KEY}/{self.assessment.id}"
        transition = page.transition.currentData()
        if transition:
            self._settings.setValue(key, transition)
        else:
            self._settings.remove(key)
        return True

    def _keep_profile(self, name: str, current: str, target: str) -> None:
        # The profile is the person's standing record: fill in what it lacks, never overwrite.
        profile = self._profiles.get()
        filled = Profile(
            profile.name or name.strip(),
            profile.current_role or current.strip(),
            profile.target_role or target.strip(),
        )
        if filled != profile:
            self._profiles.update(filled)

    def current_ratings(self) -> dict[str, int]:
        if self.assessment is None:
            return {}
        return ratings(self.assessment, self.rater)

    def rate(self, statement: str, rating: int) -> None:
        assert self.assessment is not None
        self.assessment = self.service.rate(self.assessment.id, statement, rating, self.rater)

    def assessment_reflections(self) -> Reflections:
        return self.assessment.reflections if self.assessment else Reflections()

    def save_reflections(self, reflections: Reflections) -> None:
        if self.assessment is not None and reflections != self.assessment.reflections:
            self.assessment = self.service.set_reflections(self.assessment.id, reflections)

    def finish_hint(self) -> str:
        if self.rater_mode:
            return "Every statement is rated. Finish to see their view beside yours."
        return "Every statement is rated. Finish to see your results."

    # -- resuming ---------------------------------------------------------------------
    def _resume_key(self) -> str | None:
        if self.assessment is None:
            return None
        who = "self" if self.rater is None else f"rater{self.rater}"
        return f"{RESUME_KEY}/{self.assessment.id}/{who}"

    def _remember_page(self, page_id: int) -> None:
        key = self._resume_key()
        if key is not None and page_id >= 0:
            self._settings.setValue(key, page_id)

    def _saved_page(self) -> int:
        """The page remembered for this draft; without one, the first page with a
        statement still to rate (settings can be lost, answers never are)."""
        key = self._resume_key()
        if key is None or self.assessment is None:
            return START
        saved = self._settings.value(key)
        try:
            target = int(saved) if saved is not None else self._derived_page()
        except (TypeError, ValueError):
            target = self._derived_page()  # damaged settings never stop a resume
        return target if target in self.pageIds() else START

    def _derived_page(self) -> int:
        assert self.assessment is not None
        factor = first_unrated_factor(self.content, self.assessment, self.rater)
        if factor is None:
            return SUMMARY if self.rater_mode else REFLECTION
        return [fc.factor for fc in self.content.factors].index(factor) + 1

    def resume(self) -> None:
        """Go back to the page where the person stopped (the start page if unknown)."""
        target = self._resume_target
        self.restart()
        while self.currentId() not in (target, -1) and self.currentId() != SUMMARY:
            before = self.currentId()
            self.next()
            if self.currentId() == before:
                break

    # -- closing ------------------------------------------------------------------------
    def _flush(self) -> None:
        page = self.reflection_page
        if page is not None and self.assessment is not None and REFLECTION in self.visitedIds():
            page.save()

    def accept(self) -> None:
        self._flush()
        if self.assessment is not None and not self.rater_mode:
            push(self._undo_stack, FinishAssessmentCommand(self.service, self.assessment.id))
        self._record_new_rater()
        key = self._resume_key()
        if key is not None:
            self._settings.remove(key)
        super().accept()

    def reject(self) -> None:
        self._flush()
        self._drop_if_untouched()
        self._record_new_rater()
        super().reject()

    def _record_new_rater(self) -> None:
        """A rater added here and kept goes on the undo stack as one step."""
        if not (self.rater_mode and self._started_here) or self.assessment is None:
            return
        if self.rater is None:
            return
        saved = self.service.get(self.assessment.id)
        command = AddRaterCommand(self.service, saved.id, self.rater, saved.raters[self.rater])
        push(self._undo_stack, command)
        self._started_here = False  # recorded once, whichever way the wizard closes

    def _drop_if_untouched(self) -> None:
        """Closing before the first answer leaves nothing behind: a draft (or a rater) this
        wizard created and nobody rated is removed again, so the history has no empty rows."""
        if not self._started_here or self.assessment is None:
            return
        if self.rater_mode and self.rater is not None:
            if not self.assessment.raters[self.rater].answers:
                self.service.remove_rater(self.assessment.id, self.rater)
                self.assessment = None
        elif not self.assessment.answers and self.assessment.reflections == Reflections():
            self.service.delete(self.assessment.id)
            self.assessment = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Close:
            self._flush()
        return False

    def closeEvent(self, event: QCloseEvent) -> None:
        self._flush()
        super().closeEvent(event)
