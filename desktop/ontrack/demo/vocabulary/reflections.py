"""The assessment's reflection answers, in the person's own words."""

from __future__ import annotations

SKILLS_ENJOYED = (
    "Untangling hard production problems, and explaining them afterwards.",
    "Pairing with newer engineers and watching them get it.",
    "Designing systems on a whiteboard with the team.",
    "Turning vague requests into a plan people can follow.",
    "Writing - design docs, post-mortems, the occasional blog post.",
)

FEEDBACK_RECEIVED = (
    "Strong technically; needs to share work earlier and bring people along.",
    "People value my patience, but my code reviews can land badly.",
    "Good with customers once in the room; I should be in the room more often.",
    "I defer to senior people in meetings and raise concerns too late.",
    "My updates are too detailed; lead with the decision.",
)

LEARNING_TO_PURSUE = (
    "Coaching and giving feedback, before I have a team of my own.",
    "How other teams plan, so I can see further than our backlog.",
    "Presenting to senior leaders without drowning them in detail.",
    "Hiring well: structured interviews and fair debriefs.",
    "The business side: budgets, and how our work shows up in revenue.",
)

NOTES = (
    "Retook it after six months of working on my goals; teamwork and image moved most.",
    "The gap between my ratings and my manager's on authority is worth a conversation.",
    "Doing this before the review cycle helped me write my self-assessment.",
    "",
    "Harder to be honest than I expected. Want to discuss the results with my mentor.",
)
