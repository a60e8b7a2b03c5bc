"""Writing interchange documents: a Dataset as the canonical JSON-ready dict of INTERCHANGE.md.

Canonical means every key is always written, in the order the contract lists them: null for
a missing optional value, [] for an empty list, "" for empty text. So two exports of the same
data are the same text apart from `exported_at`.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from ontrack.domain.assessment import Answer, Assessment, Rater, Reflections
from ontrack.domain.dataset import Dataset, Profile
from ontrack.domain.goals import CheckIn, Goal, Step
from ontrack.domain.journal import Feedback
from ontrack.domain.network import Contact, Event, Interaction

FORMAT_NAME = "ontrack"
FORMAT_VERSION = 1


def dataset_to_document(dataset: Dataset, exported_at: datetime) -> dict[str, Any]:
    """The canonical document for `dataset`; `exported_at` must carry a UTC offset."""
    if exported_at.utcoffset() is None:
        raise ValueError("exported_at needs a UTC offset (a timezone-aware datetime)")
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "exported_at": exported_at.isoformat(timespec="seconds"),
        "profile": _profile(dataset.profile),
        "assessments": [_assessment(item) for item in dataset.assessments],
        "goals": [_goal(item) for item in dataset.goals],
        "feedback": [_feedback(item) for item in dataset.feedback],
        "contacts": [_contact(item) for item in dataset.contacts],
        "events": [_event(item) for item in dataset.events],
    }


def _date(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def _profile(profile: Profile) -> dict[str, Any]:
    return {
        "name": profile.name,
        "current_role": profile.current_role,
        "target_role": profile.target_role,
    }


def _answers(answers: tuple[Answer, ...]) -> list[dict[str, Any]]:
    return [{"statement": answer.statement, "rating": answer.rating} for answer in answers]


def _reflections(reflections: Reflections) -> dict[str, Any]:
    return {
        "skills_enjoyed": reflections.skills_enjoyed,
        "feedback_received": reflections.feedback_received,
        "learning_to_pursue": reflections.learning_to_pursue,
        "notes": reflections.notes,
    }


def _rater(rater: Rater) -> dict[str, Any]:
    written: dict[str, Any] = {
        "name": rater.name,
        "relationship": rater.relationship.value,
        "answers": _answers(rater.answers),
    }
    # The optional keys of a rater asked by questionnaire; a rater typed in by hand has
    # none, so files without questionnaires stay as they were.
    if rater.id:
        written["id"] = rater.id
    if rater.email:
        written["email"] = rater.email
    if rater.asked_on or rater.returned_on:
        written["asked_on"] = _date(rater.asked_on)
        written["returned_on"] = _date(rater.returned_on)
    if rater.comments:
        written["comments"] = dict(rater.comments)
    # `rater.consent` (agreed to be shown by name) has no key in version 1 of the format,
    # and none is added: the format is a public contract. An export and import therefore
    # forgets it, and the rater is withheld again in a small group: the private direction.
    return written


def _assessment(assessment: Assessment) -> dict[str, Any]:
    return {
        "id": assessment.id,
        "taken_on": assessment.taken_on.isoformat(),
        "status": assessment.status.value,
        "current_role": assessment.current_role,
        "target_role": assessment.target_role,
        "answers": _answers(assessment.answers),
        "reflections": _reflections(assessment.reflections),
        "raters": [_rater(rater) for rater in assessment.raters],
    }


def _step(step: Step) -> dict[str, Any]:
    return {
        "id": step.id,
        "text": step.text,
        "done": step.done,
        "due": _date(step.due),
        "done_on": _date(step.done_on),
    }


def _checkin(checkin: CheckIn) -> dict[str, Any]:
    return {
        "id": checkin.id,
        "date": checkin.date.isoformat(),
        "note": checkin.note,
        "progress": checkin.progress,
    }


def _goal(goal: Goal) -> dict[str, Any]:
    return {
        "id": goal.id,
        "title": goal.title,
        "why": goal.why,
        "measure": goal.measure,
        "deadline": _date(goal.deadline),
        "status": goal.status.value,
        "progress": goal.progress,
        "factor": None if goal.factor is None else goal.factor.value,
        "created_on": _date(goal.created_on),
        "completed_on": _date(goal.completed_on),
        "steps": [_step(step) for step in goal.steps],
        "checkins": [_checkin(checkin) for checkin in goal.checkins],
    }


def _feedback(feedback: Feedback) -> dict[str, Any]:
    return {
        "id": feedback.id,
        "date": feedback.date.isoformat(),
        "kind": feedback.kind.value,
        "source_name": feedback.source_name,
        "relationship": feedback.relationship.value,
        "contact": feedback.contact,
        "situation": feedback.situation,
        "behavior": feedback.behavior,
        "impact": feedback.impact,
        "text": feedback.text,
        "reflection": feedback.reflection,
        "action_plan": feedback.action_plan,
        "follow_up_on": _date(feedback.follow_up_on),
        "followed_up_on": _date(feedback.followed_up_on),
        "follow_up_note": feedback.follow_up_note,
        "factors": [factor.value for factor in feedback.factors],
        "goal": feedback.goal,
        "tags": list(feedback.tags),
    }


def _interaction(interaction: Interaction) -> dict[str, Any]:
    return {
        "id": interaction.id,
        "date": interaction.date.isoformat(),
        "kind": interaction.kind.value,
        "event": interaction.event,
        "notes": interaction.notes,
        "follow_up_on": _date(interaction.follow_up_on),
    }


def _contact(contact: Contact) -> dict[str, Any]:
    return {
        "id": contact.id,
        "name": contact.name,
        "company": contact.company,
        "role": contact.role,
        "email": contact.email,
        "phone": contact.phone,
        "linkedin_url": contact.linkedin_url,
        "how_met": contact.how_met,
        "notes": contact.notes,
        "met_on": _date(contact.met_on),
        "tags": list(contact.tags),
        "reconnect_every_days": contact.reconnect_every_days,
        "interactions": [_interaction(item) for item in contact.interactions],
    }


def _event(event: Event) -> dict[str, Any]:
    return {
        "id": event.id,
        "name": event.name,
        "date": event.date.isoformat(),
        "location": event.location,
        "notes": event.notes,
        "goal": event.goal,
    }
