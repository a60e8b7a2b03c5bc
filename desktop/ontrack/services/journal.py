"""Journal use cases: record, change, delete and restore feedback; ask for feedback and
record the answer; mark a follow-up done; and the reads behind the Journal tab.

Each write is one transaction and announces what changed; writes return what undo needs.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from ..domain.enums import FeedbackKind, Relationship
from ..domain.ids import new_id
from ..domain.journal import Feedback
from ..domain.journal_query import JournalListEntry, JournalQuery
from ..domain.rebase import rebase
from ..domain.removed import RemovedFeedback
from ..domain.validation import check_feedback
from ..storage.repositories import feedback_records, journal_search
from .change import Change, Topic
from .context import ServiceContext


class FeedbackNotFoundError(LookupError):
    """The entry is not (or no longer) in the data file."""


class JournalService:
    def __init__(self, context: ServiceContext) -> None:
        self._context = context

    @property
    def today(self) -> date:
        return self._context.clock.today()

    # -- reads -------------------------------------------------------------------------
    def get(self, feedback_id: str) -> Feedback:
        feedback = feedback_records.load_feedback(self._context.data, feedback_id)
        if feedback is None:
            raise FeedbackNotFoundError(feedback_id)
        return feedback

    def find(self, feedback_id: str) -> Feedback | None:
        return feedback_records.load_feedback(self._context.data, feedback_id)

    def count(self, query: JournalQuery) -> int:
        return journal_search.count(self._context.data, query, self.today)

    def page(self, query: JournalQuery, offset: int, limit: int) -> list[JournalListEntry]:
        return journal_search.page(self._context.data, query, self.today, offset, limit)

    def first_ids(self, query: JournalQuery, limit: int) -> tuple[list[str], int]:
        """The first `limit` matching entries' ids, newest first, and how many match."""
        return journal_search.first_ids(self._context.data, query, self.today, limit)

    def page_ids(self, query: JournalQuery, offset: int, limit: int) -> list[str]:
        return journal_search.page_ids(self._context.data, query, self.today, offset, limit)

    def rows(self, ids: list[str]) -> list[JournalListEntry]:
        """List rows for `ids` (a page of `first_ids` or `page_ids`), in that order, without
        their excerpts (`excerpts`: for the rows shown)."""
        return journal_search.rows(self._context.data, ids)

    def excerpts(self, query: JournalQuery, ids: list[str]) -> dict[str, str]:
        """The words around the first match of the query's words in each of `ids`."""
        return journal_search.excerpts(self._context.data, query.terms, ids)

    def position(self, query: JournalQuery, feedback_id: str) -> int | None:
        return journal_search.position(self._context.data, query, self.today, feedback_id)

    def contact_names(self) -> list[tuple[str, str]]:
        return feedback_records.contact_names(self._context.data)

    def goal_titles(self) -> list[tuple[str, str]]:
        return feedback_records.goal_titles(self._context.data)

    def tags_in_use(self) -> list[str]:
        return feedback_records.tags_in_use(self._context.data)

    # -- writes ------------------------------------------------------------------------
    def create(self, feedback: Feedback) -> Feedback:
        """Save a new entry; fills in `id` if empty."""
        feedback = self._checked(replace(feedback, id=feedback.id or new_id()))
        feedback_records.save_feedback(self._context.data, feedback)
        self._announce(feedback.id)
        return feedback

    def save(self, feedback: Feedback, based_on: Feedback | None = None) -> Feedback:
        """Replace an entry with a changed version of itself; returns the one it replaced.
        With `based_on`, only what the edit changed is written (see `domain.rebase`)."""
        data = self._context.data
        with data.transaction():
            old = self.get(feedback.id)
            if based_on is not None:
                feedback = rebase(old, based_on, feedback)
            feedback_records.save_feedback(data, self._checked(feedback))
        self._announce(feedback.id)
        return old

    def delete(self, feedback_id: str) -> RemovedFeedback:
        removed = feedback_records.delete_feedback(self._context.data, feedback_id)
        if removed is None:
            raise FeedbackNotFoundError(feedback_id)
        self._announce(feedback_id)
        return removed

    def restore(self, removed: RemovedFeedback) -> None:
        feedback_records.restore_feedback(self._context.data, self._checked_restore(removed))
        self._announce(removed.feedback.id)

    # -- the loop: what each step makes of an entry (the commands save the result) ------
    def new_entry(self) -> Feedback:
        return Feedback(id=new_id(), date=self.today, kind=FeedbackKind.CONSTRUCTIVE)

    def new_request(
        self,
        source_name: str,
        about: str,
        chase_on: date | None,
        contact: str | None = None,
        relationship: Relationship = Relationship.OTHER,
    ) -> Feedback:
        """Feedback asked for: whom, about what, and when to chase it up."""
        return Feedback(
            id=new_id(),
            date=self.today,
            kind=FeedbackKind.REQUEST,
            source_name=source_name.strip(),
            relationship=relationship,
            contact=contact,
            situation=about.strip(),
            follow_up_on=chase_on,
        )

    def answered(self, request: Feedback, kind: FeedbackKind) -> Feedback:
        """The request turned into the feedback received today (the chase date is done)."""
        if kind is FeedbackKind.REQUEST:
            raise ValueError("an answer is praise or constructive feedback")
        return replace(request, kind=kind, date=self.today, follow_up_on=None)

    def followed_up(self, feedback: Feedback, note: str, on: date | None = None) -> Feedback:
        return replace(feedback, followed_up_on=on or self.today, follow_up_note=note)

    # -- helpers -----------------------------------------------------------------------
    def _checked(self, feedback: Feedback) -> Feedback:
        """Links to a contact or goal deleted meanwhile are dropped, not refused; text over
        its cap is refused in words (InvalidRecordError)."""
        check_feedback(feedback)
        data = self._context.data
        if feedback.contact and not feedback_records.exists(data, "contact", feedback.contact):
            feedback = replace(feedback, contact=None)
        if feedback.goal and not feedback_records.exists(data, "goal", feedback.goal):
            feedback = replace(feedback, goal=None)
        return feedback

    def _checked_restore(self, removed: RemovedFeedback) -> RemovedFeedback:
        return replace(removed, feedback=self._checked(removed.feedback))

    def _announce(self, feedback_id: str) -> None:
        self._context.notifier.announce(Change.of(Topic.FEEDBACK, ids=(feedback_id,)))
