"""Network words: kinds of contact, how we met, interaction notes, events and places."""

from __future__ import annotations

from dataclasses import dataclass

from ...domain.enums import InteractionKind, Relationship
from .blocks import read_blocks

K = InteractionKind


@dataclass(frozen=True, slots=True)
class Circle:
    """A kind of contact: what they do, how they are tagged, how often to reconnect."""

    tag: str
    roles: str  # a key of people.ROLES
    relationship: Relationship
    own_company: bool
    cadences: tuple[int | None, ...]
    kinds: tuple[InteractionKind, ...]
    how_met: tuple[str, ...]
    notes: tuple[str, ...]
    weight: float


# tag | roles | relationship | own or other company | cadences (- for none) | kinds | weight
_CIRCLES = """
colleague | engineer | peer | own | - - 30 | meeting coffee call | 14
how: Works with me on the {team} team.
how: Joined the {project} project with me.
note: Knows the {project} codebase better than anyone.
note: Great sounding board for design questions.

manager | manager | manager | own | 14 | meeting call coffee | 2
how: My manager.
how: My skip-level manager.
note: Prefers written updates on Fridays.
note: Ask about the manager track at the next review.

former colleague | engineer | peer | other | 90 182 - | coffee call email linkedin | 16
how: We worked together at {company}.
how: Shared an office at {company} years ago.
note: Moved into management last year - ask how it went.
note: Always up for a coffee when in town.

mentor | manager | mentor | other | 30 | coffee call meeting | 3
how: Introduced through the mentoring programme.
how: Met at a leadership workshop.
note: Monthly mentoring. Asks the question behind the question.
note: Went through the same move from engineer to manager.

recruiter | recruiter | other | other | 182 - | linkedin email call | 6
how: Reached out on LinkedIn.
how: Met at a hiring fair.
note: Specialises in engineering leadership roles.
note: Honest about salary bands.

client | client | client | other | 30 90 | meeting call email | 6
how: Main contact at {client}.
how: Met during the {client} onboarding.
note: Values short, direct updates.
note: Prefers calls to e-mail.

conference | community | other | other | - 90 182 | linkedin email coffee call | 14
how: Met at {event}.
how: Sat next to each other at {event}.
note: Gave a great talk on {topic}.
note: Runs a meetup - possible speaking slot.

informational interview | manager | other | other | 90 - | informational_interview email | 6
how: Introduced by a former colleague.
how: Asked for an informational interview.
note: Made the move from staff engineer to manager two years ago.
note: Runs a team of twelve across two time zones.

community | product | other | other | - 182 | email linkedin other coffee | 8
how: Met in the {topic} community Slack.
how: Alumni network.
note: Helpful for anything about {topic}.
note: Co-organises the book club.
"""


def _circles() -> tuple[Circle, ...]:
    circles = []
    for block in read_blocks(_CIRCLES):
        tag, roles, relationship, company, cadences, kinds, weight = block.head
        circles.append(
            Circle(
                tag=tag,
                roles=roles,
                relationship=Relationship(relationship),
                own_company=company == "own",
                cadences=tuple(None if c == "-" else int(c) for c in cadences.split()),
                kinds=tuple(InteractionKind(kind) for kind in kinds.split()),
                how_met=block.many("how"),
                notes=block.many("note"),
                weight=float(weight),
            )
        )
    return tuple(circles)


CIRCLES = _circles()

# Informational interviews: one question and its answer per line, as plain text (a note is
# text, not Markdown: the report and the app show it as typed).
INFORMATIONAL_NOTES = tuple(
    "\n".join(lines)
    for lines in (
        (
            "What does a normal week look like? One-on-ones and planning; Wednesday "
            "mornings stay free for thinking.",
            "What surprised you most? How slow the feedback loops are.",
            "Who else should I talk to? A former director - intro promised.",
        ),
        (
            "Why did you move into management? To multiply impact, not just write code.",
            "What do you miss? Finishing things.",
            "Advice for me? Lead a project end to end first, and ask for a mentee now.",
        ),
        (
            "How did you prepare for the switch? Ran the team's hiring for a year before.",
            "What would you do differently? Ask for a coach from day one.",
            "Next step: send my CV for the open team lead role.",
        ),
        (
            "How is success measured in your role? Team health, delivery, hiring.",
            "Hardest part? Performance conversations.",
            "Take-away: practise difficult conversations in low-stakes settings.",
        ),
        (
            "What do hiring managers look for in new managers? Evidence of coaching and "
            "of cross-team influence.",
            "Take-away: my goals are too local - add a cross-team one.",
        ),
    )
)

KIND_NOTES = {
    K.CONFERENCE: (
        "Chatted after the {topic} talk at {event}.",
        "Ran into each other at {event}.",
        "Had lunch together at {event}; swapped notes on {topic}.",
    ),
    K.MEETING: (
        "Planning for {project}.",
        "Went through the quarter's goals.",
        "Reviewed the {project} proposal together.",
    ),
    K.COFFEE: (
        "Coffee - caught up on life and work.",
        "Talked about {topic} and career moves.",
        "Lunch near the office; swapped notes on hiring.",
    ),
    K.CALL: (
        "Quick call about {project}.",
        "Talked through a tricky decision.",
        "Caught up on each other's year.",
    ),
    K.EMAIL: (
        "Sent the article on {topic} we discussed.",
        "Thank-you note after our chat.",
        "Replied about the open role.",
    ),
    K.LINKEDIN: (
        "Congratulated them on the work anniversary.",
        "Shared my post on {topic}; nice comment back.",
        "Sent a note about an article on {topic}.",
    ),
    K.OTHER: ("Book club.", "Bumped into each other at a community event."),
}

CONFERENCES = (
    "Northern Engineering Leadership Summit",
    "Cloud Native Days",
    "Developer Experience Conference",
    "Women in Tech Forum",
    "Data Systems Summit",
    "Product & Engineering Forum",
    "Reliability Engineering Days",
    "Open Source Summit",
)
MEETUPS = (
    "Python User Group",
    "Engineering Managers Meetup",
    "Staff+ Engineers Breakfast",
    "Frontend Night",
    "Data Drinks",
    "Leadership Book Club",
    "Tech Leads Roundtable",
)
# Conferences are anywhere; meetups are in the person's home city or online.
CONFERENCE_PLACES = (
    "Lisbon",
    "Berlin",
    "Amsterdam",
    "Austin, TX",
    "Toronto",
    "Dublin",
    "Copenhagen",
)
HOME_CITIES = ("Manchester", "Leeds", "Bristol", "Edinburgh")
CONFERENCE_NOTES = (
    "Best talk: the keynote on {topic}. Want to try their approach on {project}.",
    "Good hallway conversations; two follow-ups to send.",
    "The workshop on difficult conversations was worth the trip alone.",
    "Too many vendor talks, but the {topic} track was excellent.",
    "",
)
# The interaction at the event where we first met.
FIRST_MEETING_NOTES = (
    "Met after the {topic} talk; swapped cards.",
    "First chat, over coffee between sessions.",
    "Introduced by a mutual friend; talked about {topic}.",
    "Sat at the same table at lunch. Funny and sharp.",
)
MEETUP_NOTES = (
    "Lightning talks were the highlight.",
    "Small crowd, very good discussion about {topic}.",
    "Volunteered to give a talk at the next one.",
    "Pizza and a lively debate about {topic}.",
    "",
)
