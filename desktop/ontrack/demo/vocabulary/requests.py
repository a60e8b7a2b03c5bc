"""Feedback asked for and not yet received (format: see `praise`), and context tags."""

from __future__ import annotations

from .stories import read_stories

REQUESTS = read_stories("""
request | image | presentation | peer, manager
S: After my talk at the engineering all-hands.
T: Asked what I should cut from the talk and what was missing.
A: Remind them after the next sprint review if I have not heard back.

request | people | 1:1 | direct_report, other
S: Six weeks into mentoring.
T: Asked how our one-on-ones could be more useful, and what I do that does not help.
A: Bring it up in person at the next one-on-one.

request | teamwork | retro | peer
S: After the {project} release.
T: Asked for one thing I could do to make planning easier for the team.
A: Follow up in the retro.

request | authority | review | manager
S: Ahead of the mid-year review.
T: Asked my manager what would make my case for the manager track stronger.
A: Put it on the agenda of our next one-on-one.

request | impact | code review | peer
S: A month after changing how I write reviews.
T: Asked whether my review comments feel different now.
A: Ask again in person if no reply within a week.

request | customer | client | client
S: After the {client} workshop.
T: Asked their team lead what would have made the workshop more useful.
A: Mention it on the next status call.

request | vision | strategy | manager, mentor
S: After presenting the platform proposal.
T: Asked whether I connected the proposal to the company goals well enough.
A: Chase before the proposal goes to the steering group.

request | isolation | 1:1 | peer
S: After the first month of weekly demos.
T: Asked whether sharing work earlier is actually helping the team.
A: Ask in the team channel if there is no reply.

request | image | writing | peer, other
S: The draft of my first blog post.
T: Asked for honest comments on whether the draft is clear to someone outside the team.
A: Follow up before the publishing date.

request | people | hiring | peer
S: After my first interview as lead interviewer.
T: Asked the shadowing interviewer what I could do better.
A: Ask at the next debrief.
""")

CONTEXT_TAGS = (
    "1:1",
    "review",
    "presentation",
    "code review",
    "retro",
    "planning",
    "incident",
    "demo",
    "offsite",
    "all-hands",
)
