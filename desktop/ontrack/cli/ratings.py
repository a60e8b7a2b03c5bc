"""`ontrack ask-ratings` and `ontrack import-ratings`: questionnaires for raters, and the
answers they send back, from the command line."""

from __future__ import annotations

import argparse

from ..domain.assessment import NameConsent
from ..domain.enums import Relationship
from .errors import UserError
from .session import open_services


def ask_ratings(args: argparse.Namespace) -> str:
    """Add a rater to an assessment and write their fillable questionnaire."""
    relationship = Relationship(args.relationship)
    with open_services(args, create=False, writer=True) as services:
        assessments = services.assessments
        assessment = (
            assessments.find(args.assessment) if args.assessment else assessments.latest_complete()
        )
        if assessment is None:
            raise UserError(
                f"no assessment {args.assessment!r} in the data file"
                if args.assessment
                else "there is no complete assessment to ask about; finish one first"
            )
        ratings = services.ratings
        try:
            rater = ratings.ask(
                assessment.id,
                args.name,
                relationship,
                args.email or "",
                ask_consent=args.ask_consent,
            )
        except ValueError as error:
            raise UserError(str(error)) from error
        letter = ratings.default_letter(rater.name, rater.consent is NameConsent.ASKED)
        try:
            ratings.write_form(assessment.id, rater.id, args.out, letter)
        except OSError as error:
            ratings.withdraw(assessment.id, rater.id)
            raise UserError(f"cannot write {args.out}: {error.strerror or error}") from error
    return (
        f"Wrote {rater.name}'s questionnaire to {args.out}. Send it to them; when it comes "
        f"back, add it with: ontrack import-ratings {args.out.name}"
    )


def import_ratings(args: argparse.Namespace) -> str:
    """Add the answers of returned questionnaires, refusing any that cannot be added."""
    with open_services(args, create=False, writer=True) as services:
        ratings = services.ratings
        returned = ratings.read_files(args.forms)
        lines = []
        for form in returned:
            if form.ready and form.answers is not None:
                answers = form.answers
                lines.append(
                    f"{form.source}: {form.rater_name} ({form.relationship.label.lower()}), "
                    f"{len(answers.answers)} statements rated, {len(answers.cant_say)} "
                    f'"can\'t say", {len(answers.comments)} comments'
                    + (
                        f"; {len(answers.unreadable)} with several boxes ticked, left out"
                        if answers.unreadable
                        else ""
                    )
                )
                if form.consent_asked:
                    lines[-1] += (
                        "; agreed to be shown by name"
                        if answers.consented
                        else "; did not agree to be shown by name (stays anonymous)"
                    )
            else:
                lines.append(f"{form.source}: not added: {form.refused}")
        if not any(form.ready for form in returned):
            raise UserError("nothing was added.\n" + "\n".join(lines))
        ratings.add(returned)
    added = sum(1 for form in returned if form.ready)
    return "\n".join([*lines, f"Added the ratings of {added} of {len(returned)} forms."])
