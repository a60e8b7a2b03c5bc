"""Words for goal progress: extra action steps for long goals and check-in notes."""

from __future__ import annotations

# Steps added after a template's own steps when a goal needs more of them.
EXTRA_STEPS = (
    "Block two hours on Friday mornings for this",
    "Tell my manager what I am working towards",
    "Ask a peer to hold me to the deadline",
    "Write a one-page summary of where I am",
    "Review progress with my mentor",
    "Collect examples for my next review",
    "Share a draft with two people for comments",
    "Look at how another team handled this",
    "Update the plan after the first month",
    "Decide what to stop doing to make room",
    "Set up a reminder for the next check-in",
    "Write down what I would do differently",
    "Ask for one piece of feedback on this",
    "Present the outcome at the team meeting",
    "Record what I learned in the journal",
    "Agree the next milestone with my manager",
    "Find someone who has done this before",
    "Read up on how others approach it",
    "Try the new habit for two weeks",
    "Check the measure against the goal again",
    "Celebrate the milestone with the team",
    "Clean up the loose ends",
    "Write a short retrospective",
    "Plan the follow-up for next quarter",
)

STARTING_NOTES = (
    "Not started yet - the release took the whole week.",
    "Talked it through with my manager; starting next sprint.",
    "Set up the plan and the reminders. Nothing to show yet.",
    "Blocked on budget approval, asked again today.",
)

GENERAL_NOTES = (
    "Steady week. Less than I hoped but moving.",
    "Good conversation with my mentor about this; the plan still holds.",
    "Slow fortnight: on-call and a production incident ate the time.",
    "Feeling more confident about this than a month ago.",
    "Re-read the measure - it is still the right one.",
    "Half a day on this on Friday, which is about what works.",
    "Got useful pushback from a peer and adjusted the plan.",
    "Back on it after the holidays.",
    "Moved the deadline conversation forward with my manager.",
    "Small win this week, and it was noticed.",
)

STEP_NOTES = (
    'Finished "{step}". Next up: {next}.',
    '"{step}" is behind me; "{next}" is the hard part.',
    '"{step}" done. Planning "{next}" for the coming weeks.',
    "Done: {step}. Still to do: {next}.",
)

DONE_NOTES = (
    "Done! Took longer than planned but worth it.",
    "Finished. Wrote down what I would do differently next time.",
    "Closed this one. My manager mentioned it in our one-on-one.",
    "Complete - celebrated with the team on Friday.",
)

DROPPED_NOTES = (
    "Parking this: the reorg changed what matters.",
    "Dropping it for now; it no longer fits the plan.",
)
