"""Goal templates: SMART titles with their why, measure, factor and first action steps.

Header: `title | factor or - | network` (the last part marks goals that events can
serve). Titles may use `{project}`, `{team}`, `{topic}` and `{client}`.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...domain.enums import Factor
from .blocks import read_blocks


@dataclass(frozen=True, slots=True)
class GoalTemplate:
    title: str
    factor: Factor | None
    why: str
    measure: str
    steps: tuple[str, ...]
    network: bool


_TEXT = """
Obtain a Certification | image
why: A cloud architecture certificate makes the design work I already do visible beyond
  my team, and it is on the checklist for the lead roles I am aiming at.
measure: Pass the associate architect exam with 80% or more.
- Enroll in course
- Study materials
- Take two practice exams
- Book the exam date
- Pass the exam and share my notes with the team

Expand Network | isolation | network
why: Most of what I know about management comes from my own team. I want to hear how
  other companies grow engineers into managers.
measure: Twelve new conversations with people outside my company this year.
- Reconnect with five former colleagues
- Attend 3 industry conferences
- Have coffee with two engineering managers outside my company
- Hold three informational interviews
- Join the organising team of a local meetup

Run weekly one-on-ones with my two mentees | people
why: They ask for help late because I only see them in stand-up.
measure: A 30-minute one-on-one each week for a quarter, and both say it helps.
- Agree a time slot with each of them
- Keep a shared running agenda
- Ask what they want to learn this quarter
- Review the quarter with both of them

Present the {project} architecture at the engineering all-hands | image
why: The design is sound but only four people understand it, so every change waits on me.
measure: A 20-minute talk, the slides in the wiki, and questions answered in the channel.
- Draft the storyline on one page
- Make three diagrams
- Dry run with two teammates
- Give the talk
- Publish slides and recording

Ask three peers for feedback every quarter | impact
why: I hear about how I come across only in the annual review, when it is too late.
measure: Three written answers per quarter, logged in the journal with an action each.
- Pick three peers who see different sides of my work
- Send the two questions
- Log the answers and one action each

Lead the {project} launch end to end | vision
why: I have owned pieces of launches but never the whole thing, from scope to announcement.
measure: Launched by the deadline with the agreed scope and no sev-1 incident in week one.
- Write the launch plan with milestones
- Agree scope with product
- Set up the weekly status note
- Run the go/no-go meeting
- Hold the launch retrospective

Shadow the {team} team's customer calls for a month | customer
why: I build features for people I have never heard describe their day.
measure: Eight calls attended and a one-page summary of what surprised me.
- Ask the {team} lead for an invite
- Attend the first two calls and take notes
- Summarise the recurring problems
- Share the summary at sprint review

Send my manager a weekly update that needs no follow-up | authority
why: My manager has to chase me for status, which costs us both time and trust.
measure: An update every Friday for twelve weeks, with no follow-up questions needed.
- Agree the format with my manager
- Set a Friday reminder
- Ask for feedback after four weeks

Co-write the on-call handbook with the {team} team | teamwork
why: Every incident starts with ten minutes of working out who knows what.
measure: A reviewed handbook in the wiki, used in the next three incidents.
- Collect the last ten incident timelines
- Draft the first chapter together
- Review it with the on-call rotation
- Run a game day using the handbook

Speak at a meetup about {topic} | image | network
why: Explaining what we learned in public is the best way to check I understand it.
measure: One accepted talk this half, with the recording shared internally.
- Write a one-paragraph abstract
- Submit to two meetups
- Rehearse with the team
- Give the talk

Mentor a new engineer through their first 90 days | people
why: I want to practise coaching before I ask for a team of my own.
measure: The new engineer ships to production in week two and rates onboarding 4 of 5.
- Prepare a first-week plan
- Pair on their first change
- Hold fortnightly check-ins
- Ask for their honest feedback at day 90

Read two books on engineering management and share notes | vision
why: I want words for things I have only seen done well or badly.
measure: Two books finished and a short note on each in the team wiki.
- Pick the two books with my mentor
- Read the first and write notes
- Read the second and write notes
- Discuss the notes with my mentor

Pair with a different teammate every week | isolation
why: I disappear into hard problems and surface a week later with a finished answer.
measure: One pairing session a week for eight weeks, with eight different people.
- List the people I have never paired with
- Book the sessions in advance
- Note one thing I learned from each

Raise my concerns in planning, then commit | authority
why: I have argued against decisions after they were made, which reads as undermining.
measure: No reopened decisions this quarter; my manager confirms the change.
- Prepare my questions before each planning meeting
- Write down the decision and my concerns
- Check in with my manager after each planning cycle

