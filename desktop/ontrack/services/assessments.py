"""Assessment use cases: start a draft, save each answer as it is given, add raters,
finish, delete and restore, and read what the results and comparison screens show.

Each write is one transaction and announces `Topic.ASSESSMENTS`. Answers are saved one
at a time, outside the undo stack (the wizard is its own flow); finishing and deleting
return what undo needs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import cached_property
from typing import TYPE_CHECKING

from ..domain.assessment import Assessment, Rater, Reflections
from ..domain.assessment_drafts import with_rater, with_rating
from ..domain.dates import written
from ..domain.enums import AssessmentStatus, Relationship
from ..domain.ids import new_id
from ..domain.validation import check_assessment
from ..storage.repositories import assessment_records as records
from ..storage.repositories.assessment_records import RemovedAssessment
from .change import Change, Topic
from .context import ServiceContext

if TYPE_CHECKING:  # the content (~20 ms to import and read) loads when first asked for
    from ..domain.content import Content

_Edit = Callable[[Assessment], Assessment]

__all__ = ["AssessmentNotFoundError", "AssessmentService", "RemovedAssessment"]


class AssessmentNotFoundError(LookupError):
    """The assessment is not (or no longer) in the data file."""


class AssessmentService:
    def __init__(
        self, context: ServiceContext, content: Callable[[], Content] | None = None
    ) -> None:
        self._context = context
        self._content = content or _bundled_content

    @cached_property
    def content(self) -> Content:
        """The statements, guidance and templates (read once, when first needed; the
        Services registry shares its one copy)."""
        return self._content()

    # -- reading -----------------------------------------------------------------------
    def get(self, assessment_id: str) -> Assessment:
        assessment = records.load_assessment(self._context.data, assessment_id)
        if assessment is None:
            raise AssessmentNotFoundError(assessment_id)
        return assessment

    def find(self, assessment_id: str) -> Assessment | None:
        return records.load_assessment(self._context.data, assessment_id)

    def latest_draft(self) -> Assessment | None:
        draft_id = records.latest_draft_id(self._context.data)
        return None if draft_id is None else self.find(draft_id)

    def latest_complete(self) -> Assessment | None:
        found = records.latest_complete_id(self._context.data)
        return None if found is None else self.find(found)

    def previous(self, assessment_id: str) -> Assessment | None:
        """The complete assessment taken before this one, to show what changed."""
        found = records.previous_complete_id(self._context.data, assessment_id)
        return None if found is None else self.find(found)

    def choices(self) -> list[tuple[str, str]]:
        """(id, label) of every assessment, newest first, for pickers."""
        result = []
        for uid, day, status, current, target in records.choices(self._context.data):
            label = written(day)
            transition = " → ".join(part for part in (current, target) if part)
            if transition:
                label += f" · {transition}"
            if status is AssessmentStatus.DRAFT:
                label += " (draft)"
            result.append((uid, label))
        return result

    def overall_scores(self, assessment_ids: list[str]) -> dict[str, int | None]:
        """The rounded overall score (0..100) of each assessment's own answers."""
        from ..domain.scoring import factor_scores, overall_score, rounded

        answers = records.own_answers(self._context.data, assessment_ids)
        result: dict[str, int | None] = {}
        for uid, given in answers.items():
            overall = overall_score(factor_scores(self.content, given))
            result[uid] = None if overall is None else rounded(overall)
        return result

    # -- the draft, one answer at a time --------------------------------------------------
    def start(self, current_role: str, target_role: str) -> Assessment:
        """A new draft taken today for this transition, saved at once."""
        assessment = Assessment(
            id=new_id(),
            taken_on=self._context.clock.today(),
            status=AssessmentStatus.DRAFT,
            current_role=current_role.strip(),
            target_role=target_role.strip(),
        )
        check_assessment(assessment)
        records.save_assessment(self._context.data, assessment)
        self._announce(assessment.id)
        return assessment

    def set_roles(self, assessment_id: str, current_role: str, target_role: str) -> Assessment:
        return self._change(
            assessment_id,
            lambda a: replace(
                a, current_role=current_role.strip(), target_role=target_role.strip()
            ),
        )

    def rate(
        self, assessment_id: str, statement: str, rating: int, rater: int | None = None
    ) -> Assessment:
        """Save one rating (the person's, or the rater's at that index) at once."""
        if not self.content.has_statement(statement):
            raise ValueError(f"unknown statement {statement!r}")
        return self._change(assessment_id, lambda a: with_rating(a, statement, rating, rater))

    def set_reflections(self, assessment_id: str, reflections: Reflections) -> Assessment:
        return self._change(assessment_id, lambda a: replace(a, reflections=reflections))

    def add_rater(self, assessment_id: str, name: str, relationship: Relationship) -> int:
        """Add somebody else's ratings (none yet) to an assessment; returns the rater's index."""
        saved = self._change(assessment_id, lambda a: with_rater(a, name, relationship))
        return len(saved.raters) - 1

    def remove_rater(self, assessment_id: str, index: int) -> Rater:
        """Remove one rater with their ratings; returns the rater (for undo)."""
        data = self._context.data
        with data.transaction():
            old = self.get(assessment_id)
            if not 0 <= index < len(old.raters):
                raise IndexError(f"no rater {index}")
            raters = tuple(r for n, r in enumerate(old.raters) if n != index)
            records.save_assessment(data, replace(old, raters=raters))
        self._announce(assessment_id)
        return old.raters[index]

    def insert_rater(self, assessment_id: str, index: int, rater: Rater) -> None:
        """Put a removed rater back in their place (undo)."""

        def with_it(a: Assessment) -> Assessment:
            raters = list(a.raters)
            raters.insert(max(0, min(index, len(raters))), rater)
            return replace(a, raters=tuple(raters))

        self._change(assessment_id, with_it)

    def keep_rater(self, assessment_id: str, index: int, rater: Rater) -> None:
        """See that `rater` is the one at `index`: typed in through the wizard, they are
        there already (nothing is written); after an undo they are put back there."""
        with self._context.data.transaction():
            raters = self.get(assessment_id).raters
            if 0 <= index < len(raters) and raters[index] == rater:
                return
            self.insert_rater(assessment_id, index, rater)

    # -- finishing and deleting (undoable) --------------------------------------------------
    def set_status(self, assessment_id: str, status: AssessmentStatus) -> AssessmentStatus:
        """Finish (complete) or reopen (draft) an assessment; returns the old status.

        Finishing is refused while statements are unrated."""
        data = self._context.data
        with data.transaction():
            old = self.get(assessment_id)
            if status is AssessmentStatus.COMPLETE:
                rated = {a.statement for a in old.answers}
                missing = [s.id for s in self.content.statements if s.id not in rated]
                if missing:
                    raise ValueError(f"{len(missing)} statements are not rated yet")
            records.save_assessment(data, replace(old, status=status))
        self._announce(assessment_id)
        return old.status

    def delete(self, assessment_id: str) -> RemovedAssessment:
        removed = records.delete_assessment(self._context.data, assessment_id)
        if removed is None:
            raise AssessmentNotFoundError(assessment_id)
        self._announce(assessment_id)
        return removed

    def restore(self, removed: RemovedAssessment) -> None:
        records.restore_assessment(self._context.data, removed)
        self._announce(removed.assessment.id)

    # -- helpers ------------------------------------------------------------------------
    def _change(self, assessment_id: str, edit: _Edit) -> Assessment:
        data = self._context.data
        with data.transaction():
            changed = edit(self.get(assessment_id))
            check_assessment(changed)  # text over its cap: refused in words
            records.save_assessment(data, changed)
        self._announce(assessment_id)
        return changed

    def _announce(self, assessment_id: str) -> None:
        self._context.notifier.announce(Change.of(Topic.ASSESSMENTS, ids=(assessment_id,)))


def _bundled_content() -> Content:
    from .content import bundled_content

    return bundled_content()
