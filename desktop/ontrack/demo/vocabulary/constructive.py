"""Constructive feedback received, with reflection and plan (format: see `praise`)."""

from __future__ import annotations

from .stories import read_stories

CONSTRUCTIVE = read_stories("""
constructive | image | presentation | manager
S: The {project} update to the leadership team.
B: You spent ten minutes on implementation details before getting to the risk.
I: We ran out of time for the decision we actually needed.
T: The content was right but the order was not.
T: Lead with the risk and the decision; the details can go in an appendix.
T: I had to schedule a second meeting.
R: I hide behind detail when I am unsure. Fair point.
A: Structure updates as decision, risk, details. Rehearse the first two minutes.
F: Showed my manager the new structure before the next update; it ran to time.

constructive | impact | code review | peer, manager
S: Code reviews on the {team} team.
B: Your comments are often one word: "no", "why", "wrong".
I: Two people said they dread sending you pull requests.
T: Your reviews are accurate but they land badly.
T: Add a sentence of why, and say what is good too.
R: It hurt to hear. I thought short meant efficient.
A: Every blocking comment gets a reason and a suggestion. Re-read before sending.
F: Asked the same two people a month later; both said it is better.

constructive | people | 1:1 | direct_report, other
S: Our last three one-on-ones.
B: You talked about tasks the whole time and never asked how I was doing.
I: I did not feel I could raise that I was struggling with the workload.
T: I need our one-on-ones to be about more than tickets.
T: It would help if you asked how things are going for me.
R: I treated one-on-ones as stand-ups. That is not what they are for.
A: Start every one-on-one with the other person's agenda.
F: Changed the format; we now use a shared agenda.

constructive | teamwork | planning | peer, manager
S: Sprint planning.
B: You committed the team to the {project} work without checking capacity.
I: The team felt overruled, and we missed the sprint goal.
T: Please check with the team before committing on its behalf.
T: Their buy-in matters more than speed.
R: I wanted to look decisive. It cost the team's trust.
A: Ask the team for an estimate before any commitment in planning.
F: Did this for three sprints; the team asked me to keep going.

constructive | authority | review | manager
S: The reorganisation announcement.
B: You questioned the decision in the team channel before talking to me.
I: It made the team anxious and put me in a difficult position.
T: I understand you disagree.
T: Please bring it to me first; I would rather hear it directly.
R: I was right about the substance and wrong about the venue.
A: Disagree in private first, then align in public.
F: Raised my next concern in our one-on-one; it was addressed.

constructive | isolation | 1:1 | manager, peer
S: The {project} migration.
B: You worked on it alone for three weeks and shared it only when it was finished.
I: We found a conflict with another team's work that cost a week to fix.
T: Please share earlier, even when it feels unfinished.
T: Nobody expects a draft to be perfect.
R: I hate showing half-done work. That habit is expensive.
A: Share a draft or a demo every week for anything longer than a week.
F: Weekly drafts for the last project; no late surprises.

constructive | customer | client | client, manager
S: The call with {client} about their outage.
B: You explained the technical cause at length before apologising.
I: The client felt we cared more about the system than about them.
T: Acknowledge the impact on them first.
T: The technical story can come later, if they ask.
R: My instinct is to explain. Theirs is to be heard.
A: Open incident calls with the impact on the customer and an apology.
F: Used this with two customers; both calls were calmer.

constructive | vision | strategy | peer, manager, mentor
S: The architecture review.
B: You argued for the perfect design without considering the deadline or the team's size.
I: The discussion took two hours and ended without a decision.
T: Good engineering, wrong constraints.
T: Try designing for the team we have, not the one we wish we had.
R: Too narrow a view: I optimised the system, not the outcome.
A: Write the constraints down before proposing a design.
F: Started every design doc with a constraints section.

constructive | image | writing | manager, peer
S: Your status e-mails.
B: They are long and the important part is in the last paragraph.
I: People stop reading before they reach it.
T: Put the ask in the subject line or the first sentence.
R: I write in the order I think, not the order people read.
A: Write the first line last, as the summary.
F: Status mails are shorter now; replies come faster.

constructive | impact | meeting | peer, mentor
S: The design discussion with the {team} team.
B: You interrupted the junior engineers several times.
I: They stopped contributing for the rest of the meeting.
T: You have good ideas but you crowded others out.
T: Let people finish, and ask the quieter ones first.
R: I did not notice I was doing it, which is the worst part.
A: Keep a note during meetings and speak after two others have.
F: Asked a peer to watch for it for two weeks; she saw one slip.

constructive | teamwork | retro | peer
S: The last two retrospectives.
B: You proposed action items and then did not take any of them.
I: The team sees retros as a place for ideas you leave to others.
T: Please pick up at least one action item yourself.
R: Fair. I like solving things in the room and not afterwards.
A: Volunteer for one action item per retro and report back.
F: Took and finished an item in each of the last three retros.

constructive | people | hiring | manager, peer
S: The interview loop for the {team} team.
B: You asked the candidate puzzle questions unrelated to the job.
I: The candidate withdrew and mentioned it in their feedback.
T: Interviews should show us how people do the actual work.
R: I interviewed the way I was interviewed.
A: Rewrite my interview around a real problem from our backlog.
F: New question in use; candidates rate it highly.

constructive | authority | 1:1 | manager
S: Deadline discussions with my director.
B: You agree in the meeting and then raise concerns with me afterwards.
I: I have to carry your concerns to a room you were already in.
T: Say it in the room. You are allowed to disagree with the director.
R: I defer to seniority more than I realised.
A: Prepare one concern to raise in each meeting with senior people.
F: Raised a concern about the {project} date directly; it was welcomed.

constructive | isolation | review | manager
S: The annual review.
B: Few people outside the team know what you work on.
I: It was hard to find evidence of your impact for the promotion case.
T: Your work is excellent but invisible.
T: Make it easier for others to see it.
R: I assumed good work speaks for itself. It does not travel.
A: Share a monthly note of what I shipped and why it mattered.
F: Three monthly notes sent; my director replied to two.

constructive | customer | planning | manager, peer
S: Prioritising the bug backlog.
B: You ranked bugs by technical interest rather than by customer impact.
I: The most complained-about bug waited two sprints.
T: Please start from the support data when you prioritise.
R: I fix what is interesting. Customers do not care what is interesting.
A: Sort the backlog by ticket count before every triage.
F: Triage now starts from support's top ten.

constructive | vision | review | manager, mentor
S: Your goals for the year.
B: They are all about this team's system.
I: For the manager track we need to see you thinking across teams.
T: Broaden your goals beyond the {team} team.
R: I had not thought of goals as a signal of scope.
A: Add one cross-team goal this half.
F: Added the cross-team dependency map as a goal.
""")