Visit {client} on site and map their workflow | customer
why: Our roadmap is built from tickets, not from watching people work.
measure: A workflow map reviewed by the {client} team and two roadmap items changed.
- Agree the visit with the account manager
- Prepare the interview questions
- Spend a day on site
- Present the map to product

Turn the {project} post-mortem into three concrete fixes | teamwork
why: The last two post-mortems ended with action items nobody owned.
measure: Three fixes shipped and each with a named owner and a date.
- Facilitate the post-mortem
- Agree owners for each action
- Track the fixes in the weekly sync

Hold five informational interviews with engineering managers | isolation | network
why: I want to know what the job is really like before I commit to it.
measure: Five conversations, notes in the network log, and a decision about my next step.
- Make a list of ten managers I admire
- Write a short, specific request
- Hold the first two conversations
- Hold the remaining three
- Write up what I learned

Write a design doc for {project} and get it reviewed | image
why: My designs live in my head and in long chat threads.
measure: An approved design doc with comments from at least three reviewers.
- Outline the problem and constraints
- Write up two alternatives
- Ask three reviewers for comments
- Hold the review meeting

Stop rewriting teammates' code after review | impact
why: Two people told me it feels like they are not trusted with their own work.
measure: No silent rewrites for a quarter; suggestions go in review comments instead.
- Tell the team what I am changing
- Use suggestions instead of commits in review
- Ask the two teammates how it feels after a month

Take the lead on hiring for the {team} team | people
why: Hiring is where a manager's judgement shows first, and I have not practised it.
measure: Two hires made, and the interview loop documented.
- Rewrite the job description
- Train two interviewers
- Run the debriefs
- Write the onboarding plan for the new hires

Learn the basics of product analytics | customer
why: I want to argue for technical work in terms of what users do.
measure: Build three dashboards that product uses in planning.
- Take the internal analytics course
- Pair with a data scientist on one question
- Build the first dashboard
- Present the findings at planning

Publish four posts on the engineering blog | image
why: Writing in public makes our team easier to hire for, and makes me clearer.
measure: Four posts published this year.
- Keep a list of post ideas
- Write the first draft
- Get an editor from the comms team
- Publish and share

Facilitate the quarterly planning workshop | teamwork
why: Planning has become a list of wishes; I want us to leave with commitments.
measure: A plan the whole team signs up to, finished in one afternoon.
- Agree the agenda with my manager
- Gather inputs from each squad
- Run the workshop
- Send the summary

Build a relationship with the finance partner for {project} | authority
why: Budget decisions surprise us because nobody on the team talks to finance.
measure: A monthly 30-minute check-in and no budget surprises this year.
- Ask my manager for an introduction
- Prepare what finance needs from us
- Hold the first check-in

Understand the roadmaps of the teams next to mine | vision
why: We keep discovering dependencies in the last week of a project.
measure: A one-page map of neighbouring roadmaps, refreshed every quarter.
- Talk to the two neighbouring leads
- Draw the dependency map
- Review it with my manager

Find a sponsor for the engineering manager track | -
why: A mentor gives advice; a sponsor speaks up for me when I am not in the room.
measure: A named sponsor who knows my goal and has seen my work.
- List three possible sponsors
- Share my goal with my manager
- Ask for the first conversation

Improve the new-hire onboarding guide | people
why: New people take three weeks to ship their first change.
measure: First change shipped within a week for the next two hires.
- Interview the last three hires
- Rewrite the setup section
- Add a first-week checklist
- Ask the next hire to review it

Answer every customer escalation within one working day | customer
why: Escalations wait for the sprint, and the customer hears nothing meanwhile.
measure: Every escalation acknowledged within a day for a full quarter.
- Set up an alert for new escalations
- Agree a response template with support
- Review response times monthly

Attend 3 industry conferences | isolation | network
why: Conferences are where I meet people who solve our problems at a different scale.
measure: Three conferences attended, with notes and two follow-up conversations each.
- Choose the three conferences
- Get the budget approved
- Attend and take notes
- Follow up with the people I met
"""


def _template(block_head: tuple[str, ...]) -> tuple[str, Factor | None, bool]:
    factor = block_head[1] if len(block_head) > 1 else "-"
    return block_head[0], (None if factor == "-" else Factor(factor)), "network" in block_head


def _read() -> tuple[GoalTemplate, ...]:
    templates = []
    for block in read_blocks(_TEXT):
        title, factor, network = _template(block.head)
        why, measure, steps = block.one("why"), block.one("measure"), block.many("-")
        templates.append(GoalTemplate(title, factor, why, measure, steps, network))
    return tuple(templates)


GOAL_TEMPLATES = _read()
