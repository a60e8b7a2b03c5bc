"""The large demo: ten years of heavy use ending today, with exact record counts.

Built for load and speed tests: the counts below are part of the contract, and the
whole Dataset must build in a few seconds.
"""

from __future__ import annotations

from bisect import bisect_right
from datetime import date, timedelta

from ..domain.dataset import Dataset, Profile
from ..domain.enums import GoalStatus, Relationship
from ..domain.goals import Goal
from ..domain.journal import Feedback
from ..domain.network import Contact, Event
from .assemble import dataset, words
from .assessments import build_assessment, drift, first_levels
from .dice import Dice
from .goals import GoalPlan, build_goal
from .journal import build_feedback
from .network import Meeting, build_contact, build_event, people_named, pick_circle
from .vocabulary import people
from .vocabulary.constructive import CONSTRUCTIVE
from .vocabulary.goals import GOAL_TEMPLATES
from .vocabulary.network import CIRCLES, HOME_CITIES
from .vocabulary.praise import PRAISE
from .vocabulary.requests import REQUESTS

ASSESSMENTS = 40
GOALS, STEPS, CHECKINS = 2_000, 20_000, 10_000
FEEDBACK = 10_000
CONTACTS, INTERACTIONS = 5_000, 50_000
EVENTS = 500
YEARS = 10

# The career over the ten years: (current role, target role), one per third.
CAREER = (
    ("Software engineer", "Senior software engineer"),
    ("Senior software engineer", "Engineering manager"),
    ("Engineering manager", "Director of engineering"),
)
S = GoalStatus
OLD_STATUSES = ((S.DONE, S.DROPPED, S.AT_RISK, S.IN_PROGRESS), (75, 15, 7, 3))
NEW_STATUSES = (tuple(S), (15, 25, 25, 10, 20, 5))  # in GoalStatus order
GIVERS = ("colleague", "manager", "mentor", "client", "former colleague")
NETWORK_TITLES = {t.title for t in GOAL_TEMPLATES if t.network and "{" not in t.title}


class Career:
    """Where the person worked and what they aimed at, by date."""

    def __init__(self, dice: Dice, start: date, today: date) -> None:
        third = (today - start) / 3
        self.changes = [start + third, start + 2 * third]
        self.employers = dice.sample(people.COMPANIES, 3)

    def period(self, day: date) -> int:
        return bisect_right(self.changes, day)


