"""The feedback loop's rules: an action plan as goal steps, and the goal a plan starts."""

from __future__ import annotations

import re

from .goals import Goal
from .journal import Feedback

MAX_STEP_LENGTH = 500
MAX_TITLE_LENGTH = 200
# A list marker at the start of a line: "- ", "* ", "• ", "1. ", "2) ", "[ ] ".
_MARKER = re.compile(r"^\s*(?:[-*•+]|\d+[.)]|\[[ xX]?\])\s+")


def action_steps(plan: str) -> tuple[str, ...]:
    """One step per non-empty line of the plan, without list markers, each at most
    MAX_STEP_LENGTH characters."""
    steps: list[str] = []
    for line in plan.splitlines():
        text = " ".join(_MARKER.sub("", line).split())
        if text:
            steps.append(text[:MAX_STEP_LENGTH])
    return tuple(steps)


def goal_for_plan(feedback: Feedback) -> Goal:
    """A new goal for an entry's action plan (not saved; the caller gives it an id)."""
    who = feedback.source_name or "feedback"
    title = f"Act on feedback from {who}" if feedback.source_name else "Act on feedback"
    if len(title) > MAX_TITLE_LENGTH:
        title = title[: MAX_TITLE_LENGTH - 1] + "…"
    why = f"Feedback of {feedback.date.isoformat()}: {feedback.first_line}".strip()
    factor = feedback.factors[0] if feedback.factors else None
    return Goal(id="", title=title, why=why[:2000], factor=factor)
