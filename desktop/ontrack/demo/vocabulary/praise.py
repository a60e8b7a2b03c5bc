"""Praise received: situation, behaviour, impact, what was said, reflection and plan.

Header: `kind | factors | tags | who gives this kind of feedback`; then S, B, I (situation,
behaviour, impact), T (one sentence of what was said each), R, A and F (reflection,
action plan, follow-up note).
"""

from __future__ import annotations

from .stories import read_stories

PRAISE = read_stories("""
praise | image | presentation | manager
S: The {project} demo to the leadership team.
B: You opened with the customer problem before showing a single screen.
I: The VP asked for the slides to reuse with the board.
T: That was the clearest demo we have had this quarter.
T: Starting from the customer made the trade-offs obvious.
T: Please keep that structure for the next one.
R: Leading with the why works for senior audiences. I tend to skip it when I am nervous.
A: Write the opening problem statement first for every talk from now on.
F: Used the same structure for the planning review; my manager noticed.

praise | people | 1:1 | peer, manager
S: My one-on-one with a junior engineer who was stuck for days.
B: You asked questions until she found the bug herself instead of fixing it for her.
I: She told her lead it was the most useful hour of her month.
T: Thanks for the time you gave her.
T: She came back energised and has been asking better questions since.
R: Holding back the answer felt slow but it paid off. This is the coaching I want to do more.
A: Keep a list of coaching questions handy for pairing sessions.
F: Shared my question list with the other mentors.

praise | teamwork | incident | peer, manager, other
S: The payment outage on a Saturday night.
B: You kept the incident channel calm, gave a summary every thirty minutes and shared the pager.
I: Support could answer customers without pinging engineers.
T: Great incident command.
T: The half-hourly summaries were exactly what support needed.
R: Structure beats heroics. I should write this down before I forget what worked.
A: Turn the summary format into a template in the on-call handbook.
F: Template is in the handbook and was used in the next incident.

praise | customer | client, demo | manager, client
S: The quarterly review with {client}.
B: You rephrased their complaint in your own words before proposing anything.
I: Their operations lead said it was the first time they felt heard by engineering.
T: The client noticed that you listened first.
T: We are getting the renewal conversation started early because of it.
R: Listening out loud is a skill I can practise deliberately.
A: In client calls, summarise what I heard before answering.
F: Did it in the next two calls; both went faster.

praise | vision | planning | manager, peer
S: Quarterly planning for the {team} team.
B: You pointed out that two of our goals depended on the same platform change.
I: We re-ordered the quarter and avoided a month of waiting.
T: Good catch on the dependency.
T: That saved us a painful quarter.
R: Looking one level up from my own work is valuable and I enjoyed it.
A: Ask for the neighbouring teams' roadmaps before every planning session.
F: Now get the roadmaps a week before planning.

praise | image | writing | peer, manager
S: The design document for {project}.
B: You wrote a one-paragraph summary at the top with the decision you needed.
I: Reviewers could answer in a day instead of a week.
T: Best design doc I have reviewed this year.
T: The summary at the top is a model for the rest of the team.
R: Writing the ask first forces me to know what I want.
A: Add a "decision needed" line to the design doc template.
F: Template updated; two other teams copied it.

praise | isolation | code review | peer
S: The refactoring of the {project} module.
B: You split the change into five small pull requests and asked for early reviews.
I: Reviewers kept up, and nothing broke in production.
T: Thanks for making the refactor so easy to review.
T: Small pull requests and early drafts made a big difference.
R: Asking early used to feel like admitting I was not done. It is the opposite.
A: Open a draft pull request on day one of any change over a few days.
F: Kept it up for a month; review time dropped by half.

praise | authority | 1:1 | manager
S: Our discussion about the deadline for {project}.
B: You came with a clear recommendation and two options instead of just saying no.
I: I could take it to my director the same day.
T: That is exactly how to push back on a date.
T: You made it easy for me to support you.
R: Disagreeing with options is received very differently from disagreeing alone.
A: Bring a recommendation and options to every escalation.
F: Did the same for the budget question; approved within a week.

praise | people | review | manager
S: The annual review cycle.
B: Three peers independently mentioned your patience when explaining the system.
I: It is now part of your case for the next level.
T: Your peers value your patience a lot.
T: It came up in every piece of peer feedback.
R: I did not know this was visible. Good to hear what to keep doing.
A: Keep office hours for the system every Thursday.
F: Office hours are running; about three people drop in each week.

praise | impact | retro | peer, manager
S: The sprint retrospective after a rough release.
B: You started by naming your own mistake before talking about anyone else's.
I: Others followed, and the retro was honest instead of defensive.
T: Owning your part first changed the tone of the whole meeting.
T: Thank you for that.
R: Going first costs little and gives others permission.
A: Open retros with one thing I would do differently.
F: The team now does a round of this at every retro.

praise | teamwork | pairing | peer, manager
S: Pairing with a new teammate on the {team} backlog.
B: You let him drive and explained your reasoning as you went.
I: He shipped his first change in week one.
T: Thanks for pairing so generously.
R: Pairing is quicker than writing documentation nobody reads.
A: Offer a pairing slot to every new joiner.
F: Two new joiners took me up on it.

praise | customer | support | other, client, manager
S: The escalation from a long-standing customer.
B: You called them directly instead of replying in the ticket.
I: The customer withdrew the complaint and thanked support.
T: A five-minute call saved a week of ticket ping-pong.
T: Support asked if you could join their training session.
R: Picking up the phone feels uncomfortable but works.
A: Call instead of typing when a ticket has gone back and forth three times.
F: Joined the support training and showed the approach.

praise | image | presentation | peer, other
S: The lightning talk on {topic} at the internal tech day.
B: You used one example all the way through instead of ten slides of theory.
I: People kept asking about it at lunch.
T: Your talk was the one people were discussing afterwards.
T: The single example made it stick.
R: Concrete beats complete.
A: Build future talks around one running example.
F: Submitted the talk to a local meetup.

praise | vision | strategy | manager, other
S: The discussion of next year's technical strategy.
B: You connected the platform work to revenue in terms the finance team understood.
I: The platform investment was approved.
T: Very persuasive. You spoke their language.
R: Translating technical work into business terms is learnable.
A: Ask finance for the two numbers they care about most.
F: Got the numbers and used them in the next proposal.

praise | isolation | community | peer, mentor
S: The internal guild meeting.
B: You shared your unfinished prototype and asked for ideas.
I: Two teams offered code they had already written.
T: Sharing early saved you weeks.
T: More of this, please.
R: Showing unfinished work brings help I would never have found alone.
A: Present a work-in-progress at the guild once a month.
F: Presented twice since; got help both times.

praise | people | hiring | manager, peer
S: The hiring debrief for the {team} team.
B: You gave specific evidence for each rating and changed your mind when others had more.
I: We made a confident decision in twenty minutes.
T: A model debrief contribution.
R: Evidence first, opinion second - and being willing to move.
A: Take structured notes in every interview.
F: Asked to train new interviewers.
""")
