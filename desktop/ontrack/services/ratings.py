"""Ratings from others without a server: ask a rater (a fillable PDF questionnaire, or the
same as plain text in an e-mail), read what comes back, and add it as one step.

Reading never changes anything: `read_files` and `read_reply` return a `Returned` per form,
each either ready to add or refused with its reason (an assessment not in this file, a
rater not on it, a form already imported, a form with no answer, a PDF that is not an
OnTrack form). `add` then puts the ready ones in, in one transaction, and returns what undo
needs; `put_back` restores raters as they were (undo) or as they were made (redo).
Asking is undone by `withdraw` and redone by `reinstate`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import quote

from ..domain.assessment import Assessment, NameConsent, Rater
from ..domain.dates import written
from ..domain.enums import Relationship
from ..domain.ids import new_id
from ..domain.questionnaire import FormAnswers, NotAQuestionnaireError, read_boxes
from ..domain.validation import MAX_COMMENT_LENGTH, check_assessment
from ..storage.repositories import assessment_records as records
from .assessments import AssessmentService
from .change import Change, Topic
from .context import ServiceContext
from .profile import ProfileService


@dataclass(frozen=True, slots=True)
class Returned:
    """One returned form (or pasted reply) as read: ready to add, or refused and why."""

    source: str
    refused: str = ""
    assessment_id: str = ""
    rater_id: str = ""
    rater_name: str = ""
    relationship: Relationship = Relationship.OTHER
    answers: FormAnswers | None = None
    consent_asked: bool = False
    """The form asked the rater to agree to be shown by name (`answers.consented` says
    whether they did)."""

    @property
    def ready(self) -> bool:
        return not self.refused


@dataclass(frozen=True, slots=True)
class RaterChange:
    """One rater before and after an import, for undo and redo."""

    assessment_id: str
    before: Rater
    after: Rater


class RatingService:
    def __init__(
        self, context: ServiceContext, assessments: AssessmentService, profile: ProfileService
    ) -> None:
        self._context = context
        self._assessments = assessments
        self._profile = profile

    @property
    def person(self) -> str:
        """The person's name as raters see it ("I" until the profile has a name)."""
        return self._profile.get().name.strip() or "I"

    # -- asking ------------------------------------------------------------------------
    def default_letter(self, rater_name: str, ask_consent: bool = False) -> str:
        person = self.person
        first = rater_name.split()[0] if rater_name.split() else rater_name
        privacy = (
            f"{person} will see peers' and direct reports' answers only as a group of three "
            "or more, never by name."
        )
        if ask_consent:
            privacy = (
                f"{person} is asking only a few people, too few to keep answers anonymous, "
                "so the form asks whether you agree to be shown by name. Without that tick "
                f"{person} sees none of your answers."
            )
        return (
            f"Dear {first},\n\n{person} is working on how they come across at work and "
            "would value your honest view. The statements below describe everyday "
            "behaviour; there are no right answers, and a frank answer helps far more "
            f"than a kind one.\n\n{privacy}\n\nThank you,\n{person}"
        )

    def ask(
        self,
        assessment_id: str,
        name: str,
        relationship: Relationship,
        email: str = "",
        *,
        ask_consent: bool = False,
    ) -> Rater:
        """Add a rater who will get a questionnaire (asked today); returns them. With
        `ask_consent`, their form asks them to agree to be shown by name (a manager is
        shown by name anyway, so it is never asked of one)."""
        name = name.strip()
        if not name:
            raise ValueError("The rater needs a name.")
        asked = ask_consent and relationship is not Relationship.MANAGER
        rater = Rater(
            name,
            relationship,
            id=new_id(),
            email=email.strip(),
            asked_on=self._context.clock.today(),
            consent=NameConsent.ASKED if asked else NameConsent.NOT_ASKED,
        )
        data = self._context.data
        with data.transaction():
            assessment = self._assessments.get(assessment_id)
            changed = replace(assessment, raters=(*assessment.raters, rater))
            check_assessment(changed)
            records.save_assessment(data, changed)
        self._announce([assessment_id])
        return rater

    def withdraw(self, assessment_id: str, rater_id: str) -> tuple[int, Rater]:
        """Take an asked rater off again (undo of `ask`); returns their place and them."""
        raters = self._assessments.get(assessment_id).raters
        index = next((n for n, r in enumerate(raters) if r.id == rater_id), None)
        if index is None:
            raise LookupError("That rater is no longer on this assessment.")
        return index, self._assessments.remove_rater(assessment_id, index)

    def reinstate(self, assessment_id: str, index: int, rater: Rater) -> None:
        """Put a withdrawn rater back in their place (redo of `ask`)."""
        self._assessments.insert_rater(assessment_id, index, rater)

    def rater(self, assessment_id: str, rater_id: str) -> Rater:
        for rater in self._assessments.get(assessment_id).raters:
            if rater.id and rater.id == rater_id:
                return rater
        raise LookupError(f"no rater {rater_id!r} on this assessment")

    def write_form(self, assessment_id: str, rater_id: str, path: Path, letter: str) -> None:
        """Write the rater's fillable questionnaire to `path`."""
        from ..reports.questionnaire import QuestionnaireSpec, write_questionnaire

        rater = self.rater(assessment_id, rater_id)
        asked = rater.consent is not NameConsent.NOT_ASKED
        spec = QuestionnaireSpec(self.person, rater.name, assessment_id, rater_id, letter, asked)
        partial = path.with_name(path.name + ".part")  # never a half-written form
        try:
            write_questionnaire(self._assessments.content, spec, partial)
            partial.replace(path)
        finally:
            partial.unlink(missing_ok=True)

    def reply_text(self, assessment_id: str, rater_id: str) -> str:
        from ..domain.reply_text import questionnaire_text

        asked = self.rater(assessment_id, rater_id).consent is not NameConsent.NOT_ASKED
        content = self._assessments.content
        return questionnaire_text(content, self.person, assessment_id, rater_id, ask_consent=asked)

    def mail_link(self, assessment_id: str, rater_id: str, letter: str) -> str:
        """A `mailto:` link with the letter and the plain-text questionnaire. A link cannot
        attach the PDF: the person attaches it by hand."""
        rater = self.rater(assessment_id, rater_id)
        subject = f"Would you rate how {self.person} comes across at work?"
        body = (
            f"{letter}\n\nThe questionnaire is attached as a PDF you can fill in and save. "
            "If that does not work for you, reply to this e-mail with a number in each "
            f"box below instead.\n\n{self.reply_text(assessment_id, rater_id)}\n"
        )
        return f"mailto:{quote(rater.email)}?subject={quote(subject)}&body={quote(body)}"

    # -- reading what comes back --------------------------------------------------------
    def read_files(self, paths: Iterable[Path]) -> list[Returned]:
        from ..interchange.questionnaire_read import read_returned_form

        found: list[Returned] = []
        for path in paths:
            try:
                fields = read_returned_form(path)
            except NotAQuestionnaireError as error:
                found.append(Returned(path.name, refused=str(error)))
                continue
            answers = read_boxes(self._assessments.content, set(fields.ticked), fields.texts)
            found.append(self._match(path.name, fields.assessment_id, fields.rater_id, answers))
        return refuse_repeats(found)

    def read_reply(self, text: str) -> Returned:
        from ..domain.reply_text import parse_reply

        try:
            reply = parse_reply(self._assessments.content, text)
        except NotAQuestionnaireError as error:
            return Returned("pasted reply", refused=str(error))
        return self._match("pasted reply", reply.assessment_id, reply.rater_id, reply.answers)

    def _match(
        self, source: str, assessment_id: str, rater_id: str, answers: FormAnswers
    ) -> Returned:
        assessment = self._assessments.find(assessment_id)
        if assessment is None:
            return Returned(source, "it is for an assessment that is not in this data file")
        rater = next((r for r in assessment.raters if r.id == rater_id), None)
        if rater is None:
            return Returned(source, "its rater is no longer on that assessment", assessment_id)
        asked = rater.consent is not NameConsent.NOT_ASKED
        ready = Returned(
            source, "", assessment_id, rater_id, rater.name, rater.relationship, answers, asked
        )
        if rater.returned_on is not None:
            when = written(rater.returned_on)
            return replace(ready, refused=f"{rater.name}'s answers were already added on {when}")
        if answers.is_empty:
            return replace(ready, refused="it has no answers: nothing was ticked or written")
        for _, words in answers.comments:
            if len(words) > MAX_COMMENT_LENGTH:
                return replace(
                    ready,
                    refused=f"a comment has {len(words):,} characters; at most "
                    f"{MAX_COMMENT_LENGTH:,} can be kept (ask for a shorter one)",
                )
        return ready

    # -- adding, undoing, redoing -------------------------------------------------------
    def add(self, returned: Sequence[Returned]) -> list[RaterChange]:
        """Add every ready form's answers in one transaction; returns what undo needs."""
        today = self._context.clock.today()
        changes: list[RaterChange] = []
        for form in returned:
            if not form.ready or form.answers is None:
                continue
            before = self.rater(form.assessment_id, form.rater_id)
            after = replace(
                before,
                answers=form.answers.answers,
                comments=form.answers.comments,
                returned_on=today,
                consent=_consent(before, form.answers),
            )
            changes.append(RaterChange(form.assessment_id, before, after))
        if not changes:
            raise ValueError("None of these forms can be added.")
        self.put_back([(c.assessment_id, c.after) for c in changes])
        return changes

    def put_back(self, raters: Sequence[tuple[str, Rater]]) -> None:
        """Set each rater (found by id on its assessment) to the given one, in one step."""
        data = self._context.data
        touched: dict[str, Assessment] = {}
        with data.transaction():
            for assessment_id, rater in raters:
                assessment = touched.get(assessment_id) or self._assessments.get(assessment_id)
                if not any(r.id == rater.id for r in assessment.raters):
                    raise LookupError(f"{rater.name} is no longer on that assessment")
                swapped = tuple(rater if r.id == rater.id else r for r in assessment.raters)
                touched[assessment_id] = replace(assessment, raters=swapped)
            for assessment in touched.values():
                check_assessment(assessment)  # a comment over the cap: refused in words
                records.save_assessment(data, assessment)
        self._announce(list(touched))

    def _announce(self, assessment_ids: list[str]) -> None:
        change = Change.of(Topic.ASSESSMENTS, ids=tuple(assessment_ids))
        self._context.notifier.announce(change)


def _consent(rater: Rater, answers: FormAnswers) -> NameConsent:
    """Given only when the form asked and the rater ticked it; asked and unticked stays
    `ASKED` (with `returned_on` set: they declined)."""
    if rater.consent is NameConsent.NOT_ASKED:
        return NameConsent.NOT_ASKED  # a box the form never had (a pasted line, say)
    return NameConsent.GIVEN if answers.consented else NameConsent.ASKED


def refuse_repeats(found: Sequence[Returned]) -> list[Returned]:
    """A second form of the same rater in one batch is refused (the first one counts)."""
    seen: set[tuple[str, str]] = set()
    result = []
    for form in found:
        key = (form.assessment_id, form.rater_id)
        if form.ready and key in seen:
            form = replace(form, refused=f"{form.rater_name}'s form appears twice; one is enough")
        elif form.ready:
            seen.add(key)
        result.append(form)
    return result