def _goals(dice: Dice, today: date, start: date) -> list[Goal]:
    created = dice.days(start, today - timedelta(days=3), GOALS)
    deadlines = [
        None if dice.chance(0.1) else day + timedelta(days=dice.randint(30, 365)) for day in created
    ]
    statuses = [
        dice.weighted(*(OLD_STATUSES if d and d < today - timedelta(days=30) else NEW_STATUSES))
        for d in deadlines
    ]
    steps = dice.split(STEPS, GOALS, 0, 20)
    active = [i for i, status in enumerate(statuses) if status is not S.NOT_STARTED]
    checkins = [0] * GOALS
    high = -(-2 * CHECKINS // len(active))
    for i, count in zip(active, dice.split(CHECKINS, len(active), 0, high), strict=True):
        checkins[i] = count
    goals = []
    for i in range(GOALS):
        template = dice.choice(GOAL_TEMPLATES)
        plan = GoalPlan(template, statuses[i], created[i], deadlines[i], steps[i], checkins[i])
        goals.append(build_goal(dice, today, plan, words(dice)))
    return goals


def _events(dice: Dice, today: date, start: date, home: str, goals: list[Goal]) -> list[Event]:
    serving = [goal for goal in goals if goal.title in NETWORK_TITLES]
    serving_days = [goal.created_on or date.min for goal in serving]
    events = []
    for day in dice.days(start, today, EVENTS):
        open_before = bisect_right(serving_days, day)
        goal = None
        if open_before and dice.chance(0.4):
            goal = serving[dice.randrange(max(0, open_before - 5), open_before)].id
        events.append(build_event(dice, day, home, conference=dice.chance(0.35), goal=goal))
    return events


def _contacts(
    dice: Dice, today: date, start: date, events: list[Event], career: Career
) -> list[tuple[str, Contact]]:
    persons = people_named(dice, CONTACTS, len(people.INTERNATIONAL_NAMES))
    counts = dice.split(INTERACTIONS, CONTACTS, 1, 19)
    contacts = []
    for person, count in zip(persons, counts, strict=True):
        circle = pick_circle(dice)
        tags: tuple[str, ...] = ()
        if circle.tag == "conference":
            event = dice.choice(events)
            meeting = Meeting(event.date, event)
        elif dice.chance(0.05):
            meeting = Meeting(None)
        else:
            meeting = Meeting(dice.day(start - timedelta(days=5 * 365), today))
        period = career.period(meeting.met_on or today)
        if circle.own_company and period < len(career.changes):
            tags = ("former colleague",)
        contact = build_contact(
            dice,
            today,
            person,
            circle,
            meeting,
            employer=career.employers[period],
            events=events,
            interactions=count,
            since=start,
            tags=tags,
        )
        contacts.append((circle.tag, contact))
    return contacts


def _feedback(
    dice: Dice, today: date, start: date, goals: list[Goal], contacts: list[tuple[str, Contact]]
) -> list[Feedback]:
    relationships = {circle.tag: circle.relationship for circle in CIRCLES}
    # Per relationship, the people who can give feedback, in the order we met them.
    givers: dict[Relationship, list[Contact]] = {}
    for tag, contact in sorted(contacts, key=lambda pair: pair[1].met_on or date.min):
        if tag in GIVERS and contact.met_on is not None:
            givers.setdefault(relationships[tag], []).append(contact)
    giver_days = {r: [c.met_on or date.min for c in known] for r, known in givers.items()}
    goal_days = [goal.created_on or date.min for goal in goals]
    strangers = people_named(dice, 200, 0)
    kinds = ((PRAISE, CONSTRUCTIVE, REQUESTS), (40, 50, 10))
    entries = []
    for day in dice.days(start, today, FEEDBACK):
        story = dice.choice(dice.weighted(*kinds))
        relationship = dice.choice(story.givers)
        known = bisect_right(giver_days.get(relationship, []), day)
        contact_id = None
        if known and dice.chance(0.7):
            contact = givers[relationship][dice.randrange(known)]
            source, contact_id = contact.name, contact.id
        else:
            source = dice.choice(strangers).name
        goal = None
        created = bisect_right(goal_days, day)
        if created and dice.chance(0.35):
            recent = goals[max(0, created - 40) : created]
            matching = [g for g in recent if g.factor in story.factors]
            goal = dice.choice(matching or recent).id
        old = day < today - timedelta(days=120)
        entries.append(
            build_feedback(
                dice,
                today,
                day,
                story,
                source=source,
                relationship=relationship,
                words=words(dice),
                contact=contact_id,
                goal=goal,
                followed_share=0.95 if old else 0.5,
            )
        )
    return entries


def build(dice: Dice, today: date) -> Dataset:
    start = today - timedelta(days=YEARS * 365 + YEARS // 4)
    career = Career(dice, start, today)
    profile = Profile(dice.choice(people.PERSONAS), *CAREER[-1])
    goals = _goals(dice, today, start)
    events = _events(dice, today, start, dice.choice(HOME_CITIES), goals)
    contacts = _contacts(dice, today, start, events, career)
    relationships = {circle.tag: circle.relationship for circle in CIRCLES}
    raters = [(c.met_on, c.name, relationships[tag]) for tag, c in contacts if tag in GIVERS]
    levels = first_levels(dice)
    assessments = []
    spacing = (today - start).days // ASSESSMENTS
    drafts = {*dice.sample(range(ASSESSMENTS - 1), 3), ASSESSMENTS - 1}
    for i in range(ASSESSMENTS):
        taken = min(today, start + timedelta(days=i * spacing + dice.randint(0, spacing // 3)))
        draft = i in drafts
        known = [(name, r) for met, name, r in raters if met is None or met <= taken]
        how_many = min(len(known), dice.randint(1, 3))
        with_raters = [] if draft or i % 4 else dice.sample(known, how_many)
        assessments.append(
            build_assessment(
                dice,
                taken,
                CAREER[career.period(taken)],
                levels,
                draft=draft,
                raters=with_raters,
            )
        )
        levels = drift(dice, levels, 0.4)
    feedback = _feedback(dice, today, start, goals, contacts)
    return dataset(profile, assessments, goals, feedback, [c for _, c in contacts], events)
